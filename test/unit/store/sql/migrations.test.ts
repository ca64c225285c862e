import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../electron/store/sql';
import { openDatabase, SCHEMA_VERSION } from '../../../../electron/store/sql';
import { checkMigrations } from '../../../../electron/store/sql/migrate';
import type { SqlMigration } from '../../../../electron/store/sql/migrate';
import { migrations } from '../../../../electron/store/sql/migrations';
import { fixtureLetters, open, openRepository, sha256, tempFile } from './helpers';

/** Every column of every table, as schema.ts declares them; TypeScript makes this list complete. */
const DECLARED: { [T in keyof Database]: Record<keyof Database[T], true> } = {
  organisations: { id: true, version: true, created_at: true, updated_at: true, data: true, name: true, short_name: true, sort_name: true, archived: true },
  contacts: {
    id: true, version: true, created_at: true, updated_at: true, data: true, organisation_id: true, honorific: true, given_name: true,
    family_name: true, role: true, email: true, sort_name: true, archived: true,
  },
  signatories: { id: true, version: true, created_at: true, updated_at: true, data: true, name: true, archived: true },
  cc_groups: { id: true, version: true, created_at: true, updated_at: true, data: true, name: true, archived: true },
  cc_group_members: { group_id: true, position: true, contact_id: true },
  letters: {
    seq: true, id: true, version: true, reference: true, status: true, status_order: true, letter_date: true, sent_date: true,
    deadline_date: true, subject: true, recipient_name: true, recipient_organisation: true, thread_id: true, follows_up: true,
    follow_up_kind: true, deleted_at: true, binned: true, created_at: true, updated_at: true, sort_reference: true, sort_recipient: true,
    sort_organisation: true, sort_subject: true, data: true,
  },
  letter_signatories: { letter_id: true, position: true, signatory_id: true, state: true, awaited: true },
  commitments: { letter_id: true, id: true, position: true, text: true, organisation: true, status: true, status_date: true, due_date: true, tags: true, history: true },
  commitment_tags: { letter_id: true, commitment_id: true, tag: true },
  replies: { id: true, version: true, created_at: true, updated_at: true, data: true, letter_id: true, received_date: true, from_name: true, their_reference: true },
  reply_answers: { reply_id: true, position: true, commitment_id: true, status: true, note: true },
  reply_attachments: { reply_id: true, position: true, id: true, name: true, size: true, sha256: true },
  reference_counters: { stem_key: true, sequence: true },
  docs: { name: true, version: true, updated_at: true, data: true },
  history: { id: true, at: true, by: true, record_type: true, record_id: true, action: true, changes: true, reason: true },
  letters_fts: { rowid: true, reference: true, subject: true, recipient: true, organisation: true, body: true, commitments: true },
};

async function columnsOf(store: Awaited<ReturnType<typeof open>>, table: string): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(store.db);
  return rows.rows.map((r) => r.name);
}

describe('migration 001, from nothing', () => {
  it('makes every table and column schema.ts declares, and no others', async () => {
    const store = await open(await tempFile());
    const tables = await sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'letters_fts_%'`.execute(store.db);
    expect(tables.rows.map((r) => r.name).sort()).toEqual(Object.keys(DECLARED).sort());
    for (const [table, columns] of Object.entries(DECLARED)) {
      const expected = Object.keys(columns).filter((c) => c !== 'rowid').sort();
      expect(`${table}: ${(await columnsOf(store, table)).sort().join(', ')}`).toBe(`${table}: ${expected.join(', ')}`);
    }
  });

  it('records its version and is the last one', async () => {
    const store = await open(await tempFile());
    expect(store.raw.pragma('user_version', { simple: true })).toBe(1);
    expect(SCHEMA_VERSION).toBe(migrations.length);
  });

  it('holds the database to core’s lists of statuses and to valid JSON', async () => {
    const { store, repo } = await openRepository();
    await repo.importLetters(fixtureLetters(3), { by: 'Test', reason: null });
    expect(() => store.raw.prepare(`UPDATE letters SET status = 'lost' WHERE id = 'letter-1'`).run()).toThrow(/CHECK constraint failed/);
    expect(() => store.raw.prepare(`UPDATE letters SET data = '{not json' WHERE id = 'letter-1'`).run()).toThrow(/CHECK constraint failed/);
    expect(() => store.raw.prepare(`UPDATE letters SET data = '[]' WHERE id = 'letter-1'`).run()).toThrow(/CHECK constraint failed/);
    expect(() => store.raw.prepare(`INSERT INTO commitments (letter_id, id, position, text, organisation, status, status_date, due_date, tags, history) VALUES ('nobody', 'c', 0, '', '', 'requested', '2026-01-01', NULL, '[]', '[]')`).run()).toThrow(/FOREIGN KEY/);
  });
});

const addNotes: SqlMigration = {
  version: 2,
  description: 'Letters get a notes column (a test step)',
  async up(db) {
    await sql`ALTER TABLE letters ADD COLUMN notes TEXT NOT NULL DEFAULT ''`.execute(db);
    await sql`UPDATE letters SET notes = 'from ' || reference`.execute(db);
  },
};

describe('the migration runner', () => {
  it('brings a register at version 1 to version 2, keeping its letters', async () => {
    const { store, repo, file } = await openRepository();
    await repo.importLetters(fixtureLetters(10), { by: 'Test', reason: null });
    await store.close();

    const result = await openDatabase(file, [...migrations, addNotes]);
    if (!result.ok) throw new Error(result.problem.message);
    const notes = await sql<{ notes: string }>`SELECT notes FROM letters WHERE id = 'letter-4'`.execute(result.store.db);
    expect(result.store.raw.pragma('user_version', { simple: true })).toBe(2);
    expect(notes.rows[0]?.notes).toMatch(/^from MCO/);
    await result.store.close();
  });

  it('runs every pending step in one transaction: a failing step leaves the file at its old version, unchanged', async () => {
    const { store, repo, file } = await openRepository();
    await repo.importLetters(fixtureLetters(10), { by: 'Test', reason: null });
    await store.close();
    const before = await sha256(file);
    const failing: SqlMigration = {
      version: 3,
      description: 'Fails half-way (a test step)',
      async up(db) {
        await sql`CREATE TABLE half_made (x)`.execute(db);
        throw new Error('step 3 went wrong');
      },
    };

    await expect(openDatabase(file, [...migrations, addNotes, failing])).rejects.toThrow('step 3 went wrong');

    expect(await sha256(file)).toBe(before);
    const again = await open(file);
    expect(again.raw.pragma('user_version', { simple: true })).toBe(1);
    expect(await columnsOf(again, 'letters')).not.toContain('notes');
    expect(await columnsOf(again, 'half_made')).toEqual([]);
  });

  it('refuses a list with a gap or out of order', () => {
    expect(() => checkMigrations([migrations[0]!, { ...addNotes, version: 3 }])).toThrow(/versions must run 1, 2, 3/);
    expect(() => checkMigrations([addNotes, migrations[0]!])).toThrow(/versions must run 1, 2, 3/);
    expect(() => checkMigrations(migrations)).not.toThrow();
  });
});
