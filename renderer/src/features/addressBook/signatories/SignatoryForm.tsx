import { Button, FileInput, Group, Image, Input, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { MAX_SIGNATURE_BYTES, signatoryInput, type SignatoryInput } from '../../../../../electron/core/addressBook/schemas';
import type { SignatoryView } from '../../../../../electron/core/addressBook/views';
import { useApiMutation } from '../../../api/queries';
import { FormActions } from '../../../components/FormActions';
import { linesToText, textToLines } from '../../../components/lines';
import { useRecordForm } from '../../../components/useRecordForm';

const rename = { titleLines: 'titleText' };

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export function SignatoryForm(props: { record: SignatoryView | null; onDone: () => void; onDirtyChange: (d: boolean) => void }) {
  const { record } = props;
  const create = useApiMutation('signatories.create');
  const update = useApiMutation('signatories.update');
  const archive = useApiMutation('signatories.setArchived');
  const [imageError, setImageError] = useState<string | null>(null);
  const { form, submit, error, saving } = useRecordForm({
    initialValues: {
      honorific: record?.honorific ?? '',
      name: record?.name ?? '',
      titleText: linesToText(record?.titleLines ?? []),
      signatureImage: record?.signatureImage ?? null,
      email: record?.email ?? '',
      telephone: record?.telephone ?? '',
    },
    schema: signatoryInput,
    rename,
    toInput: ({ titleText, ...v }): SignatoryInput => ({ ...v, titleLines: textToLines(titleText) }),
    save: (values) => (record ? update.mutateAsync({ id: record.id, values }) : create.mutateAsync(values)),
    onSaved: props.onDone,
  });
  const dirty = form.isDirty();
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const chooseImage = async (file: File | null) => {
    setImageError(null);
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setImageError('Choose a PNG or JPEG image.');
    if (file.size > MAX_SIGNATURE_BYTES) return setImageError('The image must be smaller than 512 KB.');
    form.setFieldValue('signatureImage', await readAsDataUrl(file));
  };
  const image = form.getValues().signatureImage;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group grow align="flex-start" preventGrowOverflow={false}>
          <TextInput
            label="Honorific"
            description="Optional, printed before the name"
            placeholder="Cllr"
            maw={160}
            {...form.getInputProps('honorific')}
          />
          <TextInput label="Name" withAsterisk description="As it is signed" placeholder="Philip Glanville" {...form.getInputProps('name')} />
        </Group>
        <Textarea
          label="Title lines"
          withAsterisk
          description="Printed in bold under the name, one per line, e.g. “Deputy Mayor of Hackney and” then “Cabinet Member for Education”"
          autosize
          minRows={2}
          {...form.getInputProps('titleText')}
        />
        <Input.Wrapper label="Signature image" description="Optional: a scanned signature, PNG or JPEG, under 512 KB" error={imageError ?? form.errors['signatureImage']}>
          <Group mt={4} align="center">
            {image && <Image src={image} alt="Signature" h={48} w="auto" fit="contain" />}
            <FileInput aria-label={image ? 'Replace image of the signature' : 'Choose image of the signature'} placeholder={image ? 'Replace image' : 'Choose image'} accept="image/png,image/jpeg" onChange={(f) => void chooseImage(f)} w={200} clearable={false} />
            {image && (
              <Button variant="subtle" color="red" size="xs" onClick={() => form.setFieldValue('signatureImage', null)}>
                Remove image
              </Button>
            )}
          </Group>
        </Input.Wrapper>
        <SimpleGrid cols={2}>
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          <TextInput label="Telephone" {...form.getInputProps('telephone')} />
        </SimpleGrid>
        {!image && <Text size="xs" c="dimmed">Without an image, letters leave room for a handwritten signature.</Text>}
      </Stack>
      <FormActions
        saving={saving}
        error={error ?? (archive.error?.message || null)}
        onCancel={props.onDone}
        {...(record && {
          archived: record.archived,
          archiving: archive.isPending,
          onArchiveToggle: () => archive.mutate({ id: record.id, archived: !record.archived }, { onSuccess: props.onDone }),
        })}
      />
    </form>
  );
}
