import { sql } from 'kysely';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DashboardLetter, DashboardSummary } from '../../../core/dashboard/summary';
import { addCalendarDays, daysBetween } from '../../../core/deadlines/calendarMath';
import type { IsoDate } from '../../../core/dates/londonDate';
import type { Database } from '../schema';

type LetterScope = ExpressionBuilder<Database & { l: Database['letters'] }, 'l'>;

/**
 * Core's rule for "has had an answer" (answeredLetterIds), as SQL over the letter `l`: a reply to the
 * letter, or, for the first letter of a thread, a reply to any letter of the thread.
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

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The home screen's figures (see core/dashboard/summary.ts for what each means), each one query. */
export async function dashboardFromSql(db: Kysely<Database>, today: IsoDate): Promise<DashboardSummary> {
  const weekAhead = addCalendarDays(today, 7);
  const awaiting = db
    .selectFrom('letters as l')
    .select(['l.id', 'l.reference', 'l.subject', 'l.recipient_name', 'l.recipient_organisation', 'l.deadline_date', 'l.follows_up'])
    .where('l.binned', '=', 0)
    .where('l.status', '=', 'sent')
    .where('l.deadline_date', 'is not', null)
    .where('l.deadline_date', '<=', weekAhead)
    .where((eb) => eb.not(answered(eb)));
  const due = await awaiting.execute();
  const row = (l: (typeof due)[number], days: number): DashboardLetter => ({
    id: l.id,
    reference: l.reference,
    subject: l.subject,
    recipient: l.recipient_name,
    organisation: l.recipient_organisation,
    deadlineDate: l.deadline_date,
    days,
  });
  const overdue = due.filter((l) => l.deadline_date! < today && l.follows_up === null).map((l) => row(l, daysBetween(l.deadline_date!, today)));
  const soon = due.filter((l) => l.deadline_date! >= today).map((l) => row(l, daysBetween(today, l.deadline_date!)));

  const dueOn = sql<string | null>`coalesce(c.due_date, l.deadline_date)`;
  const owedBy = sql<string>`coalesce(nullif(c.organisation, ''), nullif(l.recipient_organisation, ''), 'Unknown')`;
  const owed = await db
    .selectFrom('commitments as c')
    .innerJoin('letters as l', 'l.id', 'c.letter_id')
    .select([owedBy.as('organisation'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('l.binned', '=', 0)
    .where('l.status', 'in', ['sent', 'closed'])
    .where('c.status', 'in', ['requested', 'agreed', 'partly-met'])
    .where(dueOn, 'is not', null)
    .where(dueOn, '<', today)
    .groupBy(sql`1`)
    .execute();

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

  const firstReplies = await db
    .selectFrom('letters as l')
    .innerJoin('replies as r', 'r.letter_id', 'l.id')
    .select([sql<string>`coalesce(nullif(l.recipient_organisation, ''), 'Unknown')`.as('organisation'), 'l.sent_date', (eb) => eb.fn.min('r.received_date').as('first')])
    .where('l.binned', '=', 0)
    .where('l.status', 'in', ['sent', 'closed'])
    .where('l.follows_up', 'is', null)
    .where('l.sent_date', 'is not', null)
    .groupBy('l.id')
    .execute();
  const times = new Map<string, number[]>();
  for (const r of firstReplies) times.set(r.organisation, [...(times.get(r.organisation) ?? []), Math.max(0, daysBetween(r.sent_date!, r.first as string))]);

  return {
    today,
    repliesOverdue: overdue.sort((a, b) => b.days - a.days),
    repliesDueSoon: soon.sort((a, b) => a.days - b.days),
    commitmentsOverdueByOrganisation: owed
      .map((o) => ({ organisation: o.organisation, count: Number(o.count) }))
      .sort((a, b) => b.count - a.count || a.organisation.localeCompare(b.organisation)),
    recentReplies: recent.map((r) => ({ replyId: r.id, letterId: r.letter_id, reference: r.reference, from: r.from_name, receivedDate: r.received_date, summary: r.summary.slice(0, 200) })),
    replyTimes: [...times]
      .map(([organisation, days]) => ({ organisation, medianDays: median(days), replies: days.length }))
      .sort((a, b) => a.organisation.localeCompare(b.organisation, 'en-GB')),
  };
}
