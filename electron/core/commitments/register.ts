import { matchesAll, normaliseForSearch, queryWords } from '../addressBook/search';
import type { IsoDate } from '../dates/londonDate';
import type { Letter } from '../letters/letterSchema';
import { currentStatus, dueDateOf, isOverdue, latestNote, type CommitmentStatus, type Evidence } from './commitment';

/** One line of the commitments register: what was asked of whom, in which letter, and where it stands. */
export interface CommitmentRow {
  /** The commitment's id: a row of the register is one commitment. */
  id: string;
  letterId: string;
  reference: string;
  letterSubject: string;
  commitmentId: string;
  text: string;
  organisation: string;
  status: CommitmentStatus;
  statusDate: IsoDate;
  dueDate: IsoDate | null;
  overdue: boolean;
  tags: string[];
  evidence: Evidence | null;
  /** The newest note typed against it (for example when recording a reply). */
  note: string;
}

/** A page of the commitments register and the number of commitments the filters let through. */
export interface CommitmentPage {
  rows: CommitmentRow[];
  total: number;
}

export interface CommitmentQuery {
  query: string;
  organisation: string | null;
  statuses: CommitmentStatus[];
  overdueOnly: boolean;
  tag: string | null;
}

/** Commitments across all sent letters (a draft asks nothing of anyone yet), filtered for the register. */
export function queryCommitments(letters: Iterable<Letter>, q: CommitmentQuery, today: IsoDate): CommitmentRow[] {
  const words = queryWords(q.query);
  const statuses = new Set(q.statuses);
  const rows: CommitmentRow[] = [];
  for (const l of letters) {
    if (l.deletedAt || (l.status !== 'sent' && l.status !== 'closed')) continue;
    for (const c of l.commitments) {
      const last = c.history[c.history.length - 1]!;
      const row: CommitmentRow = {
        id: c.id,
        letterId: l.id,
        reference: l.reference,
        letterSubject: l.subject,
        commitmentId: c.id,
        text: c.text,
        organisation: c.organisation || l.recipient.organisation,
        status: currentStatus(c),
        statusDate: last.date,
        dueDate: dueDateOf(c, l.deadlineDate),
        overdue: isOverdue(c, l.deadlineDate, today),
        tags: c.tags,
        evidence: [...c.history].reverse().find((h) => h.evidence)?.evidence ?? null,
        note: latestNote(c),
      };
      if (q.organisation && row.organisation !== q.organisation) continue;
      if (statuses.size > 0 && !statuses.has(row.status)) continue;
      if (q.overdueOnly && !row.overdue) continue;
      if (q.tag && !row.tags.includes(q.tag.toLowerCase())) continue;
      if (words.length > 0 && !matchesAll(normaliseForSearch(`${row.text} ${row.note} ${row.reference} ${row.organisation} ${row.tags.join(' ')}`), words)) continue;
      rows.push(row);
    }
  }
  return rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.reference.localeCompare(b.reference));
}
