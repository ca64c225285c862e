import type { Kysely } from 'kysely';
import type { IsoDate } from '../../../core/dates/londonDate';
import type { Database } from '../schema';
import { answered } from './dashboardQueries';

export interface ReminderCandidates {
  /** Sent letters with no answer whose reply was due by tomorrow. */
  replies: { id: string; reference: string; deadlineDate: IsoDate }[];
  /**
   * Open commitments of sent letters due by tomorrow: on their own date, or (once the letter has had an
   * answer) on the letter's deadline. Until an answer comes, the reply reminder covers them.
   */
  commitments: { id: string; reference: string; text: string; dueDate: IsoDate }[];
}

export async function reminderCandidates(db: Kysely<Database>, tomorrow: IsoDate): Promise<ReminderCandidates> {
  const replies = await db
    .selectFrom('letters as l')
    .select(['l.id', 'l.reference', 'l.deadline_date'])
    .where('l.binned', '=', 0)
    .where('l.status', '=', 'sent')
    .where('l.deadline_date', '<=', tomorrow)
    .where((eb) => eb.not(answered(eb)))
    .orderBy('l.deadline_date')
    .execute();
  const commitments = await db
    .selectFrom('commitments as c')
    .innerJoin('letters as l', 'l.id', 'c.letter_id')
    .select((eb) => ['c.id', 'l.reference', 'c.text', eb.fn.coalesce('c.due_date', 'l.deadline_date').as('due'), answered(eb).as('answered'), 'c.due_date'])
    .where('l.binned', '=', 0)
    .where('l.status', '=', 'sent')
    .where('c.status', 'in', ['requested', 'agreed', 'partly-met'])
    .where((eb) => eb.or([eb('c.due_date', '<=', tomorrow), eb.and([eb('c.due_date', 'is', null), eb('l.deadline_date', '<=', tomorrow)])]))
    .execute();
  return {
    replies: replies.map((r) => ({ id: r.id, reference: r.reference, deadlineDate: r.deadline_date! })),
    commitments: commitments
      .filter((c) => c.due_date !== null || Number(c.answered) === 1)
      .map((c) => ({ id: c.id, reference: c.reference, text: c.text, dueDate: c.due! })),
  };
}
