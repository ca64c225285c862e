import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseForSearch } from '../../../../electron/core/addressBook/search';
import type { Letter } from '../../../../electron/core/letters/letterSchema';
import { queryRegister, searchText } from '../../../../electron/core/letters/register';
import type { RegisterQuery } from '../../../../electron/core/letters/register';
import { answeredLetterIds, chasedLetterIds, replyStanding, standingContext } from '../../../../electron/core/replies/replyStanding';
import type { LetterRepository } from '../../../../electron/store/sql';
import { seededRandom } from '../../../../scripts/lib/random';
import { fixtureLetters, openSuiteRepository, registerQuery, TODAY } from './helpers';

/**
 * The SQL register must answer as today's queryRegister does over the same letters: the same rows, in
 * the same order, with the same sign-off and reply columns, and a page of it equal to a slice of it.
 * Today's search matches any substring; the index matches the start of a word, and also searches the
 * commitments' wording. The words below start words wherever they occur, and the oracle is given the
 * commitments too, so the two must agree exactly.
 */
let repo: LetterRepository;
let letters: Letter[];
let oracle: (q: RegisterQuery) => ReturnType<typeof queryRegister>;

function withOddities(all: Letter[]): Letter[] {
  const rnd = seededRandom(99);
  return all.map((l, i) => {
    let out = l;
    if (l.status === 'awaiting-signature' && i % 3 === 0) {
      const [first, second] = l.signatories;
      out = {
        ...out,
        signoffs: [
          { signatoryId: first!.signatoryId, state: 'signed', date: l.letterDate, method: 'email', at: l.createdAt, by: 'Jo Bloggs' },
          ...(second ? [{ signatoryId: second.signatoryId, state: 'declined' as const, comment: 'Not this one', at: l.createdAt, by: 'Jo Bloggs' }] : []),
        ],
      };
    }
    // Recipients typed by hand: no organisation, no name, odd punctuation, accents, numbers.
    if (i % 97 === 0) out = { ...out, recipient: { ...out.recipient, fullName: '', organisation: '' } };
    if (i % 89 === 0) out = { ...out, recipient: { ...out.recipient, fullName: rnd.pick(['Dr. Siân ap Rhys', 'Mx Émile-Zoë d’Arcy', 'The Rt Hon. A. Smith (MP)', '"Chair", Board 10', 'chair, board 9']) } };
    return out;
  });
}

beforeAll(async () => {
  const opened = await openSuiteRepository();
  repo = opened.repo;
  letters = withOddities(fixtureLetters(1500));
  await repo.importLetters(letters, { by: 'Test', reason: null });
  // Replies to some sent letters, chasers among them: the reply column's "replied" and thread rules.
  const replies = letters.filter((l, i) => (l.status === 'sent' || l.status === 'closed') && i % 7 === 0).map((l) => ({ letterId: l.id }));
  await opened.store.db
    .insertInto('replies')
    .values(replies.map((r, i) => ({ id: `reply-${i}`, version: 1, created_at: TODAY_AT, updated_at: TODAY_AT, data: '{}', letter_id: r.letterId, received_date: TODAY, from_name: '', their_reference: '' })))
    .execute();
  const answered = answeredLetterIds(letters, replies);
  const chased = chasedLetterIds(letters);
  const textOf = (l: Letter) => `${searchText(l)}\n${normaliseForSearch(l.commitments.map((c) => c.text).join('\n'))}`;
  oracle = (q) => queryRegister(letters, q, textOf, (l) => replyStanding(l, standingContext(answered, chased, TODAY)));
});

const TODAY_AT = `${TODAY}T09:00:00.000Z`;
const SORTS: RegisterQuery['sort'][] = ['letterDate', 'reference', 'recipient', 'organisation', 'subject', 'status', 'deadlineDate'];

async function sqlRows(q: RegisterQuery) {
  return repo.queryLetters({ ...q, limit: 100_000, offset: 0 }, TODAY);
}

