import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Letter } from '../../../core/letters/letterSchema';
import type { Database } from '../schema';
import { rowsToLetter } from '../letters/letterRows';

/**
 * The questions the services ask about letters besides the register's page: each answered by an index,
 * reading only the letters it names.
 */
export function letterQueries(db: Kysely<Database>) {
  /** Whole letters, in the order of `ids`; missing ids are left out. */
  const lettersByIds = async (ids: readonly string[]): Promise<Letter[]> => {
    if (ids.length === 0) return [];
    const out: Letter[] = [];
    // SQLite caps the parameters of one statement; a batch of 500 stays far under it.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await db.selectFrom('letters').selectAll().where('id', 'in', chunk).execute();
      const commitments = await db
        .selectFrom('commitments')
        .select(['letter_id', 'id', 'text', 'organisation', 'due_date', 'tags', 'history'])
        .where('letter_id', 'in', chunk)
        .orderBy('letter_id')
        .orderBy('position')
        .execute();
      const byLetter = new Map<string, typeof commitments>();
      for (const c of commitments) byLetter.set(c.letter_id, [...(byLetter.get(c.letter_id) ?? []), c]);
      const found = new Map(rows.map((r) => [r.id, rowsToLetter(r, byLetter.get(r.id) ?? [])]));
      for (const id of chunk) {
        const l = found.get(id);
        if (l) out.push(l);
      }
    }
    return out;
  };

  return {
    lettersByIds,

    /** The letters of a thread that are not in the bin, oldest first. */
    async thread(threadId: string): Promise<Letter[]> {
      const rows = await db.selectFrom('letters').select('id').where('thread_id', '=', threadId).where('binned', '=', 0).orderBy('seq').execute();
      return lettersByIds(rows.map((r) => r.id));
    },

    /** Every organisation written to, A to Z (the register's filter). */
    async organisations(): Promise<string[]> {
      const rows = await db
        .selectFrom('letters')
        .select('recipient_organisation')
        .distinct()
        .where('recipient_organisation', '!=', '')
        .execute();
      return rows.map((r) => r.recipient_organisation).sort((a, b) => a.localeCompare(b, 'en-GB'));
    },

    /** Whether a letter (in the bin or not) already has this reference, compared as references are typed. */
    async referenceTaken(normalised: string): Promise<boolean> {
      const row = await db.selectFrom('letters').select('id').where(sql<string>`upper(trim(reference))`, '=', normalised).executeTakeFirst();
      return row !== undefined;
    },

    /** Ids of the letters whose deadline a change of working calendar can move: open, with a rule or a date. */
    async idsWithOpenDeadlines(): Promise<string[]> {
      const rows = await db
        .selectFrom('letters')
        .select('id')
        .where('binned', '=', 0)
        .where('status', '!=', 'closed')
        .where((eb) => eb.or([eb('deadline_date', 'is not', null), eb(sql`json_extract(data, '$.deadlineRule')`, 'is not', null)]))
        .execute();
      return rows.map((r) => r.id);
    },

    /** Tags used on any commitment, A to Z. */
    async commitmentTags(): Promise<string[]> {
      const rows = await db.selectFrom('commitment_tags').select('tag').distinct().orderBy('tag').execute();
      return rows.map((r) => r.tag);
    },
  };
}
export type LetterQueries = ReturnType<typeof letterQueries>;
