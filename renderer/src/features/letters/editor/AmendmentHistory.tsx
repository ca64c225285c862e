import { Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../../../../electron/core/dates/britishDate';
import type { Letter } from '../../../../../electron/core/letters/letterSchema';

/** Changes made after the letter was sent: who, when, and what each field said before and after. */
export function AmendmentHistory({ amendments }: { amendments: Letter['amendments'] }) {
  if (amendments.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="amendments">
      <Text fw={500} size="sm">
        Amendments since the letter was sent
      </Text>
      <Table withTableBorder fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>What changed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {amendments.map((a, i) => (
            <Table.Tr key={i}>
              <Table.Td>{formatDateTime(a.at)}</Table.Td>
              <Table.Td>{a.by}</Table.Td>
              <Table.Td>
                {a.changes.map((c) => (
                  <div key={c.field}>
                    <strong>{c.field}</strong>: “{c.before.slice(0, 80)}” → “{c.after.slice(0, 80)}”
                  </div>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
