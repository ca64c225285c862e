import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { DateField } from '../../../components/DateField';

/** Start a letter: a template, the recipient and the date; the reference is allocated on Create. */
export function NewLetterModal(props: { onClose: () => void; onCreated: (id: string) => void }) {
  const templates = useApiQuery('templates.list', {});
  const contacts = useApiQuery('contacts.list', {});
  const create = useApiMutation('letters.create');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [contactId, setContactId] = useState<string | null>(null);
  const [letterDate, setLetterDate] = useState<string | null>(null);
  const [letterDateOk, setLetterDateOk] = useState(true);
  const [manual, setManual] = useState(false);
  const [reference, setReference] = useState('');
  const chosen = templates.data?.find((t) => t.id === templateId);
  const usable = (templates.data ?? []).map((t) => ({ value: t.id, label: t.problems.length ? `${t.name} (has problems)` : t.name, disabled: t.problems.length > 0 }));

  return (
    <Modal opened onClose={props.onClose} title="New letter" size="lg">
      <Stack>
        <Select label="Template" placeholder="Choose a template, or leave blank for a blank letter" data={usable} value={templateId} onChange={setTemplateId} searchable clearable />
        {chosen && <Text size="sm" c="dimmed">{chosen.description}</Text>}
        <Select
          label="To"
          placeholder="Type a name, role or organisation"
          data={(contacts.data ?? []).map((c) => ({ value: c.id, label: [c.fullName, c.role, c.organisationShortName || c.organisationName].filter(Boolean).join(' · ') }))}
          value={contactId}
          onChange={setContactId}
          searchable
          clearable
          limit={30}
        />
        <DateField label="Letter date" description="Today if left blank" value={letterDate} onChange={setLetterDate} onValidityChange={setLetterDateOk} clearable w={220} />
        <Checkbox label="This letter was sent before Correspondence Desk: I will type its reference" checked={manual} onChange={(e) => setManual(e.currentTarget.checked)} />
        {manual && <TextInput label="Reference" placeholder="MCO200114-03" value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={create.error?.fieldErrors['reference']} w={220} />}
        {create.isError && (
          <Alert color="red" role="alert">
            {create.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button
            loading={create.isPending}
            disabled={!letterDateOk}
            onClick={() =>
              create.mutate(
                { templateId, contactId, ...(letterDate && { letterDate }), ...(manual && { manualReference: reference }) },
                { onSuccess: (d) => props.onCreated(d.letter.id) },
              )
            }
          >
            Create letter
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
