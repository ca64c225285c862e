import { Badge, Select, Stack, Text } from '@mantine/core';
import type { CcMember } from '../../../../../electron/core/addressBook/views';
import { useApiQuery } from '../../../api/queries';
import { ReorderableList } from '../../../components/ReorderableList';

/** The ordered people in a CC group: the order of the CC lines on a letter. */
export function MemberList(props: { members: CcMember[]; onChange: (members: CcMember[]) => void; error?: string }) {
  const { members, onChange } = props;
  const contacts = useApiQuery('contacts.list', {});
  const present = new Set(members.map((m) => m.id));
  const options = (contacts.data ?? [])
    .filter((c) => !present.has(c.id))
    .map((c) => ({ value: c.id, label: [c.fullName, c.role, c.organisationShortName].filter(Boolean).join(' · ') }));
  const add = (id: string | null) => {
    const c = contacts.data?.find((x) => x.id === id);
    if (!c) return;
    onChange([...members, { id: c.id, fullName: c.fullName, role: c.role, organisationShortName: c.organisationShortName || c.organisationName, archived: c.archived }]);
  };

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        People, in the order they are copied
      </Text>
      <ReorderableList
        label="Group members"
        items={members}
        keyOf={(m) => m.id}
        nameOf={(m) => m.fullName}
        onChange={onChange}
        render={(m, i) => (
          <Text size="sm" truncate>
            {i + 1}. {m.fullName}
            {m.role && <Text span c="dimmed">, {m.role}</Text>}
            {m.organisationShortName && <Text span c="dimmed"> ({m.organisationShortName})</Text>}
            {m.archived && <Badge size="xs" color="gray" ml={6}>Archived</Badge>}
          </Text>
        )}
      />
      <Select
        label="Add a person"
        placeholder="Type a name, role or organisation"
        data={options}
        searchable
        limit={30}
        value={null}
        onChange={add}
        nothingFoundMessage="No contact matches"
        error={props.error}
      />
    </Stack>
  );
}
