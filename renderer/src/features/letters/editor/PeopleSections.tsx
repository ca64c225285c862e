import { Group, Select, Stack, Text } from '@mantine/core';
import { signatoryDisplayName } from '../../../../../electron/core/addressBook/signatoryName';
import type { CcEntry, LetterSignatory } from '../../../../../electron/core/letters/letterSchema';
import { call } from '../../../api/desk';
import { useApiQuery } from '../../../api/queries';
import { ReorderableList } from '../../../components/ReorderableList';

/** Who signs, in the order their blocks appear. */
export function SignatoriesSection(props: { value: LetterSignatory[]; onChange: (s: LetterSignatory[]) => void; readOnly: boolean }) {
  const signatories = useApiQuery('signatories.list', {});
  const present = new Set(props.value.map((s) => s.signatoryId));
  const options = (signatories.data ?? []).filter((s) => !present.has(s.id)).map((s) => ({ value: s.id, label: `${signatoryDisplayName(s)} · ${s.titleLines.join(' ')}` }));
  const add = (id: string | null) => {
    const s = signatories.data?.find((x) => x.id === id);
    if (s) props.onChange([...props.value, { signatoryId: s.id, name: signatoryDisplayName(s), titleLines: [...s.titleLines] }]);
  };
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        Signatories, in order
      </Text>
      <fieldset disabled={props.readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <ReorderableList
          label="Signatories"
          items={props.value}
          keyOf={(s) => s.signatoryId}
          nameOf={(s) => s.name}
          onChange={props.onChange}
          empty="No signatory yet."
          render={(s, i) => (
            <Text size="sm" truncate>
              {i + 1}. {s.name} <Text span c="dimmed">{s.titleLines.join(' ')}</Text>
            </Text>
          )}
        />
      </fieldset>
      <Select label="Add a signatory" placeholder="Choose" data={options} value={null} onChange={add} searchable disabled={props.readOnly} />
    </Stack>
  );
}

/** Who is copied in: people and whole CC groups (expanded, then editable for this letter). */
export function CcSection(props: { value: CcEntry[]; onChange: (c: CcEntry[]) => void; readOnly: boolean; onError: (m: string) => void }) {
  const contacts = useApiQuery('contacts.list', {});
  const groups = useApiQuery('ccGroups.list', {});
  const present = new Set(props.value.map((c) => c.contactId).filter(Boolean));
  const addAll = (entries: CcEntry[]) => props.onChange([...props.value, ...entries.filter((e) => !e.contactId || !present.has(e.contactId))]);
  const guarded = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      props.onError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        CC list, in order
      </Text>
      <fieldset disabled={props.readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <ReorderableList
          label="CC list"
          items={props.value}
          keyOf={(c, i) => c.contactId ?? `${c.name}-${i}`}
          nameOf={(c) => c.name}
          onChange={props.onChange}
          empty="No one is copied in."
          render={(c, i) => (
            <Text size="sm" truncate>
              {i + 1}. {c.name}
              {c.role && <Text span c="dimmed">, {c.role}</Text>}
              {c.organisation && <Text span c="dimmed"> ({c.organisation})</Text>}
            </Text>
          )}
        />
      </fieldset>
      <Group grow align="flex-end">
        <Select
          label="Copy in a person"
          placeholder="Type a name"
          data={(contacts.data ?? []).filter((c) => !present.has(c.id)).map((c) => ({ value: c.id, label: [c.fullName, c.role, c.organisationShortName].filter(Boolean).join(' · ') }))}
          searchable
          limit={30}
          value={null}
          onChange={(id) => id && void guarded(async () => addAll([await call('letters.ccFromContact', { id })]))}
          disabled={props.readOnly}
        />
        <Select
          label="Copy in a CC group"
          placeholder="Choose a group"
          data={(groups.data ?? []).map((g) => ({ value: g.id, label: `${g.name} (${g.members.length})` }))}
          value={null}
          onChange={(id) => id && void guarded(async () => addAll(await call('letters.ccFromGroup', { id })))}
          disabled={props.readOnly}
        />
      </Group>
    </Stack>
  );
}
