import { Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { organisationInput, type OrganisationInput } from '../../../../../electron/core/addressBook/schemas';
import type { OrganisationView } from '../../../../../electron/core/addressBook/views';
import { useApiMutation } from '../../../api/queries';
import { FormActions } from '../../../components/FormActions';
import { linesToText, textToLines } from '../../../components/lines';
import { useRecordForm } from '../../../components/useRecordForm';

const rename = { addressLines: 'addressText' };

export function OrganisationForm(props: { record: OrganisationView | null; onDone: () => void; onDirtyChange: (d: boolean) => void }) {
  const { record } = props;
  const create = useApiMutation('organisations.create');
  const update = useApiMutation('organisations.update');
  const archive = useApiMutation('organisations.setArchived');
  const { form, submit, error, saving } = useRecordForm({
    initialValues: {
      name: record?.name ?? '',
      shortName: record?.shortName ?? '',
      addressText: linesToText(record?.addressLines ?? []),
      email: record?.email ?? '',
      telephone: record?.telephone ?? '',
    },
    schema: organisationInput,
    rename,
    toInput: ({ addressText, ...v }): OrganisationInput => ({ ...v, addressLines: textToLines(addressText) }),
    save: (values) => (record ? update.mutateAsync({ id: record.id, values }) : create.mutateAsync(values)),
    onSaved: props.onDone,
  });
  const dirty = form.isDirty();
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" withAsterisk placeholder="Metropolitan Police Service" {...form.getInputProps('name')} />
        <TextInput label="Short name" placeholder="MPS" description="Used in lists and CC lines" {...form.getInputProps('shortName')} />
        <Textarea label="Address" description="One line per line of the address" autosize minRows={4} {...form.getInputProps('addressText')} />
        <TextInput label="Email" type="email" {...form.getInputProps('email')} />
        <TextInput label="Telephone" {...form.getInputProps('telephone')} />
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
