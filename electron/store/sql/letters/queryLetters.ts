import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { IsoDate } from '../../../core/dates/londonDate';
import type { LetterPage, RegisterQuery } from '../../../core/letters/register';
import { replyStanding, standingContext } from '../../../core/replies/replyStanding';
import { summariseSignStates } from '../../../core/signoff/signoff';
import type { SignState } from '../../../core/signoff/signoff';
import type { Database } from '../schema';
import { ftsQuery } from '../searchQuery';
import { isHit, rankOf, searchHits } from './letterSearchIndex';
import type { SearchHits } from './letterSearchIndex';

/** Today's register query, a page of it, and one more order: best search match first. */
export interface LetterPageQuery extends Omit<RegisterQuery, 'sort'> {
  sort: RegisterQuery['sort'] | 'relevance';
  limit: number;
  offset: number;
}

export type { LetterPage };

/**
 * The register's sorts as columns. Each sort key sorts as today's collator does (see sortKey.ts), the
 * reference breaks ties, and seq (the rowid, at the end of every index entry) makes the order total,
 * so every page is read from one of the letters_by_* indexes and paging never skips or repeats a row.
 * SQLite puts NULL first going up and last going down, as today's sort puts a missing deadline.
 */
const SORT_COLUMNS = {
  letterDate: 'l.letter_date',
  reference: 'l.sort_reference',
  recipient: 'l.sort_recipient',
  organisation: 'l.sort_organisation',
  subject: 'l.sort_subject',
  status: 'l.status_order',
  deadlineDate: 'l.deadline_date',
} as const;

const fromLetters = (db: Kysely<Database>) => db.selectFrom('letters as l');
type LettersQuery = ReturnType<typeof fromLetters>;

