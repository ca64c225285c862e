import { sql } from 'kysely';
import type { SqlMigration } from '../migrate';

/**
 * The first shape of the register. Written as SQLite DDL rather than through Kysely's schema builder:
 * the CHECKs, the FTS5 table and the triggers have no portable form anyway, and a migration must go on
 * producing exactly this shape after schema.ts has moved on. PostgreSQL (issue 11) gets its own list.
 *
 * Every status is CHECKed against core's lists and every JSON column with json_valid, so a bad write
 * fails in the database instead of being read back later as something the zod schemas refuse.
 */
const record = `
  id TEXT PRIMARY KEY NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object')`;
const flag = (name: string) => `${name} INTEGER NOT NULL DEFAULT 0 CHECK (${name} IN (0, 1))`;
const commitmentStatus = `IN ('requested', 'agreed', 'declined', 'partly-met', 'delivered')`;
const appendOnly = (event: 'UPDATE' | 'DELETE') => `
  CREATE TRIGGER history_refuses_${event.toLowerCase()} BEFORE ${event} ON history
  BEGIN SELECT RAISE(ABORT, 'The history is append-only: its rows cannot be changed or removed.'); END`;

export const statements: readonly string[] = [
  `CREATE TABLE organisations (${record},
    name TEXT NOT NULL, short_name TEXT NOT NULL, sort_name TEXT NOT NULL, ${flag('archived')})`,
  `CREATE INDEX organisations_by_name ON organisations (archived, sort_name)`,

  `CREATE TABLE contacts (${record},
    organisation_id TEXT REFERENCES organisations (id),
    honorific TEXT NOT NULL, given_name TEXT NOT NULL, family_name TEXT NOT NULL,
    role TEXT NOT NULL, email TEXT NOT NULL, sort_name TEXT NOT NULL, ${flag('archived')})`,
  `CREATE INDEX contacts_by_name ON contacts (archived, sort_name)`,
  `CREATE INDEX contacts_by_organisation ON contacts (organisation_id)`,

  `CREATE TABLE signatories (${record}, name TEXT NOT NULL, ${flag('archived')})`,

  `CREATE TABLE cc_groups (${record}, name TEXT NOT NULL, ${flag('archived')})`,
  `CREATE TABLE cc_group_members (
    group_id TEXT NOT NULL REFERENCES cc_groups (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    PRIMARY KEY (group_id, position),
    UNIQUE (group_id, contact_id))`,
  `CREATE INDEX cc_group_members_by_contact ON cc_group_members (contact_id)`,

  // seq first: SQLite reads a row's columns in order, so the ones queries use sit before the large `data`.
  `CREATE TABLE letters (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1,
    reference TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'awaiting-signature', 'sent', 'closed')),
    status_order INTEGER NOT NULL,
    letter_date TEXT NOT NULL,
    sent_date TEXT,
    deadline_date TEXT,
    subject TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    recipient_organisation TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    follows_up TEXT,
    follow_up_kind TEXT CHECK (follow_up_kind IN ('chaser', 'other')),
    deleted_at TEXT,
    binned INTEGER NOT NULL CHECK (binned = (deleted_at IS NOT NULL)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sort_reference TEXT NOT NULL,
    sort_recipient TEXT NOT NULL,
    sort_organisation TEXT NOT NULL,
    sort_subject TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object'))`,
  // One index per register sort, each led by `binned` (the register or the bin: an equality, so the
  // rest of the index gives the order) and ended by the reference (the tie-break), so a page in any
  // order is read from an index, not sorted from the table.
  `CREATE INDEX letters_by_date ON letters (binned, letter_date, sort_reference)`,
  `CREATE INDEX letters_by_reference ON letters (binned, sort_reference)`,
  `CREATE INDEX letters_by_recipient ON letters (binned, sort_recipient, sort_reference)`,
  `CREATE INDEX letters_by_organisation ON letters (binned, sort_organisation, sort_reference)`,
  `CREATE INDEX letters_by_subject ON letters (binned, sort_subject, sort_reference)`,
  `CREATE INDEX letters_by_status ON letters (binned, status_order, sort_reference)`,
  `CREATE INDEX letters_by_deadline ON letters (binned, deadline_date, sort_reference)`,
  `CREATE INDEX letters_for_organisation ON letters (binned, recipient_organisation, letter_date, sort_reference)`,
  `CREATE INDEX letters_by_thread ON letters (thread_id)`,
  `CREATE INDEX letters_following_up ON letters (follows_up)`,

  `CREATE TABLE letter_signatories (
    letter_id TEXT NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    signatory_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('awaiting', 'signed', 'declined')),
    awaited INTEGER NOT NULL CHECK (awaited IN (0, 1)),
    PRIMARY KEY (letter_id, position))`,
  `CREATE INDEX letter_signatories_awaited ON letter_signatories (signatory_id, awaited, letter_id)`,

  `CREATE TABLE commitments (
    letter_id TEXT NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    organisation TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status ${commitmentStatus}),
    status_date TEXT NOT NULL,
    due_date TEXT,
    tags TEXT NOT NULL CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    history TEXT NOT NULL CHECK (json_valid(history) AND json_type(history) = 'array'),
    PRIMARY KEY (letter_id, id),
    UNIQUE (letter_id, position))`,
  `CREATE INDEX commitments_by_status ON commitments (status, due_date)`,
  `CREATE TABLE commitment_tags (
    letter_id TEXT NOT NULL,
    commitment_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (letter_id, commitment_id, tag),
    FOREIGN KEY (letter_id, commitment_id) REFERENCES commitments (letter_id, id) ON DELETE CASCADE)`,
  `CREATE INDEX commitment_tags_by_tag ON commitment_tags (tag)`,

  // A reply is part of the record: the letter it answers cannot be removed while it exists.
  `CREATE TABLE replies (${record},
    letter_id TEXT NOT NULL REFERENCES letters (id),
    received_date TEXT NOT NULL, from_name TEXT NOT NULL, their_reference TEXT NOT NULL)`,
  `CREATE INDEX replies_by_letter ON replies (letter_id)`,
  `CREATE TABLE reply_answers (
    reply_id TEXT NOT NULL REFERENCES replies (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    commitment_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status ${commitmentStatus}),
    note TEXT NOT NULL,
    PRIMARY KEY (reply_id, position))`,
  `CREATE INDEX reply_answers_by_commitment ON reply_answers (commitment_id)`,
  `CREATE TABLE reply_attachments (
    reply_id TEXT NOT NULL REFERENCES replies (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    PRIMARY KEY (reply_id, position))`,
  `CREATE INDEX reply_attachments_by_sha256 ON reply_attachments (sha256)`,

  `CREATE TABLE reference_counters (
    stem_key TEXT PRIMARY KEY NOT NULL,
    sequence INTEGER NOT NULL CHECK (sequence >= 0))`,

  `CREATE TABLE docs (
    name TEXT PRIMARY KEY NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data)))`,

  // AUTOINCREMENT: an id is never handed out twice, so the order of the history is the order of events.
  `CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    action TEXT NOT NULL,
    changes TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'array'),
    reason TEXT)`,
  `CREATE INDEX history_by_record ON history (record_type, record_id, id)`,
  `CREATE INDEX history_by_time ON history (at)`,
  `CREATE INDEX history_by_officer ON history (by, at)`,
  appendOnly('UPDATE'),
  appendOnly('DELETE'),
  // INSERT OR REPLACE removes the old row without firing DELETE triggers (unless recursive_triggers is
  // on, which another tool's connection will not have): refuse an insert that would take an id in use.
  `CREATE TRIGGER history_refuses_replace BEFORE INSERT ON history
  WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM history WHERE id = NEW.id)
  BEGIN SELECT RAISE(ABORT, 'The history is append-only: its rows cannot be changed or removed.'); END`,

  // Contentless (content=''): the text is already in the letters and commitments, so the index keeps
  // only what search needs; contentless_delete lets an edit replace a row. The text is normalised
  // before it goes in (see letterSearchIndex.ts), so diacritics are folded there, not by the tokenizer.
  `CREATE VIRTUAL TABLE letters_fts USING fts5 (
    reference, subject, recipient, organisation, body, commitments,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`,
];

export const m001Initial: SqlMigration = {
  version: 1,
  description: 'The register: address book, letters with signatories and commitments, replies, counters, documents, history, search',
  async up(db) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
