import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../../../electron/core/dates/britishDate';
import { ACTION_LABELS, describeChange, type HistoryEntryView } from '../../../../electron/core/history/history';

/** One letter's history, oldest first: what was done, by whom and when, each field's change, and why. */
export function HistoryEntries({ entries }: { entries: readonly HistoryEntryView[] }) {
  if (entries.length === 0) return <Text c="dimmed">Nothing has been recorded for this letter yet.</Text>;
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="History of this letter">
      {entries.map((e) => (
        <li key={e.id}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm">
              {ACTION_LABELS[e.action] ?? e.action}
            </Text>
            {e.recordType === 'reply' && (
              <Badge size="xs" variant="light">
                Reply
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {formatDateTime(e.at)} · {e.by}
            </Text>
          </Group>
          {/* What a new record holds is the record itself: its first values are in the CSV, not repeated here. */}
          {e.changes.length > 0 && e.action !== 'create' && e.action !== 'import' && (
            <List size="sm" spacing={2} mt={2}>
              {e.changes.slice(0, 12).map((c) => (
                <List.Item key={c.field}>{describeChange(c)}</List.Item>
              ))}
              {e.changes.length > 12 && <List.Item>and {e.changes.length - 12} more fields</List.Item>}
            </List>
          )}
          {e.reason && (
            <Text size="sm" mt={2}>
              Reason: {e.reason}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}
