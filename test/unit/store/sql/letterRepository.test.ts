import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { letterRecord } from '../../../../electron/core/letters/letterSchema';
import type { Letter } from '../../../../electron/core/letters/letterSchema';
import { StoreValidationError } from '../../../../electron/store';
import { historyOf, UnreadableLetterError, VersionConflictError } from '../../../../electron/store/sql';
import { fixtureLetters, openRepository, registerQuery, TODAY } from './helpers';

/** A sent letter with commitments, tags, a signature and a field this version of the app does not know. */
function richLetter(): Letter {
  const letter = fixtureLetters(200).find((l) => l.status === 'sent' && l.commitments.length >= 2 && l.commitments.some((c) => c.tags.length > 0));
  if (!letter) throw new Error('the fixture has no sent letter with tagged commitments');
  const signatory = letter.signatories[0]!;
  return letterRecord.parse({
    ...letter,
    signoffs: [{ signatoryId: signatory.signatoryId, state: 'signed', date: letter.letterDate, method: 'paper', at: `${letter.letterDate}T12:00:00.000Z`, by: 'Jo Bloggs' }],
    fromANewerVersion: { kept: true },
  });
}

describe('saving and reading letters', () => {
  it('gives back exactly the letter saved, commitments, order and unknown fields included', async () => {
    const { repo } = await openRepository();
    const letter = richLetter();
    const saved = await repo.saveLetter(letter, { by: 'Jo Bloggs', action: 'create' });
    expect(saved.version).toBe(1);
    expect(await repo.getLetter(letter.id)).toEqual(letter);
    expect((await repo.getLetter(letter.id)) as Record<string, unknown>).toHaveProperty('fromANewerVersion', { kept: true });
  });

  it('keeps one row per commitment, with its current status, and the signatories’ standing', async () => {
    const { store, repo } = await openRepository();
    const letter = richLetter();
    await repo.saveLetter(letter, { by: 'Jo Bloggs', action: 'create' });
    const rows = await store.db.selectFrom('commitments').select(['id', 'position', 'status', 'text']).where('letter_id', '=', letter.id).orderBy('position').execute();
    expect(rows.map((r) => r.id)).toEqual(letter.commitments.map((c) => c.id));
    expect(rows.map((r) => r.status)).toEqual(letter.commitments.map((c) => c.history.at(-1)!.status));
    const tags = await store.db.selectFrom('commitment_tags').select('tag').where('letter_id', '=', letter.id).execute();
    expect(tags.map((t) => t.tag).sort()).toEqual([...new Set(letter.commitments.flatMap((c) => c.tags))].sort());
    const signatories = await store.db.selectFrom('letter_signatories').select(['signatory_id', 'state', 'awaited']).where('letter_id', '=', letter.id).orderBy('position').execute();
    expect(signatories[0]).toEqual({ signatory_id: letter.signatories[0]!.signatoryId, state: 'signed', awaited: 0 });
  });

  it('counts versions, and refuses a save made from an out-of-date copy', async () => {
    const { repo } = await openRepository();
    const letter = richLetter();
    await repo.saveLetter(letter, { by: 'Jo Bloggs', action: 'create' });
    const read = (await repo.getStoredLetter(letter.id))!;
    await repo.saveLetter({ ...read.letter, subject: 'First officer’s edit' }, { by: 'Jo Bloggs', action: 'edit', expectedVersion: read.version });
    const late = repo.saveLetter({ ...read.letter, subject: 'Second officer’s edit' }, { by: 'Sam Patel', action: 'edit', expectedVersion: read.version });
    await expect(late).rejects.toBeInstanceOf(VersionConflictError);
    expect((await repo.getStoredLetter(letter.id))?.letter.subject).toBe('First officer’s edit');
    expect((await repo.getStoredLetter(letter.id))?.version).toBe(2);
  });

  it('refuses a letter that fails its schema, writing nothing', async () => {
    const { store, repo } = await openRepository();
    const bad = { ...richLetter(), status: 'lost' } as unknown as Letter;
    await expect(repo.saveLetter(bad, { by: 'Jo Bloggs', action: 'create' })).rejects.toBeInstanceOf(StoreValidationError);
    expect(await store.db.selectFrom('letters').select('id').execute()).toEqual([]);
    expect(await store.db.selectFrom('history').select('id').execute()).toEqual([]);
  });

  it('rolls the whole save back when a part of it fails', async () => {
    const { store, repo } = await openRepository();
    const letter = richLetter();
    await repo.saveLetter(letter, { by: 'Jo Bloggs', action: 'create' });
    // Two commitments with one id: the commitments' primary key refuses the second, after the letter's
    // row has been updated in the same transaction.
    const twice = { ...letter, subject: 'Not saved', commitments: [letter.commitments[0]!, letter.commitments[0]!] };
    await expect(repo.saveLetter(twice, { by: 'Jo Bloggs', action: 'edit' })).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
    expect(await repo.getLetter(letter.id)).toEqual(letter);
    expect(await historyOf(store.db, 'letter', letter.id)).toHaveLength(1);
  });

  it('reports a stored letter that no longer passes its schema, naming it', async () => {
    const { store, repo } = await openRepository();
    const letter = richLetter();
    await repo.saveLetter(letter, { by: 'Jo Bloggs', action: 'create' });
    await sql`UPDATE letters SET data = json_set(data, '$.recipient', 'not a recipient') WHERE id = ${letter.id}`.execute(store.db);
    await expect(repo.getLetter(letter.id)).rejects.toBeInstanceOf(UnreadableLetterError);
    await expect(repo.getLetter(letter.id)).rejects.toThrow(letter.id);
  });

  it('purges a letter with its commitments, and keeps its history with what it held', async () => {
    const { store, repo } = await openRepository();
    const letter = richLetter();
    await repo.saveLetter(letter, { by: 'Jo Bloggs', action: 'create' });
    expect(await repo.purgeLetter(letter.id, { by: 'Jo Bloggs', reason: 'Emptied the bin' })).toBe(true);
    expect(await repo.getLetter(letter.id)).toBeUndefined();
    expect(await store.db.selectFrom('commitments').select('id').execute()).toEqual([]);
    const history = await historyOf(store.db, 'letter', letter.id);
    expect(history.map((h) => h.action)).toEqual(['create', 'purge']);
    expect(history[1]!.changes.find((c) => c.field === 'subject')).toEqual({ field: 'subject', before: letter.subject, after: null });
    expect(await repo.purgeLetter(letter.id, { by: 'Jo Bloggs' })).toBe(false);
  });
});

