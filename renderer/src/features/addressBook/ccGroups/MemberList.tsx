import { ActionIcon, Badge, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import type { CcMember } from '../../../../../electron/core/addressBook/views';
import { useApiQuery } from '../../../api/queries';

/**
 * The ordered people in a CC group. Order matters (it is the order of the CC lines on a letter), so each row
 * has Move up / Move down buttons: they work from the keyboard and with screen readers, unlike drag handles.
 */
export function MemberList(props: { members: CcMember[]; onChange: (members: CcMember[]) => void; error?: string }) {
  const { members, onChange } = props;
  const contacts = useApiQuery('contacts.list', {});
  const present = new Set(members.map((m) => m.id));
  const options = (contacts.data ?? [])
    .filter((c) => !present.has(c.id))
    .map((c) => ({ value: c.id, label: [c.fullName, c.role, c.organisationShortName].filter(Boolean).join(' · ') }));
  const move = (from: number, to: number) => {
    const next = [...members];
    const [m] = next.splice(from, 1);
    next.splice(to, 0, m!);
    onChange(next);
  };
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
      <ol aria-label="Group members" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        {members.map((m, i) => (
          <li key={m.id}>
            <Paper withBorder p={6} mb={4}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" truncate>
                  {i + 1}. {m.fullName}
                  {m.role && <Text span c="dimmed">, {m.role}</Text>}
                  {m.organisationShortName && <Text span c="dimmed"> ({m.organisationShortName})</Text>}
                  {m.archived && <Badge size="xs" color="gray" ml={6}>Archived</Badge>}
                </Text>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={`Move ${m.fullName} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" aria-label={`Move ${m.fullName} down`} disabled={i === members.length - 1} onClick={() => move(i, i + 1)}>
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove ${m.fullName}`} onClick={() => onChange(members.filter((x) => x.id !== m.id))}>
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              </Group>
            </Paper>
          </li>
        ))}
      </ol>
      {members.length === 0 && <Text size="sm" c="dimmed">No one yet.</Text>}
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
