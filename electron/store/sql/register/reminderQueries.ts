import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { IsoDate } from '../../../core/dates/londonDate';
import type { Database } from '../schema';
import { AWAITED } from './dashboardQueries';

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
  // letters.answered is core's rule (see migration 002); the awaited letters are a range of their index.
  const replies = await sql<{ id: string; reference: string; deadline_date: string }>`
    SELECT l.id, l.reference, l.deadline_date FROM letters AS l INDEXED BY letters_reply_awaited
    WHERE ${AWAITED} AND l.deadline_date <= ${tomorrow} ORDER BY l.deadline_date`.execute(db);
  const commitments = await db
    .selectFrom('commitments as c')
    .innerJoin('letters as l', 'l.id', 'c.letter_id')
    .select(['c.id', 'l.reference', 'c.text', 'c.effective_due as due', 'l.answered', 'c.due_date'])
    .where('c.live', '=', 1)
    .where('l.status', '=', 'sent')
    .where('c.status', 'in', ['requested', 'agreed', 'partly-met'])
    .where('c.effective_due', '<=', tomorrow)
    .execute();
  return {
    replies: replies.rows.map((r) => ({ id: r.id, reference: r.reference, deadlineDate: r.deadline_date })),
    commitments: commitments
      .filter((c) => c.due_date !== null || Number(c.answered) === 1)
      .map((c) => ({ id: c.id, reference: c.reference, text: c.text, dueDate: c.due! })),
  };
}
