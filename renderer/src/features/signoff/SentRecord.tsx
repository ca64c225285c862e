import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../../../electron/core/dates/britishDate';
import { formatIsoDate } from '../../../../electron/core/dates/londonDate';
import type { Letter } from '../../../../electron/core/letters/letterSchema';
import { SEND_METHOD_LABELS } from '../../../../electron/core/signoff/signoff';

/** When, how and by whom a letter was marked as sent, and why it went if someone had not signed. */
export function SentRecord({ letter }: { letter: Letter }) {
  const record = letter.sendRecord;
  if (!letter.sentDate || !record) return null;
  return (
    <Paper withBorder p="md" data-testid="sent-record">
      <Title order={3} size="h5" mb={4}>
        Sent
      </Title>
      <Stack gap={4}>
        <Text size="sm">
          Sent on {formatIsoDate(letter.sentDate)} by {SEND_METHOD_LABELS[record.method].toLowerCase()}.
        </Text>
        <Text size="sm" c="dimmed">
          Marked as sent by {record.by || 'an unnamed officer'} on {formatDateTime(record.at)}.
        </Text>
        {record.override && (
          <Alert color="yellow" p="xs" title="Sent before everyone had signed">
            <Text size="sm">Not signed: {record.override.unsigned.join(', ')}.</Text>
            <Text size="sm">Reason given: {record.override.reason}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
