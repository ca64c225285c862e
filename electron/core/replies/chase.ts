import { currentStatus, isOpen, type Commitment } from '../commitments/commitment';
import type { IsoDate } from '../dates/londonDate';
import { formatIsoDate } from '../dates/londonDate';
import type { Letter } from '../letters/letterSchema';

/**
 * Whether to offer "Chase" for a letter. Only a reply that is overdue is chased, and once a chaser has gone
 * (or is being drafted) the letter is not offered again until that chaser's own deadline has passed: the
 * complaint of officers using other tools is being prompted to chase what they already chased.
 */
export function chaseOffer(letter: Letter, thread: readonly Letter[], hasReply: boolean, today: IsoDate): { offer: boolean; reason: string } {
  if (letter.followsUp !== null) return { offer: false, reason: 'Chase the original letter, not a follow-up.' };
  if (letter.status !== 'sent') return { offer: false, reason: 'Only a sent letter awaiting a reply can be chased.' };
  if (hasReply) return { offer: false, reason: 'A reply has been received.' };
  if (!letter.deadlineDate || letter.deadlineDate >= today) return { offer: false, reason: 'The reply is not overdue yet.' };
  const chasers = thread.filter((l) => l.followsUp === letter.id && l.followUpKind === 'chaser' && !l.deletedAt).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const last = chasers[chasers.length - 1];
  if (last) {
    if (last.status === 'draft' || last.status === 'awaiting-signature') return { offer: false, reason: `A chaser (${last.reference}) is being prepared.` };
    if (!last.deadlineDate || last.deadlineDate >= today) {
      return { offer: false, reason: `Chased with ${last.reference}${last.deadlineDate ? `; its deadline is ${formatIsoDate(last.deadlineDate)}` : ''}.` };
    }
  }
  return { offer: true, reason: chasers.length ? `Chased ${chasers.length} time${chasers.length > 1 ? 's' : ''} already; the last chaser’s deadline has passed.` : 'The reply is overdue.' };
}

/** What a chaser lists as still outstanding: asked for and neither answered nor refused. */
export function outstandingCommitments(commitments: readonly Commitment[]): Commitment[] {
  return commitments.filter((c) => {
    const s = currentStatus(c);
    return isOpen(s) && s !== 'agreed';
  });
}
