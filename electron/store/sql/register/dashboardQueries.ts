import { sql } from 'kysely';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { DASHBOARD_LIST_LIMIT } from '../../../core/dashboard/summary';
import type { DashboardLetter, DashboardSummary } from '../../../core/dashboard/summary';
import { addCalendarDays, daysBetween } from '../../../core/deadlines/calendarMath';
import type { IsoDate } from '../../../core/dates/londonDate';
import type { Database } from '../schema';

type LetterScope = ExpressionBuilder<Database & { l: Database['letters'] }, 'l'>;

/**
 * Core's rule for "has had an answer" (answeredLetterIds), as SQL over the letter `l`: a reply to the
 * letter, or, for the first letter of a thread, a reply to any letter of the thread. The same rule the
 * triggers of migration 002 keep in `letters.answered`, which the queries below read instead; this form
 * stays for the tests that hold the column to it.
 */
export function answered(eb: LetterScope) {
  return eb.or([
    eb.exists(eb.selectFrom('replies as r').select('r.id').whereRef('r.letter_id', '=', 'l.id')),
    eb.and([
      eb('l.follows_up', 'is', null),
      eb.exists(eb.selectFrom('replies as r').innerJoin('letters as t', 't.id', 'r.letter_id').select('r.id').whereRef('t.thread_id', '=', 'l.thread_id').where('t.binned', '=', 0)),
    ]),
  ]);
}

/**
 * The partial indexes of migration 002, as their WHERE clauses. A query repeats its index's clause word
 * for word (SQLite uses a partial index only when the query's terms match it, and never for a bound
 * parameter) and names the index: the planner's statistics cannot see that the index is the small one.
 */
export const AWAITED = sql.raw(`l.binned = 0 AND l.status = 'sent' AND l.answered = 0 AND l.deadline_date IS NOT NULL`);
const OVERDUE = sql.raw(`l.binned = 0 AND l.status = 'sent' AND l.answered = 0 AND l.deadline_date IS NOT NULL AND l.follows_up IS NULL`);
const REPLY_TIMED = sql.raw(`l.binned = 0 AND l.status_order >= 3 AND l.follows_up IS NULL AND l.reply_days IS NOT NULL`);
export const OPEN_COMMITMENT = sql.raw(`c.live = 1 AND c.status IN ('requested', 'agreed', 'partly-met') AND c.effective_due IS NOT NULL`);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface ListedLetter {
  id: string;
  reference: string;
  subject: string;
  recipient_name: string;
  recipient_organisation: string;
  deadline_date: string;
}

const LISTED = sql.raw(`l.id, l.reference, l.subject, l.recipient_name, l.recipient_organisation, l.deadline_date`);

/**
 * The home screen's figures (see core/dashboard/summary.ts for what each means), each one query on an
 * index range: the lists hold their first DASHBOARD_LIST_LIMIT letters and their totals are counted.
 */
export async function dashboardFromSql(db: Kysely<Database>, today: IsoDate): Promise<DashboardSummary> {
  const weekAhead = addCalendarDays(today, 7);
  const limit = DASHBOARD_LIST_LIMIT;
  const overdueRows = await sql<ListedLetter>`
    SELECT ${LISTED} FROM letters AS l INDEXED BY letters_reply_overdue
    WHERE ${OVERDUE} AND l.deadline_date < ${today} ORDER BY l.deadline_date, l.id LIMIT ${limit}`.execute(db);
  const overdueTotal = await sql<{ n: number }>`
    SELECT count(*) AS n FROM letters AS l INDEXED BY letters_reply_overdue WHERE ${OVERDUE} AND l.deadline_date < ${today}`.execute(db);
  const soonRows = await sql<ListedLetter>`
    SELECT ${LISTED} FROM letters AS l INDEXED BY letters_reply_awaited
    WHERE ${AWAITED} AND l.deadline_date >= ${today} AND l.deadline_date <= ${weekAhead} ORDER BY l.deadline_date, l.id LIMIT ${limit}`.execute(db);
  const soonTotal = await sql<{ n: number }>`
    SELECT count(*) AS n FROM letters AS l INDEXED BY letters_reply_awaited
    WHERE ${AWAITED} AND l.deadline_date >= ${today} AND l.deadline_date <= ${weekAhead}`.execute(db);
  const row = (l: ListedLetter, days: number): DashboardLetter => ({
    id: l.id,
    reference: l.reference,
    subject: l.subject,
    recipient: l.recipient_name,
    organisation: l.recipient_organisation,
    deadlineDate: l.deadline_date,
    days,
  });

  const owed = await sql<{ organisation: string; count: number }>`
    SELECT c.effective_organisation AS organisation, count(*) AS count
    FROM commitments AS c INDEXED BY commitments_open_by_organisation
    WHERE ${OPEN_COMMITMENT} AND c.effective_due < ${today}
    GROUP BY c.effective_organisation`.execute(db);
  // '' (no organisation of its own, nor the letter's) counts as 'Unknown', as core counts it.
  const owedBy = new Map<string, number>();
  for (const o of owed.rows) {
    const name = o.organisation || 'Unknown';
    owedBy.set(name, (owedBy.get(name) ?? 0) + Number(o.count));
  }

  const recent = await db
    .selectFrom('replies as r')
    .innerJoin('letters as l', 'l.id', 'r.letter_id')
    .select(['r.id', 'r.letter_id', 'l.reference', 'r.from_name', 'r.received_date', sql<string>`coalesce(json_extract(r.data, '$.summary'), '')`.as('summary')])
    .where('l.binned', '=', 0)
    .where('r.received_date', '>=', addCalendarDays(today, -14))
    .orderBy('r.received_date', 'desc')
    .orderBy('r.created_at', 'desc')
    .limit(20)
    .execute();

  // One row per organisation, its letters' days to a first reply as a list: the median needs them all,
  // but not as one row each. reply_days counts whole days between the two dates, as core's daysBetween.
  const firstReplies = await sql<{ organisation: string; days: string }>`
    SELECT coalesce(nullif(l.recipient_organisation, ''), 'Unknown') AS organisation, group_concat(max(0, l.reply_days)) AS days
    FROM letters AS l INDEXED BY letters_reply_times WHERE ${REPLY_TIMED} GROUP BY 1`.execute(db);

  return {
    today,
    repliesOverdue: overdueRows.rows.map((l) => row(l, daysBetween(l.deadline_date, today))),
    repliesOverdueTotal: Number(overdueTotal.rows[0]?.n ?? 0),
    repliesDueSoon: soonRows.rows.map((l) => row(l, daysBetween(today, l.deadline_date))),
    repliesDueSoonTotal: Number(soonTotal.rows[0]?.n ?? 0),
    commitmentsOverdueByOrganisation: [...owedBy]
      .map(([organisation, count]) => ({ organisation, count }))
      .sort((a, b) => b.count - a.count || a.organisation.localeCompare(b.organisation)),
    recentReplies: recent.map((r) => ({ replyId: r.id, letterId: r.letter_id, reference: r.reference, from: r.from_name, receivedDate: r.received_date, summary: r.summary.slice(0, 200) })),
    replyTimes: firstReplies.rows
      .map((r) => {
        const days = r.days.split(',').map(Number);
        return { organisation: r.organisation, medianDays: median(days), replies: days.length };
      })
      .sort((a, b) => a.organisation.localeCompare(b.organisation, 'en-GB')),
  };
}
