import { currentStatus } from '../../electron/core/commitments/commitment';
import type { Commitment, CommitmentStatus } from '../../electron/core/commitments/commitment';
import { addCalendarDays } from '../../electron/core/deadlines/calendarMath';
import type { IsoDate } from '../../electron/core/dates/londonDate';
import type { Letter } from '../../electron/core/letters/letterSchema';
import type { Reply } from '../../electron/core/replies/replySchema';
import type { Random } from './random';

/**
 * Replies as an office records them over the years: about `share` of the letters that went out (sent or
 * closed, not in the bin) have had one, received 3 to 45 days after sending and never after `today`. A
 * reply answers some of the letter's still-requested commitments, and, as "Record a reply" does, each
 * answer becomes a status change on the commitment with the reply as its evidence. Applied to
 * withTracking's output; deterministic for a given random source.
 */
const FROM = ['Borough Commander', 'Head of Engagement', 'Chief Executive', 'Safeguarding Lead', 'Reviews Manager'];
const SUMMARIES = [
  'Sets out the action plan and a timetable for each recommendation; offers a meeting next month.',
  'Acknowledges the letter; a full response will follow once the review panel has met.',
  'Declines to publish the data quarterly but offers an annual summary to the Scrutiny Commission.',
  'Confirms the named officer and the reporting arrangements to the community.',
];
const ANSWERS: CommitmentStatus[] = ['agreed', 'declined', 'partly-met', 'delivered'];

export function withReplies(rnd: Random, letters: readonly Letter[], today: IsoDate, share = 0.55): { letters: Letter[]; replies: Reply[] } {
  const replies: Reply[] = [];
  const out = letters.map((l): Letter => {
    if ((l.status !== 'sent' && l.status !== 'closed') || l.deletedAt || !l.sentDate) return l;
    if (rnd.next() >= share) return l;
    const receivedDate = addCalendarDays(l.sentDate, rnd.int(3, 45));
    if (receivedDate > today) return l;
    const id = `reply-${l.id}`;
    const at = `${receivedDate}T12:00:00.000Z`;
    const answers: Reply['answers'] = [];
    const commitments = l.commitments.map((c): Commitment => {
      if (currentStatus(c) !== 'requested' || rnd.next() < 0.4) return c;
      const status = rnd.pick(ANSWERS);
      answers.push({ commitmentId: c.id, status, note: '' });
      return { ...c, history: [...c.history, { status, date: receivedDate, evidence: { kind: 'reply', replyId: id }, at, by: 'Jo Bloggs' }] };
    });
    replies.push({
      id,
      letterId: l.id,
      receivedDate,
      from: `${l.recipient.fullName}, ${rnd.pick(FROM)}`,
      theirReference: rnd.next() < 0.5 ? `REF/${rnd.int(1000, 99999)}` : '',
      summary: rnd.pick(SUMMARIES),
      answers,
      attachments: [],
      createdAt: at,
      updatedAt: at,
    });
    return answers.length > 0 ? { ...l, commitments, updatedAt: at } : l;
  });
  return { letters: out, replies };
}
