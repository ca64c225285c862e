import type { Generated } from 'kysely';
import type { CommitmentStatus } from '../../core/commitments/commitment';
import type { LetterStatus } from '../../core/letters/letterSchema';
import type { SignState } from '../../core/signoff/signoff';

/**
 * The register's tables, as the one typed query layer sees them: every query takes its row types from
 * here, never from a type chosen at the call site. Migrations do not import this file (they build the
 * shape as it was when they were written, through `Kysely<any>`), so changing it never changes history.
 *
 * The rule for each record table: a column for every field that is filtered, sorted, counted or searched,
 * and the rest of the record as JSON in `data`. Columns let SQL do the work (an index per sort, counts
 * without reading records, the same queries on PostgreSQL later); keeping the rest as one JSON value means
 * a new field in core needs no migration, and a field written by a newer version of the app survives
 * (the zod records are `.loose()`). A top-level field held in a column is not repeated in `data`, so
 * there is one place to change it; on the way out the columns and `data` are put back together and parsed
 * with the record's zod schema from electron/core, so a row always comes back as the type the services use.
 * The few copies that do exist (`recipient_name`, `sort_*`, `status_order`, `binned`, a commitment's status
 * and `effective_*`, `live`) are worked out from the record in the same statement that writes it, and never
 * written on their own; a letter's `answered` and `first_reply_date` depend on other rows (its replies, its
 * thread), so triggers keep them.
 *
 * Booleans are 0/1 integers and dates ISO text (`yyyy-MM-dd`, timestamps with offset), as SQLite has no
 * types for either. `version` counts the writes of a row, for the optimistic locking of issue 11.
 */
export interface Database {
  organisations: OrganisationsTable;
  contacts: ContactsTable;
  signatories: SignatoriesTable;
  cc_groups: CcGroupsTable;
  cc_group_members: CcGroupMembersTable;
  letters: LettersTable;
  letter_signatories: LetterSignatoriesTable;
  commitments: CommitmentsTable;
  commitment_tags: CommitmentTagsTable;
  replies: RepliesTable;
  reply_answers: ReplyAnswersTable;
  reply_attachments: ReplyAttachmentsTable;
  reference_counters: ReferenceCountersTable;
  docs: DocsTable;
  history: HistoryTable;
  letters_fts: LettersFtsTable;
}

interface RecordColumns {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** JSON object: the record's fields that have no column of their own. */
  data: string;
}

export interface OrganisationsTable extends RecordColumns {
  name: string;
  short_name: string;
  sort_name: string;
  archived: number;
}

export interface ContactsTable extends RecordColumns {
  /** Only here, not in `data`: the foreign key keeps it pointing at an organisation that exists. */
  organisation_id: string | null;
  honorific: string;
  given_name: string;
  family_name: string;
  role: string;
  email: string;
  /** Family name, then given name: how the address book sorts people. */
  sort_name: string;
  archived: number;
}

export interface SignatoriesTable extends RecordColumns {
  name: string;
  archived: number;
}

export interface CcGroupsTable extends RecordColumns {
  name: string;
  archived: number;
}

/** A CC group's members in their order: the group's `memberIds`, which are not kept in its `data`. */
export interface CcGroupMembersTable {
  group_id: string;
  position: number;
  contact_id: string;
}

export interface LettersTable extends RecordColumns {
  /** The FTS row id (an integer alias of SQLite's rowid, so VACUUM cannot renumber it). */
  seq: Generated<number>;
  reference: string;
  status: LetterStatus;
  /** Draft 1, awaiting signature 2, sent 3, closed 4: the register's order, which is not alphabetical. */
  status_order: number;
  letter_date: string;
  sent_date: string | null;
  deadline_date: string | null;
  subject: string;
  /** Copies of `data.recipient.fullName` and `.organisation`: the recipient is kept whole in `data`. */
  recipient_name: string;
  recipient_organisation: string;
  thread_id: string;
  follows_up: string | null;
  follow_up_kind: 'chaser' | 'other' | null;
  deleted_at: string | null;
  /** 1 when deleted_at is set: the bin. An equality the indexes can lead with, where IS NOT NULL is a range. */
  binned: number;
  sort_reference: string;
  sort_recipient: string;
  sort_organisation: string;
  sort_subject: string;
  /**
   * Kept by triggers (migration 002), never written by the app: core's answeredLetterIds over the letters
   * not in the bin (a reply to the letter, or for a thread's first letter a reply anywhere in the thread),
   * and the earliest reply to the letter itself. What the dashboard's and the reminders' indexes need.
   */
  answered: Generated<number>;
  first_reply_date: Generated<string | null>;
  /** Days from sent_date to first_reply_date (null without both): the dashboard's reply times. */
  reply_days: Generated<number | null>;
}

/** Each signatory of a letter and where they stand, so "awaiting X's signature" is a query, not a scan. */
export interface LetterSignatoriesTable {
  letter_id: string;
  position: number;
  signatory_id: string;
  state: SignState;
  /** 1 while the letter is unsent and this signatory has not signed: what "awaiting X's signature" finds. */
  awaited: number;
}

/** One row per commitment a letter asks for; the letter's `commitments`, not kept in its `data`. */
export interface CommitmentsTable {
  letter_id: string;
  id: string;
  position: number;
  text: string;
  /** The commitment's own organisation ('' = the letter's recipient's). */
  organisation: string;
  /** The last entry of `history`, and its date. */
  status: CommitmentStatus;
  status_date: string;
  /** The commitment's own due date (null = the letter's deadline). */
  due_date: string | null;
  /** JSON array of strings, in the officer's order. */
  tags: string;
  /** JSON array of status changes, oldest first. */
  history: string;
  /** Copies worked out from the letter with each save (letterRows.ts), for the register's and dashboard's indexes: */
  /** its due date, else the letter's deadline; */
  effective_due: string | null;
  /** its organisation, else the letter's recipient's; */
  effective_organisation: string;
  /** 1 when the letter is sent or closed and not in the bin: a row of the commitments register; */
  live: number;
  /** the letter's sort_reference, the register's tie-break. */
  sort_reference: string;
}

export interface CommitmentTagsTable {
  letter_id: string;
  commitment_id: string;
  tag: string;
}

export interface RepliesTable extends RecordColumns {
  letter_id: string;
  received_date: string;
  from_name: string;
  their_reference: string;
}

export interface ReplyAnswersTable {
  reply_id: string;
  position: number;
  commitment_id: string;
  status: CommitmentStatus;
  note: string;
}

export interface ReplyAttachmentsTable {
  reply_id: string;
  position: number;
  id: string;
  name: string;
  size: number;
  sha256: string;
}

export interface ReferenceCountersTable {
  stem_key: string;
  sequence: number;
}

/** Singleton documents (the office profile, preferences): a name and one JSON value. */
export interface DocsTable {
  name: string;
  version: number;
  updated_at: string;
  data: string;
}

/** Append-only (triggers refuse UPDATE and DELETE): who changed what, when, and why. */
export interface HistoryTable {
  id: Generated<number>;
  at: string;
  by: string;
  record_type: string;
  record_id: string;
  action: string;
  /** JSON array of { field, before, after }. */
  changes: string;
  reason: string | null;
}

/** FTS5, contentless: it holds the index only; `rowid` is `letters.seq`. Text goes in normalised. */
export interface LettersFtsTable {
  rowid: number;
  reference: string;
  subject: string;
  recipient: string;
  organisation: string;
  body: string;
  commitments: string;
}
