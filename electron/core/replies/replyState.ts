import type { IsoDate } from '../dates/londonDate';
import type { Letter } from '../letters/letterSchema';

export type ReplyState = 'not-sent' | 'awaiting-reply' | 'reply-overdue' | 'replied' | 'closed';

export const REPLY_STATE_LABELS: Record<ReplyState, string> = {
  'not-sent': 'Not sent',
  'awaiting-reply': 'Awaiting reply',
  'reply-overdue': 'Reply overdue',
  replied: 'Replied',
  closed: 'Closed',
};

/** Where a letter stands on its reply: worked out from its status, its deadline and the replies recorded. */
export function replyState(letter: Pick<Letter, 'status' | 'deadlineDate'>, hasReply: boolean, today: IsoDate): ReplyState {
  if (letter.status === 'draft' || letter.status === 'awaiting-signature') return 'not-sent';
  if (hasReply) return 'replied';
  if (letter.status === 'closed') return 'closed';
  return letter.deadlineDate !== null && letter.deadlineDate < today ? 'reply-overdue' : 'awaiting-reply';
}
