import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { contactInput, type ContactInput } from '../../../../../electron/core/addressBook/schemas';
import { suggestSalutation } from '../../../../../electron/core/addressBook/salutation';
import type { ContactView } from '../../../../../electron/core/addressBook/views';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { FormActions } from '../../../components/FormActions';
import { linesToText, textToLines } from '../../../components/lines';
import { useRecordForm } from '../../../components/useRecordForm';

const rename = { addressLines: 'addressText' };

export function ContactForm(props: { record: ContactView | null; onDone: () => void; onDirtyChange: (d: boolean) => void }) {
  const { record } = props;
  const create = useApiMutation('contacts.create');
  const update = useApiMutation('contacts.update');
  const archive = useApiMutation('contacts.setArchived');
  const orgs = useApiQuery('organisations.list', { includeArchived: true });
  const { form, submit, error, saving } = useRecordForm({
    initialValues: {
      honorific: record?.honorific ?? '',
      givenName: record?.givenName ?? '',
      familyName: record?.familyName ?? '',
      postNominals: record?.postNominals ?? '',
      role: record?.role ?? '',
      organisationId: record?.organisationId ?? null,
      addressText: linesToText(record?.addressLines ?? []),
      email: record?.email ?? '',
      telephone: record?.telephone ?? '',
      salutation: record?.salutation ?? '',
    },
    schema: contactInput,
    rename,
    toInput: ({ addressText, ...v }): ContactInput => ({ ...v, addressLines: textToLines(addressText) }),
    save: (values) => (record ? update.mutateAsync({ id: record.id, values }) : create.mutateAsync(values)),
    onSaved: props.onDone,
  });

  // Keep the salutation in step with rank and name until the officer writes their own.
  const { honorific, givenName, familyName, salutation } = form.getValues();
  const lastSuggestion = useRef(record ? suggestSalutation(record) : '');
  useEffect(() => {
    const next = suggestSalutation({ honorific, givenName, familyName });
    if (salutation === '' || salutation === lastSuggestion.current) form.setFieldValue('salutation', next);
    lastSuggestion.current = next;
    // form is stable; only the name parts should trigger a new suggestion
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [honorific, givenName, familyName]);

  const dirty = form.isDirty();
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const orgOptions = (orgs.data ?? [])
    .filter((o) => !o.archived || o.id === record?.organisationId)
    .map((o) => ({ value: o.id, label: o.shortName ? `${o.name} (${o.shortName})` : o.name }));
  const chosenOrg = orgs.data?.find((o) => o.id === form.getValues().organisationId);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label="Rank or honorific" placeholder="DAC, Cllr, Dr, Sir" {...form.getInputProps('honorific')} />
          <TextInput label="Post-nominals" placeholder="QPM, OBE" {...form.getInputProps('postNominals')} />
          <TextInput label="Given name" {...form.getInputProps('givenName')} />
          <TextInput label="Family name" {...form.getInputProps('familyName')} />
        </SimpleGrid>
        <TextInput label="Role" placeholder="Deputy Assistant Commissioner" {...form.getInputProps('role')} />
        <Select
          label="Organisation"
          data={orgOptions}
          searchable
          clearable
          limit={50}
          nothingFoundMessage="No organisation by that name"
          {...form.getInputProps('organisationId')}
        />
        <Textarea label="Postal address" description="One line per line of the address" autosize minRows={4} {...form.getInputProps('addressText')} />
        {chosenOrg && chosenOrg.addressLines.length > 0 && (
          <Group>
            <Button variant="light" size="xs" onClick={() => form.setFieldValue('addressText', linesToText(chosenOrg.addressLines))}>
              Use {chosenOrg.shortName || chosenOrg.name}’s address
            </Button>
          </Group>
        )}
        <SimpleGrid cols={2}>
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          <TextInput label="Telephone" {...form.getInputProps('telephone')} />
        </SimpleGrid>
        <TextInput label="Salutation" description="Suggested from rank and name; you can change it" {...form.getInputProps('salutation')} />
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
