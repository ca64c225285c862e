import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { matchesAll, normaliseForSearch, queryWords } from '../../../core/addressBook/search';
import { latestNote, type Commitment, type CommitmentStatus, type StatusChange } from '../../../core/commitments/commitment';
import { OPEN_COMMITMENT } from './dashboardQueries';
import type { CommitmentPage, CommitmentQuery } from '../../../core/commitments/register';
import type { IsoDate } from '../../../core/dates/londonDate';
import type { Database } from '../schema';

export interface CommitmentPageQuery extends CommitmentQuery {
  limit: number;
  offset: number;
}

export type { CommitmentPage };

const OPEN = ['requested', 'agreed', 'partly-met'] as const;

/**
 * The commitments register, as core's queryCommitments defines it (commitments of sent letters, overdue
 * first, then by due date), filtered, ordered and paged in SQL. Search words are matched as the address
 * book matches them (accents folded), which SQL's LIKE cannot do: with words, the rows the other filters
 * let through are read in their small columns only and matched here, then paged.
 */
export async function queryCommitmentPage(db: Kysely<Database>, q: CommitmentPageQuery, today: IsoDate): Promise<CommitmentPage> {
  if (!q.organisation && q.statuses.length === 0 && !q.tag && queryWords(q.query).length === 0) return unfilteredPage(db, q, today);
  const due = sql<string | null>`coalesce(c.due_date, l.deadline_date)`;
  const overdue = sql<number>`(${due} IS NOT NULL AND ${due} < ${today} AND c.status IN ('requested', 'agreed', 'partly-met'))`;
  const organisation = sql<string>`coalesce(nullif(c.organisation, ''), l.recipient_organisation)`;
  let base = db
    .selectFrom('commitments as c')
    .innerJoin('letters as l', 'l.id', 'c.letter_id')
    .where('l.binned', '=', 0)
    .where('l.status', 'in', ['sent', 'closed']);
  if (q.organisation) base = base.where(organisation, '=', q.organisation);
  if (q.statuses.length > 0) base = base.where('c.status', 'in', q.statuses);
  if (q.overdueOnly) base = base.where(due, 'is not', null).where(due, '<', today).where('c.status', 'in', [...OPEN]);
  const tag = q.tag?.toLowerCase();
  if (tag) base = base.where((eb) => eb.exists(eb.selectFrom('commitment_tags as t').select('t.tag').whereRef('t.letter_id', '=', 'c.letter_id').whereRef('t.commitment_id', '=', 'c.id').where('t.tag', '=', tag)));

  const ordered = base
    .select([
      'c.letter_id',
      'c.id',
      'c.text',
      'c.status',
      'c.status_date',
      'c.tags',
      'c.history',
      'l.reference',
      'l.subject',
      due.as('due'),
      overdue.as('overdue'),
      organisation.as('organisation'),
    ])
    .orderBy(sql`overdue`, 'desc')
    .orderBy(sql`coalesce(${due}, '9999')`)
    .orderBy('l.sort_reference')
    .orderBy('c.position');

  const words = queryWords(q.query);
  let rows;
  let total: number;
  if (words.length === 0) {
    rows = await ordered.limit(q.limit).offset(q.offset).execute();
    total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  } else {
    const all = await ordered.execute();
    const matching = all.filter((r) => {
      const note = latestNote({ history: JSON.parse(r.history) as StatusChange[] } as Commitment);
      const tags = (JSON.parse(r.tags) as string[]).join(' ');
      return matchesAll(normaliseForSearch(`${r.text} ${note} ${r.reference} ${r.organisation} ${tags}`), words);
    });
    total = matching.length;
    rows = matching.slice(q.offset, q.offset + q.limit);
  }
  return { total, rows: rows.map(toRow) };
}

interface PageRow {
  letter_id: string;
  id: string;
  text: string;
  status: CommitmentStatus;
  status_date: string;
  tags: string;
  history: string;
  reference: string;
  subject: string;
  due: string | null;
  overdue: number;
  organisation: string;
}

const PAGE_COLUMNS = sql.raw(`c.letter_id, c.id, c.text, c.status, c.status_date, c.tags, c.history, l.reference, l.subject,
  c.effective_due AS due, c.effective_organisation AS organisation`);

/**
 * The whole register (or its overdue rows), read in its order from two index ranges rather than sorted:
 * the overdue commitments (open, due before today) by due date from commitments_open_by_due, then the
 * rest from commitments_register, which holds every live commitment by due date (none last). The page
 * takes what it needs of the first and the rest from the second; the counts are of the same ranges.
 */
async function unfilteredPage(db: Kysely<Database>, q: CommitmentPageQuery, today: IsoDate): Promise<CommitmentPage> {
  const overdueCount = Number(
    (await sql<{ n: number }>`SELECT count(*) AS n FROM commitments AS c INDEXED BY commitments_open_by_due WHERE ${OPEN_COMMITMENT} AND c.effective_due < ${today}`.execute(db)).rows[0]?.n ?? 0,
  );
  const total = q.overdueOnly
    ? overdueCount
    : Number((await sql<{ n: number }>`SELECT count(*) AS n FROM commitments AS c INDEXED BY commitments_register WHERE c.live = 1`.execute(db)).rows[0]?.n ?? 0);
  const rows: PageRow[] = [];
  if (q.offset < overdueCount) {
    // CROSS JOIN: the commitments' index gives the order; each row's letter is then looked up by id.
    const overdue = await sql<PageRow>`
      SELECT ${PAGE_COLUMNS}, 1 AS overdue FROM commitments AS c INDEXED BY commitments_open_by_due CROSS JOIN letters AS l ON l.id = c.letter_id
      WHERE ${OPEN_COMMITMENT} AND c.effective_due < ${today}
      ORDER BY c.effective_due, c.sort_reference, c.position LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db);
    rows.push(...overdue.rows);
  }
  const wanted = q.limit - rows.length;
  if (!q.overdueOnly && wanted > 0) {
    const rest = await sql<PageRow>`
      SELECT ${PAGE_COLUMNS}, 0 AS overdue FROM commitments AS c INDEXED BY commitments_register CROSS JOIN letters AS l ON l.id = c.letter_id
      WHERE c.live = 1 AND NOT (c.status IN ('requested', 'agreed', 'partly-met') AND coalesce(c.effective_due, '9999') < ${today})
      ORDER BY coalesce(c.effective_due, '9999'), c.sort_reference, c.position LIMIT ${wanted} OFFSET ${Math.max(0, q.offset - overdueCount)}`.execute(db);
    rows.push(...rest.rows);
  }
  return { total, rows: rows.map(toRow) };
}

function toRow(r: PageRow): CommitmentPage['rows'][number] {
  const history = JSON.parse(r.history) as StatusChange[];
  return {
    id: r.id,
    letterId: r.letter_id,
    reference: r.reference,
    letterSubject: r.subject,
    commitmentId: r.id,
    text: r.text,
    organisation: r.organisation,
    status: r.status,
    statusDate: r.status_date,
    dueDate: r.due,
    overdue: Number(r.overdue) === 1,
    tags: JSON.parse(r.tags) as string[],
    evidence: [...history].reverse().find((h) => h.evidence)?.evidence ?? null,
    note: latestNote({ history } as Commitment),
  };
}
