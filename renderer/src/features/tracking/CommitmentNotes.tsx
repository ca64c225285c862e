import { List, Text } from '@mantine/core';
import { COMMITMENT_STATUS_LABELS, type Commitment } from '../../../../electron/core/commitments/commitment';
import { formatIsoDate } from '../../../../electron/core/dates/londonDate';

/**
 * What happened to a commitment after it was asked for, with the notes typed at each step (for example,
 * what the reply promised, typed in "Record a reply"), so the letter shows what the register shows.
 */
export function CommitmentNotes({ commitment }: { commitment: Commitment }) {
  const steps = commitment.history.slice(1);
  if (steps.length === 0) return null;
  return (
    <List size="xs" c="dimmed" mt={2} data-testid="commitment-history">
      {steps.map((h, i) => {
        const note = h.note || (h.evidence?.kind === 'note' ? h.evidence.text : '');
        return (
          <List.Item key={i}>
            {formatIsoDate(h.date)}: {COMMITMENT_STATUS_LABELS[h.status]}
            {h.evidence?.kind === 'reply' && ' (in the reply)'}
            {note && (
              <Text span size="xs" c="dark">
                {' '}
                · {note}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
