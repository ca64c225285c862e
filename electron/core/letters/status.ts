import type { LetterStatus } from './letterSchema';

/**
 * Where a letter may go next. A draft goes for signature, then is sent, then closed when the matter is
 * finished; a letter can go back a step (signature withdrawn, matter reopened) but a sent letter never
 * becomes a draft again: what was sent is on the record.
 */
const NEXT: Record<LetterStatus, LetterStatus[]> = {
  draft: ['awaiting-signature', 'sent'],
  'awaiting-signature': ['draft', 'sent'],
  sent: ['closed'],
  closed: ['sent'],
};

export const STATUS_LABELS: Record<LetterStatus, string> = {
  draft: 'Draft',
  'awaiting-signature': 'Awaiting signature',
  sent: 'Sent',
  closed: 'Closed',
};

export function canMove(from: LetterStatus, to: LetterStatus): boolean {
  return NEXT[from].includes(to);
}

export function allowedNext(from: LetterStatus): LetterStatus[] {
  return NEXT[from];
}

/** Once sent, the text is on the record: changes are still possible but each is kept as an amendment. */
export const isFrozen = (status: LetterStatus) => status === 'sent' || status === 'closed';
