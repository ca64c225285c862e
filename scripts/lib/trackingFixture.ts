import type { Commitment, CommitmentStatus } from '../../electron/core/commitments/commitment';
import { addCalendarDays } from '../../electron/core/deadlines/calendarMath';
import type { Letter } from '../../electron/core/letters/letterSchema';
import type { Random } from './random';

/**
 * What a register holds once letters have been worked on for years: reply deadlines, about two
 * commitments per letter (the ratio the issue measured: 50,000 letters, ~100,000 commitments), some
 * tracked to agreed or delivered, chasers for some letters that went unanswered, and a few letters in the
 * bin. Applied to generateLetters' output; deterministic for a given random source.
 */
const COMMITMENTS = [
  'A written and public action plan within the next fortnight',
  'A meeting with us to discuss that plan',
  'Your assurance that those officers will not be deployed in schools',
  'Quarterly publication of stop and search data for the borough',
  'Written answers in advance of the Scrutiny Commission',
  'A named officer to report progress to the community',
];
const TAGS = ['safeguarding', 'schools', 'data', 'scrutiny', 'meeting'];
const LATER: CommitmentStatus[] = ['agreed', 'declined', 'partly-met', 'delivered'];

export function withTracking(rnd: Random, letters: readonly Letter[]): Letter[] {
  const out = letters.map((l): Letter => {
    const sent = l.status === 'sent' || l.status === 'closed';
    const at = `${l.letterDate}T10:00:00.000Z`;
    const commitments = Array.from({ length: rnd.int(0, 4) }, (_, i): Commitment => {
      const history: Commitment['history'] = [{ status: 'requested', date: l.letterDate, evidence: null, at, by: 'Jo Bloggs' }];
      if (sent && rnd.next() < 0.4) {
        const date = addCalendarDays(l.letterDate, rnd.int(5, 60));
        history.push({ status: rnd.pick(LATER), date, evidence: { kind: 'note', text: 'Confirmed by telephone' }, note: 'Confirmed by telephone', at: `${date}T11:00:00.000Z`, by: 'Jo Bloggs' });
      }
      return {
        id: `${l.id}-c${i}`,
        text: rnd.pick(COMMITMENTS),
        organisation: rnd.next() < 0.1 ? 'Mayor’s Office for Policing and Crime' : '',
        dueDate: rnd.next() < 0.2 ? addCalendarDays(l.letterDate, rnd.int(7, 90)) : null,
        tags: rnd.next() < 0.5 ? [rnd.pick(TAGS)] : [],
        history,
      };
    });
    return { ...l, commitments, deadlineDate: sent ? addCalendarDays(l.letterDate, 14) : null };
  });
  // Chasers: a later letter following up an earlier sent one, in the same thread.
  for (let i = 50; i < out.length; i += rnd.int(20, 60)) {
    const original = out[i - rnd.int(10, 50)]!;
    const chaser = out[i]!;
    if (original.status !== 'sent' || original.followsUp !== null) continue;
    out[i] = { ...chaser, followsUp: original.id, followUpKind: 'chaser', threadId: original.threadId, subject: `Reminder: ${original.subject}` };
  }
  // The bin: a draft now and then.
  for (let i = 0; i < out.length; i += rnd.int(50, 150)) {
    const l = out[i]!;
    if (l.status === 'draft') out[i] = { ...l, deletedAt: `${l.letterDate}T16:00:00.000Z` };
  }
  return out;
}