describe('the SQL register answers as today’s queryRegister', () => {
  it('has letters of every kind to compare', () => {
    expect(new Set(letters.map((l) => l.status)).size).toBe(4);
    expect(letters.some((l) => l.deletedAt)).toBe(true);
    expect(letters.some((l) => l.followUpKind === 'chaser')).toBe(true);
    expect(letters.reduce((n, l) => n + l.commitments.length, 0)).toBeGreaterThan(letters.length);
    expect(new Set(oracle(registerQuery()).map((r) => r.reply)).size).toBeGreaterThanOrEqual(4);
  });

  for (const sort of SORTS) {
    for (const direction of ['asc', 'desc'] as const) {
      for (const bin of [false, true]) {
        it(`sorts by ${sort} ${direction}${bin ? ' in the bin' : ''}`, async () => {
          const q = registerQuery({ sort, direction, bin });
          const expected = oracle(q);
          const page = await sqlRows(q);
          expect(page.total).toBe(expected.length);
          expect(page.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
          expect(page.rows).toEqual(expected);
        });
      }
    }
  }

  const organisation = () => letters[40]!.recipient.organisation;
  const filters: [string, () => Partial<RegisterQuery>][] = [
    ['sent', () => ({ statuses: ['sent'] })],
    ['not yet sent', () => ({ statuses: ['draft', 'awaiting-signature'] })],
    ['one organisation', () => ({ organisation: organisation() })],
    ['no organisation typed', () => ({ organisation: '' })],
    ['a date range', () => ({ dateFrom: '2021-03-01', dateTo: '2021-09-30' })],
    ['sent, one organisation, one year', () => ({ statuses: ['sent'], organisation: organisation(), dateFrom: '2020-01-01', dateTo: '2020-12-31' })],
    ['awaiting the Mayor’s signature', () => ({ awaitingSignatory: 'sig-mayor' })],
    ['awaiting the deputy’s signature, by status', () => ({ awaitingSignatory: 'sig-deputy', sort: 'status' })],
    ['a search', () => ({ query: 'action plan' })],
    ['a search by name and organisation', () => ({ query: 'taylor hackney' })],
    ['a search by the start of a name', () => ({ query: 'tay' })],
    ['a search by reference', () => ({ query: 'mco2103' })],
    ['a search by a whole reference', () => ({ query: letters[77]!.reference })],
    ['a search with accents', () => ({ query: 'Zoë' })],
    ['a search with an apostrophe', () => ({ query: 'o’brien' })],
    ['a search of a commitment’s words', () => ({ query: 'quarterly publication' })],
    ['a search in the bin', () => ({ query: 'safeguarding', bin: true })],
    ['a search and filters together', () => ({ query: 'meeting', statuses: ['sent', 'closed'], dateFrom: '2022-01-01', sort: 'recipient', direction: 'asc' })],
  ];
  for (const [name, make] of filters) {
    it(`filters: ${name}`, async () => {
      const q = registerQuery(make());
      const expected = oracle(q);
      expect(expected.length).toBeGreaterThan(0);
      const page = await sqlRows(q);
      expect(page.total).toBe(expected.length);
      expect(page.rows).toEqual(expected);
    });
  }

  it('filters: a search that finds nothing', async () => {
    expect(await sqlRows(registerQuery({ query: 'xylophone' }))).toEqual({ rows: [], total: 0 });
  });

  it('pages: every page is the matching slice, and the pages together are the whole answer', async () => {
    for (const q of [registerQuery({ sort: 'organisation', direction: 'asc' }), registerQuery({ statuses: ['sent'], sort: 'deadlineDate', direction: 'desc' }), registerQuery({ query: 'plan' })]) {
      const expected = oracle(q);
      const seen: string[] = [];
      for (let offset = 0; offset < expected.length + 37; offset += 37) {
        const page = await repo.queryLetters({ ...q, limit: 37, offset }, TODAY);
        expect(page.total).toBe(expected.length);
        expect(page.rows).toEqual(expected.slice(offset, offset + 37));
        seen.push(...page.rows.map((r) => r.id));
      }
      expect(seen).toEqual(expected.map((r) => r.id));
    }
  });
});
