import { Badge } from '@mantine/core';
import { REPLY_STANDING_LABELS, type ReplyStanding } from '../../../../electron/core/replies/replyStanding';

const COLOURS: Record<ReplyStanding, string> = { 'not-sent': 'gray', awaiting: 'blue', 'due-soon': 'yellow', overdue: 'red', chased: 'orange', replied: 'green', closed: 'dark' };

/** The register's reply column. A letter not yet sent shows nothing: there is no reply to wait for. */
export function ReplyStandingBadge({ standing }: { standing: ReplyStanding }) {
  if (standing === 'not-sent') return null;
  return (
    <Badge color={COLOURS[standing]} variant="light" data-testid="reply-standing">
      {REPLY_STANDING_LABELS[standing]}
    </Badge>
  );
}
