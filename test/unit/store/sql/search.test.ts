import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../../electron/core/letters/richText';
import type { Letter } from '../../../../electron/core/letters/letterSchema';
import { ftsQuery } from '../../../../electron/store/sql';
import type { LetterRepository } from '../../../../electron/store/sql';
import { fixtureLetters, openRepository, registerQuery, TODAY } from './helpers';

const by = { by: 'Jo Bloggs' };

async function hits(repo: LetterRepository, query: string, bin = false): Promise<string[]> {
  const page = await repo.queryLetters(registerQuery({ query, bin, sort: 'reference', direction: 'asc', limit: 1000 }), TODAY);
  expect(page.rows).toHaveLength(page.total);
  return page.rows.map((r) => r.id);
}

function draft(letters: Letter[]): Letter {
  const l = letters.find((x) => x.status === 'draft' && !x.deletedAt);
  if (!l) throw new Error('no draft in the fixture');
  return l;
}

describe('the search index follows every write', () => {
  it('finds a letter by a word of its subject, body, recipient, organisation, reference or commitment, and stops when the word goes', async () => {
    const { repo } = await openRepository();
    const letters = fixtureLetters(60);
    await repo.importLetters(letters, { by: 'Test', reason: null });
    const l = draft(letters);

    await repo.saveLetter({ ...l, subject: 'Zephyrine estate lighting' }, { ...by, action: 'edit' });
    expect(await hits(repo, 'zephyrine')).toEqual([l.id]);

    const edited = { ...l, subject: 'Quasimodo bell tower', body: [paragraph('The Marchmont footbridge')], commitments: [] };
    await repo.saveLetter(edited, { ...by, action: 'edit' });
    expect(await hits(repo, 'zephyrine')).toEqual([]);
    expect(await hits(repo, 'quasimodo')).toEqual([l.id]);
    expect(await hits(repo, 'marchmont footbridge')).toEqual([l.id]);

    const withCommitment = { ...edited, commitments: [{ id: 'c-new', text: 'Repaint the Tangerine railings', organisation: '', dueDate: null, tags: [], history: [{ status: 'requested' as const, date: l.letterDate, evidence: null, at: l.createdAt, by: 'Jo Bloggs' }] }] };
    await repo.saveLetter(withCommitment, { ...by, action: 'edit' });
    expect(await hits(repo, 'tangerine')).toEqual([l.id]);
    expect(await hits(repo, l.reference)).toEqual([l.id]);
    expect(await hits(repo, 'marchmont')).toEqual([l.id]);
  });

  it('moves a letter to the bin’s search and back, and forgets it when purged', async () => {
    const { repo } = await openRepository();
    const letters = fixtureLetters(60);
    await repo.importLetters(letters, { by: 'Test', reason: null });
    const l = { ...draft(letters), subject: 'Ossington allotments' };
    await repo.saveLetter(l, { ...by, action: 'edit' });

    await repo.saveLetter({ ...l, deletedAt: '2026-02-02T10:00:00.000Z' }, { ...by, action: 'bin' });
    expect(await hits(repo, 'ossington')).toEqual([]);
    expect(await hits(repo, 'ossington', true)).toEqual([l.id]);

    await repo.saveLetter({ ...l, deletedAt: null }, { ...by, action: 'restore' });
    expect(await hits(repo, 'ossington')).toEqual([l.id]);
    expect(await hits(repo, 'ossington', true)).toEqual([]);

    await repo.purgeLetter(l.id, by);
    expect(await hits(repo, 'ossington')).toEqual([]);
    expect(await hits(repo, 'ossington', true)).toEqual([]);
  });

  it('keeps exactly one index entry per letter', async () => {
    const { store, repo } = await openRepository();
    const letters = fixtureLetters(40);
    await repo.importLetters(letters, { by: 'Test', reason: null });
    for (const l of letters.slice(0, 10)) await repo.saveLetter({ ...l, subject: `${l.subject} again` }, { ...by, action: 'edit' });
    await repo.purgeLetter(letters[11]!.id, by).catch(() => undefined);
    const indexed = store.raw.prepare('SELECT count(*) AS n FROM letters_fts').get() as { n: number };
    const stored = store.raw.prepare('SELECT count(*) AS n FROM letters').get() as { n: number };
    expect(indexed.n).toBe(stored.n);
  });

  it('folds case and accents as today’s search does', async () => {
    const { repo } = await openRepository();
    const letters = fixtureLetters(30);
    await repo.importLetters(letters, { by: 'Test', reason: null });
    const l = draft(letters);
    await repo.saveLetter({ ...l, recipient: { ...l.recipient, fullName: 'Señora Zoëlla O’Brannigan' } }, { ...by, action: 'edit' });
    expect(await hits(repo, 'ZOELLA')).toEqual([l.id]);
    expect(await hits(repo, 'zoëlla senora')).toEqual([l.id]);
    expect(await hits(repo, 'o’brannigan')).toEqual([l.id]);
    expect(await hits(repo, "o'brannigan")).toEqual([l.id]);
  });

  it('ranks a letter about the words above one that mentions them in passing', async () => {
    const { repo } = await openRepository();
    const letters = fixtureLetters(30);
    await repo.importLetters(letters, { by: 'Test', reason: null });
    const [a, b] = letters.filter((x) => x.status === 'draft' && !x.deletedAt);
    await repo.saveLetter({ ...a!, subject: 'Minutes', body: [paragraph('We also discussed the Wenlock towpath at length.')] }, { ...by, action: 'edit' });
    await repo.saveLetter({ ...b!, subject: 'The Wenlock towpath' }, { ...by, action: 'edit' });
    const page = await repo.queryLetters({ ...registerQuery({ query: 'wenlock towpath' }), sort: 'relevance' }, TODAY);
    expect(page.rows.map((r) => r.id)).toEqual([b!.id, a!.id]);
    expect(page.total).toBe(2);
  });
});

describe('the officer’s words are never read as FTS syntax', () => {
  it('turns each word into a quoted prefix phrase of its letters and digits', () => {
    expect(ftsQuery('action plan')).toBe('"action"* "plan"*');
    expect(ftsQuery('MCO220317-02')).toBe('"mco220317 02"*');
    expect(ftsQuery('NEAR(taylor')).toBe('"near taylor"*');
    expect(ftsQuery('Señora')).toBe('"senora"*');
    expect(ftsQuery('"')).toBeNull();
    expect(ftsQuery(' - * ^ ')).toBeNull();
    expect(ftsQuery('')).toBeNull();
    expect(ftsQuery(Array.from({ length: 500 }, (_, i) => `w${i}`).join(' '))!.split(' ')).toHaveLength(32);
  });

  const nasty = ['"', '""', "'", '-', '--', '*', '^', ':', 'NEAR(', 'NEAR(a b', 'a NEAR b', 'AND', 'OR', 'NOT', 'a OR b', 'NOT taylor', 'subject:taylor', '{subject body}: plan', 'taylor*', '(', ')', '((((', '+', '\\', '\u0000', '🙂', '日本語', 'a"b', '"unterminated', 'col : "x"', '   '];
  it('answers every one of these without throwing, in every order', async () => {
    const { repo } = await openRepository();
    await repo.importLetters(fixtureLetters(50), { by: 'Test', reason: null });
    for (const query of nasty) {
      for (const sort of ['letterDate', 'relevance'] as const) {
        await expect(repo.queryLetters({ ...registerQuery({ query }), sort }, TODAY), `${JSON.stringify(query)} by ${sort}`).resolves.toHaveProperty('total');
      }
    }
  });
});
