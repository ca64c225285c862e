import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Recipient } from '../../../../../electron/core/letters/letterSchema';
import { call } from '../../../api/desk';
import { useApiQuery } from '../../../api/queries';
import { linesToText, textToLines } from '../../../components/lines';

/**
 * Who the letter is to: picked from the address book, then editable for this letter only (a different
 * address, a more formal salutation) without changing the contact.
 */
export function RecipientSection(props: { value: Recipient; onChange: (r: Recipient) => void; readOnly: boolean; onError: (m: string) => void }) {
  const { value: r, onChange, readOnly } = props;
  const contacts = useApiQuery('contacts.list', {});
  const options = (contacts.data ?? []).map((c) => ({ value: c.id, label: [c.fullName, c.role, c.organisationShortName || c.organisationName].filter(Boolean).join(' · ') }));
  const choose = async (id: string | null) => {
    if (!id) return;
    try {
      onChange(await call('letters.recipientFromContact', { id }));
    } catch (err) {
      props.onError(err instanceof Error ? err.message : String(err));
    }
  };
  const set = (patch: Partial<Recipient>) => onChange({ ...r, ...patch });
  return (
    <Stack gap="xs">
      <Select
        label="Recipient"
        placeholder="Type a name, role or organisation"
        data={options}
        searchable
        limit={30}
        value={r.contactId}
        onChange={(id) => void choose(id)}
        nothingFoundMessage="No contact matches"
        disabled={readOnly}
      />
      <SimpleGrid cols={2}>
        <TextInput label="Name as addressed" value={r.fullName} onChange={(e) => set({ fullName: e.currentTarget.value })} disabled={readOnly} />
        <TextInput label="Salutation" value={r.salutation} onChange={(e) => set({ salutation: e.currentTarget.value })} disabled={readOnly} />
        <TextInput label="Recipient role" value={r.role} onChange={(e) => set({ role: e.currentTarget.value })} disabled={readOnly} />
        <TextInput label="Recipient organisation" value={r.organisation} onChange={(e) => set({ organisation: e.currentTarget.value })} disabled={readOnly} />
      </SimpleGrid>
      <Textarea
        label="Recipient address"
        autosize
        minRows={3}
        value={linesToText(r.addressLines)}
        onChange={(e) => set({ addressLines: textToLines(e.currentTarget.value) })}
        disabled={readOnly}
      />
    </Stack>
  );
}
