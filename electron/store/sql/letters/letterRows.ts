import type { Insertable, Selectable } from 'kysely';
import { currentStatus } from '../../../core/commitments/commitment';
import type { Commitment } from '../../../core/commitments/commitment';
import { letterRecord } from '../../../core/letters/letterSchema';
import type { Letter, LetterStatus } from '../../../core/letters/letterSchema';
import { signoffStates } from '../../../core/signoff/signoff';
import type { CommitmentsTable, CommitmentTagsTable, LettersTable, LetterSignatoriesTable } from '../schema';
import { sortKey } from '../sortKey';

/**
 * A letter as rows and back. The top-level fields with a column of their own live only there; the rest
 * of the letter (recipient, body, signatories, sign-off, deadline history, …) is `data`, except its
 * commitments, which are rows of their own. See schema.ts for why.
 */
export type LetterColumns = Omit<Insertable<LettersTable>, 'seq' | 'version'>;

export interface LetterRows {
  letter: LetterColumns;
  commitments: Insertable<CommitmentsTable>[];
  tags: Insertable<CommitmentTagsTable>[];
  signatories: Insertable<LetterSignatoriesTable>[];
}

export const STATUS_ORDER: Record<LetterStatus, number> = { draft: 1, 'awaiting-signature': 2, sent: 3, closed: 4 };

export function letterToRows(l: Letter): LetterRows {
  const {
    id,
    reference,
    status,
    letterDate,
    sentDate,
    deadlineDate,
    subject,
    threadId,
    followsUp,
    followUpKind,
    deletedAt,
    createdAt,
    updatedAt,
    commitments,
    ...rest
  } = l;
  return {
    letter: {
      id,
      reference,
      status,
      status_order: STATUS_ORDER[status],
      letter_date: letterDate,
      sent_date: sentDate,
      deadline_date: deadlineDate,
      subject,
      recipient_name: l.recipient.fullName,
      recipient_organisation: l.recipient.organisation,
      thread_id: threadId,
      follows_up: followsUp,
      follow_up_kind: followUpKind,
      deleted_at: deletedAt,
      binned: deletedAt === null ? 0 : 1,
      created_at: createdAt,
      updated_at: updatedAt,
      sort_reference: sortKey(reference),
      sort_recipient: sortKey(l.recipient.fullName),
      sort_organisation: sortKey(l.recipient.organisation),
      sort_subject: sortKey(subject),
      data: JSON.stringify(rest),
    },
    commitments: commitments.map((c, position) => commitmentRow(l, c, position)),
    tags: commitments.flatMap((c) => [...new Set(c.tags)].map((tag) => ({ letter_id: id, commitment_id: c.id, tag }))),
    signatories: signoffStates(l).map((s, position) => ({
      letter_id: id,
      position,
      signatory_id: s.signatoryId,
      state: s.state,
      awaited: (status === 'draft' || status === 'awaiting-signature') && s.state !== 'signed' ? 1 : 0,
    })),
  };
}

function commitmentRow(l: Letter, c: Commitment, position: number): Insertable<CommitmentsTable> {
  return {
    letter_id: l.id,
    id: c.id,
    position,
    text: c.text,
    organisation: c.organisation,
    status: currentStatus(c),
    status_date: c.history[c.history.length - 1]!.date,
    due_date: c.dueDate,
    tags: JSON.stringify(c.tags),
    history: JSON.stringify(c.history),
    // Copies of the letter's fields the register sorts and counts by; migration 002 fills them the same way.
    effective_due: c.dueDate ?? l.deadlineDate,
    effective_organisation: c.organisation || l.recipient.organisation,
    live: l.deletedAt === null && (l.status === 'sent' || l.status === 'closed') ? 1 : 0,
    sort_reference: sortKey(l.reference),
  };
}

/** Thrown when a stored letter no longer passes its schema: a bug or a hand edit, never an officer's doing. */
export class UnreadableLetterError extends Error {
  constructor(
    readonly letterId: string,
    detail: string,
  ) {
    super(`The stored letter ${letterId} cannot be read: ${detail}`);
    this.name = 'UnreadableLetterError';
  }
}

type StoredLetter = Omit<Selectable<LettersTable>, 'seq' | 'version'>;
type StoredCommitment = Pick<Selectable<CommitmentsTable>, 'id' | 'text' | 'organisation' | 'due_date' | 'tags' | 'history'>;

/** Put a letter back together from its row and its commitments' rows (in position order), and check it. */
export function rowsToLetter(row: StoredLetter, commitments: readonly StoredCommitment[]): Letter {
  const parsed = letterRecord.safeParse({
    ...(JSON.parse(row.data) as Record<string, unknown>),
    id: row.id,
    reference: row.reference,
    status: row.status,
    letterDate: row.letter_date,
    sentDate: row.sent_date,
    deadlineDate: row.deadline_date,
    subject: row.subject,
    threadId: row.thread_id,
    followsUp: row.follows_up,
    followUpKind: row.follow_up_kind,
    deletedAt: row.deleted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    commitments: commitments.map((c) => ({
      id: c.id,
      text: c.text,
      organisation: c.organisation,
      dueDate: c.due_date,
      tags: JSON.parse(c.tags) as unknown,
      history: JSON.parse(c.history) as unknown,
    })),
  });
  if (!parsed.success) throw new UnreadableLetterError(row.id, parsed.error.issues.map((i) => `${i.path.join('.') || 'letter'}: ${i.message}`).join('; '));
  return parsed.data;
}

/**
 * A letter as a flat record of fields for the history: each top-level field, and each commitment under
 * its own name (`commitment:<id>`), so a changed status shows as that commitment's change rather than as
 * a new copy of every commitment. updatedAt is left out: the history row has its own time.
 */
export function historyFields(l: Letter): Record<string, unknown> {
  const { updatedAt: _updatedAt, commitments, ...rest } = l;
  const fields: Record<string, unknown> = { ...rest };
  for (const c of commitments) fields[`commitment:${c.id}`] = c;
  return fields;
}
