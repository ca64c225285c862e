import { sql } from 'kysely';
import type { SqlMigration } from '../migrate';

/**
 * Copies that let an index answer the dashboard, the reminders and the commitments register, instead of
 * a scan of the letters (whose rows are wide: a query that visits every letter reads the whole file).
 *
 * On letters, kept by triggers, as they change with writes to other rows (a reply, a thread's other
 * letters), and every writer (a save, the bulk import, a reply, another tool) must keep them in step:
 *   answered          core's answeredLetterIds over the letters not in the bin: a reply to the letter, or,
 *                     for the first letter of a thread, a reply to any letter of the thread not in the bin;
 *   first_reply_date  the earliest received_date of the replies to the letter itself;
 *   reply_days        the days from sent_date to first_reply_date (null without both), so the dashboard's
 *                     reply times read no dates: working it out from them costs more than the rest of it.
 * A trigger refreshes every letter of each thread a write touches (a handful of rows, by letters_by_thread).
 *
 * On commitments, worked out from the letter by the app when it writes them (a commitment's rows are
 * rewritten with each save of its letter), and here from the stored letters:
 *   effective_due           its due date, else the letter's deadline;
 *   effective_organisation  its own organisation, else the letter's recipient's;
 *   live                    1 when the letter is sent or closed and not in the bin (the register's rows);
 *   sort_reference          the letter's, the register's tie-break.
 *
 * The partial indexes' WHERE clauses are repeated word for word by the queries that use them (SQLite
 * only uses a partial index when the query's terms match, and a bound parameter never does).
 */
const refreshThreads = (threads: string) => `
  UPDATE letters SET
    answered = (EXISTS (SELECT 1 FROM replies r WHERE r.letter_id = letters.id)
      OR (letters.follows_up IS NULL AND EXISTS (
        SELECT 1 FROM letters t JOIN replies r ON r.letter_id = t.id WHERE t.thread_id = letters.thread_id AND t.binned = 0))),
    first_reply_date = (SELECT min(r.received_date) FROM replies r WHERE r.letter_id = letters.id),
    reply_days = CAST(round(julianday((SELECT min(r.received_date) FROM replies r WHERE r.letter_id = letters.id)) - julianday(letters.sent_date)) AS INTEGER)
  WHERE thread_id IN (${threads});`;
const threadOf = (letterId: string) => `SELECT thread_id FROM letters WHERE id = ${letterId}`;

export const statements: readonly string[] = [
  `ALTER TABLE letters ADD COLUMN answered INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0, 1))`,
  `ALTER TABLE letters ADD COLUMN first_reply_date TEXT`,
  `ALTER TABLE letters ADD COLUMN reply_days INTEGER`,
  `ALTER TABLE commitments ADD COLUMN effective_due TEXT`,
  `ALTER TABLE commitments ADD COLUMN effective_organisation TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE commitments ADD COLUMN live INTEGER NOT NULL DEFAULT 0 CHECK (live IN (0, 1))`,
  `ALTER TABLE commitments ADD COLUMN sort_reference TEXT NOT NULL DEFAULT ''`,

  // The backfill: the same rules as the triggers below and as letterRows.ts, from the stored columns.
  refreshThreads('SELECT thread_id FROM letters'),
  `UPDATE commitments SET
    (effective_due, effective_organisation, live, sort_reference) = (
      SELECT coalesce(commitments.due_date, l.deadline_date),
        coalesce(nullif(commitments.organisation, ''), l.recipient_organisation),
        (l.binned = 0 AND l.status IN ('sent', 'closed')),
        l.sort_reference
      FROM letters l WHERE l.id = commitments.letter_id)`,

  `CREATE TRIGGER letters_answered_on_insert AFTER INSERT ON letters
  BEGIN ${refreshThreads('NEW.thread_id')} END`,
  `CREATE TRIGGER letters_answered_on_update AFTER UPDATE OF thread_id, follows_up, binned, sent_date ON letters
  WHEN OLD.thread_id IS NOT NEW.thread_id OR OLD.follows_up IS NOT NEW.follows_up OR OLD.binned IS NOT NEW.binned OR OLD.sent_date IS NOT NEW.sent_date
  BEGIN ${refreshThreads('OLD.thread_id, NEW.thread_id')} END`,
  `CREATE TRIGGER replies_answer_on_insert AFTER INSERT ON replies
  BEGIN ${refreshThreads(threadOf('NEW.letter_id'))} END`,
  `CREATE TRIGGER replies_answer_on_update AFTER UPDATE OF letter_id, received_date ON replies
  WHEN OLD.letter_id IS NOT NEW.letter_id OR OLD.received_date IS NOT NEW.received_date
  BEGIN ${refreshThreads(`${threadOf('OLD.letter_id')} UNION ${threadOf('NEW.letter_id')}`)} END`,
  `CREATE TRIGGER replies_answer_on_delete AFTER DELETE ON replies
  BEGIN ${refreshThreads(threadOf('OLD.letter_id'))} END`,

  // Replies awaited: the dashboard's overdue and due-soon lists and counts, and the reply reminders.
  `CREATE INDEX letters_reply_awaited ON letters (deadline_date, id)
  WHERE binned = 0 AND status = 'sent' AND answered = 0 AND deadline_date IS NOT NULL`,
  `CREATE INDEX letters_reply_overdue ON letters (deadline_date, id)
  WHERE binned = 0 AND status = 'sent' AND answered = 0 AND deadline_date IS NOT NULL AND follows_up IS NULL`,
  // Reply times: everything the median needs, so the letters themselves are not read. (The columns of
  // the WHERE are in the index too: SQLite checks them again, and would otherwise read each row to.)
  `CREATE INDEX letters_reply_times ON letters (recipient_organisation, reply_days, binned, status_order, follows_up)
  WHERE binned = 0 AND status_order >= 3 AND follows_up IS NULL AND reply_days IS NOT NULL`,
  // Open commitments of the register by due date: the overdue ones are a range of it, the register's
  // first rows in its order.
  `CREATE INDEX commitments_open_by_due ON commitments (effective_due, sort_reference, position)
  WHERE live = 1 AND status IN ('requested', 'agreed', 'partly-met') AND effective_due IS NOT NULL`,
  // The same by organisation: the dashboard's overdue count per organisation, grouped as it is read.
  `CREATE INDEX commitments_open_by_organisation ON commitments (effective_organisation, effective_due, live, status)
  WHERE live = 1 AND status IN ('requested', 'agreed', 'partly-met') AND effective_due IS NOT NULL`,
  // The dashboard's "recent replies", newest first.
  `CREATE INDEX replies_by_received ON replies (received_date, created_at)`,
  // The register in its order after the overdue ones (no due date last), and its count.
  `CREATE INDEX commitments_register ON commitments (live, coalesce(effective_due, '9999'), sort_reference, position, status)`,
];

export const m002DenormalisedForIndexes: SqlMigration = {
  version: 2,
  description: 'Copies the indexes need: letters answered and first replied to, commitments due, owed by and live',
  async up(db) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