describe('the register follows each save', () => {
  it('lists a letter as awaiting a signatory until they sign or it is sent', async () => {
    const { repo } = await openRepository();
    const letter = { ...richLetter(), status: 'awaiting-signature' as const, signoffs: [], sentDate: null };
    const signatory = letter.signatories[0]!.signatoryId;
    const awaiting = async () => (await repo.queryLetters(registerQuery({ awaitingSignatory: signatory }), TODAY)).rows.map((r) => r.id);
    await repo.saveLetter(letter, { by: 'Jo Bloggs', action: 'create' });
    expect(await awaiting()).toEqual([letter.id]);
    expect((await repo.queryLetters(registerQuery(), TODAY)).rows[0]).toMatchObject({ signoff: `0 of ${letter.signatories.length} signed`, reply: 'not-sent' });
    await repo.saveLetter({ ...letter, status: 'sent', sentDate: letter.letterDate }, { by: 'Jo Bloggs', action: 'send' });
    expect(await awaiting()).toEqual([]);
    expect((await repo.queryLetters(registerQuery({ statuses: ['sent'] }), TODAY)).rows.map((r) => r.id)).toEqual([letter.id]);
  });
});

describe('the history', () => {
  it('records who changed which fields, before and after, with the reason', async () => {
    const { store, repo } = await openRepository();
    const letter = richLetter();
    await repo.saveLetter(letter, { by: 'Jo Bloggs', action: 'create' });
    const commitment = letter.commitments[0]!;
    const delivered = { ...commitment, history: [...commitment.history, { status: 'delivered' as const, date: '2026-02-01', evidence: null, at: '2026-02-01T09:00:00.000Z', by: 'Sam Patel' }] };
    const edited = { ...letter, deadlineDate: '2026-03-01', commitments: [delivered, ...letter.commitments.slice(1)], updatedAt: '2026-02-02T10:00:00.000Z' };
    const saved = await repo.saveLetter(edited, { by: 'Sam Patel', action: 'deadline', reason: 'The DAC asked for more time' });

    expect(saved.changes).toEqual([
      { field: 'deadlineDate', before: letter.deadlineDate, after: '2026-03-01' },
      { field: `commitment:${commitment.id}`, before: commitment, after: delivered },
    ]);
    const [, entry] = await historyOf(store.db, 'letter', letter.id);
    expect(entry).toMatchObject({ by: 'Sam Patel', action: 'deadline', reason: 'The DAC asked for more time', at: '2026-02-02T10:00:00.000Z', recordType: 'letter', recordId: letter.id });
    expect(entry!.changes).toEqual(JSON.parse(JSON.stringify(saved.changes)));
  });

  it('writes no row for a save that changed nothing but the time', async () => {
    const { store, repo } = await openRepository();
    const letter = richLetter();
    await repo.saveLetter(letter, { by: 'Jo Bloggs', action: 'create' });
    await repo.saveLetter({ ...letter, updatedAt: '2026-02-02T11:00:00.000Z' }, { by: 'Jo Bloggs', action: 'edit' });
    expect(await historyOf(store.db, 'letter', letter.id)).toHaveLength(1);
  });

  it('cannot be changed or removed, whoever asks', async () => {
    const { store, repo } = await openRepository();
    await repo.saveLetter(richLetter(), { by: 'Jo Bloggs', action: 'create' });
    expect(() => store.raw.prepare(`UPDATE history SET by = 'Someone else'`).run()).toThrow(/append-only/);
    expect(() => store.raw.prepare('DELETE FROM history').run()).toThrow(/append-only/);
    await expect(store.db.updateTable('history').set({ reason: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
    await expect(store.db.deleteFrom('history').execute()).rejects.toThrow(/append-only/);
    expect(() => store.raw.prepare(`INSERT OR REPLACE INTO history (id, at, by, record_type, record_id, action, changes) SELECT id, at, 'x', record_type, record_id, action, changes FROM history`).run()).toThrow(/append-only/);
    expect(await store.db.selectFrom('history').select('by').execute()).toEqual([{ by: 'Jo Bloggs' }]);
  });
});
