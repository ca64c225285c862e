import { Badge } from '@mantine/core';
import { REPLY_STATE_LABELS, type ReplyState } from '../../../../electron/core/replies/replyState';

const COLOURS: Record<ReplyState, string> = { 'not-sent': 'gray', 'awaiting-reply': 'blue', 'reply-overdue': 'red', replied: 'green', closed: 'dark' };

export function ReplyStateBadge({ state }: { state: ReplyState }) {
  return (
    <Badge color={COLOURS[state]} variant="light" data-testid="reply-state">
      {REPLY_STATE_LABELS[state]}
    </Badge>
  );
}
