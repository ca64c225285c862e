import { matchesAll, normaliseForSearch, queryWords } from '../addressBook/search';
import type { IsoDate } from '../dates/londonDate';
import type { Letter, LetterStatus } from './letterSchema';
import { plainText } from './richText';
import { signoffStates, signoffSummary } from '../signoff/signoff';
import type { ReplyStanding } from '../replies/replyStanding';

/** One line of the letters register. */
export interface LetterRow {
  id: string;
  reference: string;
  letterDate: IsoDate;
  recipient: string;
  organisation: string;
  subject: string;
  status: LetterStatus;
  deadlineDate: IsoDate | null;
  deletedAt: string | null;
  /** "2 of 4 signed", for the register's sign-off column. */
  signoff: string;
  /** Awaiting, due soon, overdue, chased, replied: who has not answered, at a glance. */
  reply: ReplyStanding;
}

export interface RegisterQuery {
  query: string;
  statuses: LetterStatus[];
  organisation: string | null;
  dateFrom: IsoDate | null;
  dateTo: IsoDate | null;
  sort: 'letterDate' | 'reference' | 'recipient' | 'organisation' | 'subject' | 'status' | 'deadlineDate';
  direction: 'asc' | 'desc';
  bin: boolean;
  /** Only letters still waiting for this signatory's signature (unsent letters they have not signed). */
  awaitingSignatory: string | null;
}

/** A page of the register and how many letters the filters let through in all ("1,234 letters"). */
export interface LetterPage {
  rows: LetterRow[];
  total: number;
}

/** The most rows one page may ask for: the renderer's lists ask for what is on screen and a little more. */
export const MAX_PAGE = 500;

export function toRow(l: Letter, reply: ReplyStanding): LetterRow {
  return {
    id: l.id,
    reference: l.reference,
    letterDate: l.letterDate,
    recipient: l.recipient.fullName,
    organisation: l.recipient.organisation,
    subject: l.subject,
    status: l.status,
    deadlineDate: l.deadlineDate,
    deletedAt: l.deletedAt,
    signoff: signoffSummary(l),
    reply,
  };
}

/** What full-text search looks through: reference, subject, recipient and body. */
export function searchText(l: Letter): string {
  return normaliseForSearch([l.reference, l.subject, l.recipient.fullName, l.recipient.organisation, l.recipient.role, plainText(l.body)].join('\n'));
}

function awaits(l: Letter, signatoryId: string): boolean {
  if (l.status !== 'draft' && l.status !== 'awaiting-signature') return false;
  return signoffStates(l).some((s) => s.signatoryId === signatoryId && s.state !== 'signed');
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const STATUS_ORDER: Record<LetterStatus, string> = { draft: '1', 'awaiting-signature': '2', sent: '3', closed: '4' };

/**
 * Filter, search and sort the register. `textOf` supplies each letter's search text, so the caller can
 * cache it (normalising 50,000 bodies on every keystroke would be slow).
 */
export function queryRegister(letters: Iterable<Letter>, q: RegisterQuery, textOf: (l: Letter) => string, standingOf: (l: Letter) => ReplyStanding): LetterRow[] {
  const words = queryWords(q.query);
  const statuses = new Set(q.statuses);
  const rows: LetterRow[] = [];
  for (const l of letters) {
    if (Boolean(l.deletedAt) !== q.bin) continue;
    if (statuses.size > 0 && !statuses.has(l.status)) continue;
    if (q.organisation && l.recipient.organisation !== q.organisation) continue;
    if (q.awaitingSignatory && !awaits(l, q.awaitingSignatory)) continue;
    if (q.dateFrom && l.letterDate < q.dateFrom) continue;
    if (q.dateTo && l.letterDate > q.dateTo) continue;
    if (words.length > 0 && !matchesAll(textOf(l), words)) continue;
    rows.push(toRow(l, standingOf(l)));
  }
  const key = (r: LetterRow): string => (q.sort === 'status' ? STATUS_ORDER[r.status] : (r[q.sort] ?? ''));
  rows.sort((a, b) => collator.compare(key(a), key(b)) || collator.compare(a.reference, b.reference));
  if (q.direction === 'desc') rows.reverse();
  return rows;
}
