import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../electron/store/sql';
import { openDatabase, SCHEMA_VERSION } from '../../../../electron/store/sql';
import { checkMigrations } from '../../../../electron/store/sql/migrate';
import type { SqlMigration } from '../../../../electron/store/sql/migrate';
import { migrations } from '../../../../electron/store/sql/migrations';
import { m001Initial } from '../../../../electron/store/sql/migrations/001_initial';
import { letterToRows } from '../../../../electron/store/sql/letters/letterRows';
import { addCalendarDays, daysBetween } from '../../../../electron/core/deadlines/calendarMath';
import type { Letter } from '../../../../electron/core/letters/letterSchema';
import { answeredLetterIds } from '../../../../electron/core/replies/replyStanding';
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
    sort_organisation: true, sort_subject: true, data: true, answered: true, first_reply_date: true, reply_days: true,
  },
  letter_signatories: { letter_id: true, position: true, signatory_id: true, state: true, awaited: true },
  commitments: {
    letter_id: true, id: true, position: true, text: true, organisation: true, status: true, status_date: true, due_date: true, tags: true, history: true,
    effective_due: true, effective_organisation: true, live: true, sort_reference: true,
  },
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

describe('the migrations, from nothing', () => {
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
    expect(store.raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
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

// Test steps come after the app's own migrations, whatever their number.
const addNotes: SqlMigration = {
  version: SCHEMA_VERSION + 1,
  description: 'Letters get a notes column (a test step)',
  async up(db) {
    await sql`ALTER TABLE letters ADD COLUMN notes TEXT NOT NULL DEFAULT ''`.execute(db);
    await sql`UPDATE letters SET notes = 'from ' || reference`.execute(db);
  },
};

describe('the migration runner', () => {
  it('brings a register at the current version to the next, keeping its letters', async () => {
    const { store, repo, file } = await openRepository();
    await repo.importLetters(fixtureLetters(10), { by: 'Test', reason: null });
    await store.close();

    const result = await openDatabase(file, [...migrations, addNotes]);
    if (!result.ok) throw new Error(result.problem.message);
    const notes = await sql<{ notes: string }>`SELECT notes FROM letters WHERE id = 'letter-4'`.execute(result.store.db);
    expect(result.store.raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(notes.rows[0]?.notes).toMatch(/^from MCO/);
    await result.store.close();
  });

  it('runs every pending step in one transaction: a failing step leaves the file at its old version, unchanged', async () => {
    const { store, repo, file } = await openRepository();
    await repo.importLetters(fixtureLetters(10), { by: 'Test', reason: null });
    await store.close();
    const before = await sha256(file);
    const failing: SqlMigration = {
      version: SCHEMA_VERSION + 2,
      description: 'Fails half-way (a test step)',
      async up(db) {
        await sql`CREATE TABLE half_made (x)`.execute(db);
        throw new Error('the second step went wrong');
      },
    };

    await expect(openDatabase(file, [...migrations, addNotes, failing])).rejects.toThrow('the second step went wrong');

    expect(await sha256(file)).toBe(before);
    const again = await open(file);
    expect(again.raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(await columnsOf(again, 'letters')).not.toContain('notes');
    expect(await columnsOf(again, 'half_made')).toEqual([]);
  });

  it('refuses a list with a gap or out of order', () => {
    expect(() => checkMigrations([migrations[0]!, { ...addNotes, version: 3 }])).toThrow(/versions must run 1, 2, 3/);
    expect(() => checkMigrations([...migrations, { ...addNotes, version: SCHEMA_VERSION + 2 }])).toThrow(/versions must run 1, 2, 3/);
    expect(() => checkMigrations([addNotes, migrations[0]!])).toThrow(/versions must run 1, 2, 3/);
    expect(() => checkMigrations(migrations)).not.toThrow();
  });
});

describe('migration 002: the copies the indexes need', () => {
  it('brings a register made by migration 001 alone to version 2, with every copy worked out from what was stored', async () => {
    const file = await tempFile();
    const v1 = await openDatabase(file, [m001Initial]);
    if (!v1.ok) throw new Error(v1.problem.message);
    // Letters in the first shape: today's rows without the columns 002 adds. Some binned, some replied to.
    const letters = fixtureLetters(300).map((l, i) => (i % 11 === 0 ? { ...l, deletedAt: `${l.letterDate}T12:00:00.000Z` } : l));
    for (const l of letters) {
      const rows = letterToRows(l);
      await v1.store.db.insertInto('letters').values({ ...rows.letter, version: 1 } as never).execute();
      for (const c of rows.commitments) {
        const { effective_due: _d, effective_organisation: _o, live: _l, sort_reference: _s, ...first } = c;
        await v1.store.db.insertInto('commitments').values(first as never).execute();
      }
    }
    const sent = letters.filter((l) => l.status === 'sent' || l.status === 'closed');
    const replies = sent.filter((_, i) => i % 4 === 0).flatMap((l, i) => [
      { id: `reply-${i}`, letterId: l.id, receivedDate: addCalendarDays(l.sentDate ?? l.letterDate, 10 + (i % 5)) },
      ...(i % 3 === 0 ? [{ id: `reply-${i}-b`, letterId: l.id, receivedDate: addCalendarDays(l.sentDate ?? l.letterDate, 3) }] : []),
    ]);
    expect(replies.length).toBeGreaterThan(20);
    const at = '2026-02-02T09:00:00.000Z';
    for (const r of replies) {
      await v1.store.db
        .insertInto('replies')
        .values({ id: r.id, version: 1, created_at: at, updated_at: at, data: '{}', letter_id: r.letterId, received_date: r.receivedDate, from_name: '', their_reference: '' })
        .execute();
    }
    expect(v1.store.raw.pragma('user_version', { simple: true })).toBe(1);
    await v1.store.close();

    const v2 = await open(file);
    expect(v2.raw.pragma('user_version', { simple: true })).toBe(2);
    const live = letters.filter((l) => l.deletedAt === null);
    const answered = answeredLetterIds(live, replies);
    const stored = v2.raw.prepare('SELECT id, answered, first_reply_date, reply_days FROM letters').all() as { id: string; answered: number; first_reply_date: string | null; reply_days: number | null }[];
    expect(stored).toHaveLength(letters.length);
    for (const s of stored) {
      const first = replies.filter((r) => r.letterId === s.id).map((r) => r.receivedDate).sort()[0] ?? null;
      const letter = letters.find((l) => l.id === s.id)!;
      // Core's rule over the letters not binned; a binned letter is judged as if it were one of them
      // (its own replies, and its thread's among the rest), though the dashboard never asks about it.
      const asCore = letter.deletedAt === null ? answered : answeredLetterIds([...live, letter], replies);
      const days = first !== null && letter.sentDate !== null ? daysBetween(letter.sentDate, first) : null;
      expect({ id: s.id, answered: s.answered, first: s.first_reply_date, days: s.reply_days }).toEqual({ id: s.id, answered: asCore.has(s.id) ? 1 : 0, first, days });
    }
    expect(answered.size).toBeGreaterThan(0);
    expect(live.some((l) => l.followsUp !== null && answered.has(threadFirst(live, l)!))).toBe(true);

    const commitments = v2.raw.prepare('SELECT letter_id, id, effective_due, effective_organisation, live, sort_reference FROM commitments ORDER BY letter_id, position').all();
    const expected = letters
      .flatMap((l) => letterToRows(l).commitments.map((c) => ({ letter_id: c.letter_id, id: c.id, effective_due: c.effective_due, effective_organisation: c.effective_organisation, live: c.live, sort_reference: c.sort_reference })))
      .sort((a, b) => (a.letter_id < b.letter_id ? -1 : a.letter_id > b.letter_id ? 1 : 0));
    expect(commitments.length).toBeGreaterThan(100);
    expect(commitments).toEqual(expected);
    expect(new Set(commitments.map((c) => (c as { live: number }).live))).toEqual(new Set([0, 1]));
  });

  it('keeps letters.answered and first_reply_date in step with every write, as core counts an answer', async () => {
    const { store, repo } = await openRepository();
    const letters = fixtureLetters(200);
    await repo.importLetters(letters, { by: 'Test', reason: null });
    const chaser = letters.find((l) => l.followsUp !== null && letters.some((f) => f.id === l.followsUp && f.followsUp === null))!;
    const first = letters.find((l) => l.id === chaser.followsUp)!;
    const flags = () => store.raw.prepare(`SELECT id, answered, first_reply_date AS first FROM letters WHERE thread_id = ? ORDER BY id`).all(first.threadId) as { id: string; answered: number; first: string | null }[];
    const of = (id: string) => flags().find((f) => f.id === id)!;
    const reply = (id: string, letterId: string, date: string) =>
      store.db.insertInto('replies').values({ id, version: 1, created_at: 'x', updated_at: 'x', data: '{}', letter_id: letterId, received_date: date, from_name: '', their_reference: '' }).execute();
    expect(of(first.id).answered).toBe(0);

    // A reply to the chaser answers the chaser and the thread's first letter, not the first's own first reply.
    await reply('r1', chaser.id, '2026-01-10');
    expect(of(chaser.id)).toMatchObject({ answered: 1, first: '2026-01-10' });
    expect(of(first.id)).toMatchObject({ answered: 1, first: null });
    // Binning the chaser takes its reply out of the thread rule; taking it out of the bin puts it back.
    await repo.saveLetter({ ...chaser, deletedAt: '2026-02-01T10:00:00.000Z' }, { by: 'Test', action: 'bin' });
    expect(of(first.id).answered).toBe(0);
    await repo.saveLetter({ ...chaser, deletedAt: null }, { by: 'Test', action: 'restore' });
    expect(of(first.id).answered).toBe(1);
    // A reply moved, redated or removed.
    await reply('r2', first.id, '2026-01-20');
    await reply('r3', first.id, '2026-01-15');
    expect(of(first.id).first).toBe('2026-01-15');
    await store.db.updateTable('replies').set({ received_date: '2026-01-25' }).where('id', '=', 'r3').execute();
    expect(of(first.id).first).toBe('2026-01-20');
    // The days to the first reply follow the letter's sent date too.
    await repo.saveLetter({ ...first, sentDate: '2026-01-13' }, { by: 'Test', action: 'edit' });
    expect(store.raw.prepare(`SELECT reply_days FROM letters WHERE id = ?`).pluck().get(first.id)).toBe(7);
    await store.db.updateTable('replies').set({ letter_id: first.id }).where('id', '=', 'r1').execute();
    expect(of(chaser.id)).toMatchObject({ answered: 0, first: null });
    await store.db.deleteFrom('replies').execute();
    expect(flags().every((f) => f.answered === 0 && f.first === null)).toBe(true);
    // A letter saved into a thread that has an answer.
    await reply('r4', chaser.id, '2026-01-10');
    const late = { ...first, id: 'letter-late', reference: 'LATE-1', threadId: first.threadId, followsUp: null };
    await repo.saveLetter(late, { by: 'Test', action: 'create' });
    expect(of('letter-late').answered).toBe(1);
    await repo.saveLetter({ ...late, threadId: 'elsewhere' }, { by: 'Test', action: 'edit' });
    expect(store.raw.prepare(`SELECT answered FROM letters WHERE id = 'letter-late'`).pluck().get()).toBe(0);
  });
});

function threadFirst(letters: readonly Letter[], l: Letter): string | undefined {
  return letters.find((f) => f.threadId === l.threadId && f.followsUp === null)?.id;
}
