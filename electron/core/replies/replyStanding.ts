import { addCalendarDays } from '../deadlines/calendarMath';
import type { IsoDate } from '../dates/londonDate';
import type { Letter } from '../letters/letterSchema';
import type { Reply } from './replySchema';

/**
 * Where a letter stands on its reply, as the register shows it at a glance: so that "who never replied" is
 * one look down a column. Finer than ReplyState: a deadline within the week is "due soon", and an overdue
 * letter that has been chased (a chaser sent) says so.
 */
export type ReplyStanding = 'not-sent' | 'awaiting' | 'due-soon' | 'overdue' | 'chased' | 'replied' | 'closed';

export const REPLY_STANDING_LABELS: Record<ReplyStanding, string> = {
  'not-sent': 'Not sent',
  awaiting: 'Awaiting reply',
  'due-soon': 'Due soon',
  overdue: 'Overdue',
  chased: 'Chased',
  replied: 'Replied',
  closed: 'Closed',
};

/** The same week the dashboard calls "due soon". */
export const DUE_SOON_DAYS = 7;

type ThreadLetter = Pick<Letter, 'id' | 'threadId' | 'followsUp' | 'followUpKind' | 'status' | 'deletedAt'>;

/**
 * Letters that have had an answer: a reply to the letter itself, or, for the first letter of a thread, a
 * reply anywhere in the thread (the recipient often answers the chaser rather than the letter).
 */
export function answeredLetterIds(letters: Iterable<ThreadLetter>, replies: Iterable<Pick<Reply, 'letterId'>>): Set<string> {
  const repliedTo = new Set<string>();
  for (const r of replies) repliedTo.add(r.letterId);
  const threadsAnswered = new Set<string>();
  const all = Array.isArray(letters) ? (letters as readonly ThreadLetter[]) : [...letters];
  for (const l of all) if (repliedTo.has(l.id)) threadsAnswered.add(l.threadId);
  const answered = new Set<string>();
  for (const l of all) if (repliedTo.has(l.id) || (l.followsUp === null && threadsAnswered.has(l.threadId))) answered.add(l.id);
  return answered;
}

/** Letters followed up by a chaser that has itself been sent. */
export function chasedLetterIds(letters: Iterable<ThreadLetter>): Set<string> {
  const chased = new Set<string>();
  for (const l of letters) {
    if (l.followUpKind === 'chaser' && l.followsUp && !l.deletedAt && (l.status === 'sent' || l.status === 'closed')) chased.add(l.followsUp);
  }
  return chased;
}

export interface StandingContext {
  answered: ReadonlySet<string>;
  chased: ReadonlySet<string>;
  today: IsoDate;
  /** The last day that counts as "due soon", worked out once for a whole register rather than per letter. */
  dueSoonBy: IsoDate;
}

export function standingContext(answered: ReadonlySet<string>, chased: ReadonlySet<string>, today: IsoDate): StandingContext {
  return { answered, chased, today, dueSoonBy: addCalendarDays(today, DUE_SOON_DAYS) };
}

export function replyStanding(letter: Pick<Letter, 'id' | 'status' | 'deadlineDate'>, ctx: StandingContext): ReplyStanding {
  if (letter.status === 'draft' || letter.status === 'awaiting-signature') return 'not-sent';
  if (ctx.answered.has(letter.id)) return 'replied';
  if (letter.status === 'closed') return 'closed';
  if (ctx.chased.has(letter.id)) return 'chased';
  if (letter.deadlineDate === null) return 'awaiting';
  if (letter.deadlineDate < ctx.today) return 'overdue';
  return letter.deadlineDate <= ctx.dueSoonBy ? 'due-soon' : 'awaiting';
}