export async function queryLetters(db: Kysely<Database>, q: LetterPageQuery, today: IsoDate): Promise<LetterPage> {
  const match = ftsQuery(q.query);
  const columns = ['l.id', 'l.reference', 'l.letter_date', 'l.recipient_name', 'l.recipient_organisation', 'l.subject', 'l.status', 'l.deadline_date', 'l.deleted_at'] as const;
  let rows;
  let total: number;
  if (match !== null && q.sort === 'relevance') {
    // Best match first: bm25 is worked out for every hit (it can only be asked of the index itself), once.
    const hits = await searchHits(db, match, true);
    if (hits.count === 0) return { rows: [], total: 0 };
    const filtered = where(fromLetters(db), q).where(isHit(sql.ref('l.seq'), hits));
    rows = await filtered
      .innerJoin(rankOf(hits).as('hits'), 'hits.seq', 'l.seq')
      .select(columns)
      .orderBy('hits.rank')
      .orderBy('l.letter_date', 'desc')
      .orderBy('l.seq', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    total = Number((await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  } else {
    const sort = q.sort === 'relevance' ? 'letterDate' : q.sort;
    const direction = q.sort === 'relevance' ? 'desc' : q.direction;
    let filtered = where(fromLetters(db), q);
    if (match !== null) {
      // The index is asked once (a prefix of a common word, "plan"*, reads a good part of it); the count
      // and the page both take its answer.
      const hits = await searchHits(db, match, false);
      if (hits.count === 0) return { rows: [], total: 0 };
      total = await countHits(db, hits, q);
      if (total === 0) return { rows: [], total: 0 };
      // Many hits: read the page down the sort's index, keeping the hits (a set SQLite makes once from the
      // list), and stop at the page's end; the unary + keeps SQLite from looking every hit up by rowid in
      // the wide letters table and sorting them all instead. Few hits: that is the cheaper way.
      filtered = filtered.where(isHit(total > FEW_HITS ? sql<number>`+${sql.ref('l.seq')}` : sql.ref('l.seq'), hits));
    } else {
      total = -1;
    }
    let page = filtered.select(columns).orderBy(SORT_COLUMNS[sort], direction);
    if (sort !== 'reference') page = page.orderBy('l.sort_reference', direction);
    page = page.orderBy('l.seq', direction);
    rows = await page.limit(q.limit).offset(q.offset).execute();
    if (total < 0) total = Number((await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  }

  const ids = rows.map((r) => r.id);
  const [signStates, standing] = await Promise.all([signStatesOf(db, ids), standingFlags(db, ids)]);
  const answered = new Set(standing.filter((s) => s.answered).map((s) => s.id));
  const chased = new Set(standing.filter((s) => s.chased).map((s) => s.id));
  const replyContext = standingContext(answered, chased, today);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      letterDate: r.letter_date,
      recipient: r.recipient_name,
      organisation: r.recipient_organisation,
      subject: r.subject,
      status: r.status,
      deadlineDate: r.deadline_date,
      deletedAt: r.deleted_at,
      signoff: summariseSignStates(signStates.get(r.id) ?? []),
      reply: replyStanding({ id: r.id, status: r.status, deadlineDate: r.deadline_date }, replyContext),
    })),
  };
}

/** Above this many hits a page is read down its sort's index rather than looked up hit by hit. */
const FEW_HITS = 2000;

/**
 * How many letters the search finds among those the query lets through. With no filter but the bin, the
 * index's count, less (or, in the bin, only) the hits that are binned: few, and no letter row is read.
 */
async function countHits(db: Kysely<Database>, hits: SearchHits, q: LetterPageQuery): Promise<number> {
  const filtered = q.statuses.length > 0 || q.organisation || q.dateFrom || q.dateTo || q.awaitingSignatory;
  if (filtered) {
    const counted = await where(fromLetters(db), q)
      .where(isHit(sql.ref('l.seq'), hits))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(counted.n);
  }
  const binned = new Set((await db.selectFrom('letters').select('seq').where('binned', '=', 1).execute()).map((r) => r.seq));
  let inBin = 0;
  if (binned.size > 0) for (const seq of JSON.parse(hits.seqs) as number[]) if (binned.has(seq)) inBin++;
  return q.bin ? inBin : hits.count - inBin;
}

/** The register's filters, as today's queryRegister applies them (an empty list or '' filters nothing). */
function where(query: LettersQuery, q: LetterPageQuery): LettersQuery {
  let out = query.where('l.binned', '=', q.bin ? 1 : 0);
  if (q.statuses.length > 0) out = out.where('l.status', 'in', q.statuses);
  if (q.organisation) out = out.where('l.recipient_organisation', '=', q.organisation);
  if (q.dateFrom) out = out.where('l.letter_date', '>=', q.dateFrom);
  if (q.dateTo) out = out.where('l.letter_date', '<=', q.dateTo);
  const signatory = q.awaitingSignatory;
  if (signatory) {
    out = out.where('l.id', 'in', (eb) => eb.selectFrom('letter_signatories as s').select('s.letter_id').where('s.signatory_id', '=', signatory).where('s.awaited', '=', 1));
  }
  return out;
}

async function signStatesOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, SignState[]>> {
  const states = new Map<string, SignState[]>();
  if (ids.length === 0) return states;
  const rows = await db.selectFrom('letter_signatories').select(['letter_id', 'state']).where('letter_id', 'in', ids).orderBy('letter_id').orderBy('position').execute();
  for (const r of rows) states.set(r.letter_id, [...(states.get(r.letter_id) ?? []), r.state]);
  return states;
}

/**
 * What core's answeredLetterIds and chasedLetterIds work out over every letter and reply, asked only for
 * the letters on the page: answered = a reply to the letter, or (for the first letter of a thread) a
 * reply to any letter of its thread; chased = a chaser following it up has been sent and not binned.
 */
async function standingFlags(db: Kysely<Database>, ids: string[]): Promise<{ id: string; answered: number; chased: number }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('letters as l')
    .where('l.id', 'in', ids)
    .select((eb) => [
      'l.id',
      eb
        .or([
          eb.exists(eb.selectFrom('replies as r').select('r.id').whereRef('r.letter_id', '=', 'l.id')),
          eb.and([
            eb('l.follows_up', 'is', null),
            eb.exists(eb.selectFrom('replies as r').innerJoin('letters as t', 't.id', 'r.letter_id').select('r.id').whereRef('t.thread_id', '=', 'l.thread_id')),
          ]),
        ])
        .$castTo<number>()
        .as('answered'),
      eb
        .exists(
          eb
            .selectFrom('letters as c')
            .select('c.id')
            .whereRef('c.follows_up', '=', 'l.id')
            .where('c.follow_up_kind', '=', 'chaser')
            .where('c.deleted_at', 'is', null)
            .where('c.status', 'in', ['sent', 'closed']),
        )
        .$castTo<number>()
        .as('chased'),
    ])
    .execute();
}
