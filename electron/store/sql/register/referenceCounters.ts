import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { IsoDate } from '../../../core/dates/londonDate';
import { nextReference, referenceStem } from '../../../core/letters/reference';
import type { Database } from '../schema';

/**
 * The next reference of a stem, in the caller's transaction (the one that saves the letter): one past
 * both the stem's counter, which remembers letters since removed for good, and every reference of the
 * stem that exists, typed by hand or not. The counter is written in the same transaction, so a number
 * is never issued twice, and a letter that fails to save gives its number back.
 */
export async function allocateReference(trx: Kysely<Database>, opts: { pattern: string; prefix: string; date: IsoDate }): Promise<string> {
  const stem = referenceStem(opts.pattern, opts.prefix, opts.date);
  const probe = nextReference({ ...opts, lastIssued: 0, existing: [] });
  const counter = await trx.selectFrom('reference_counters').select('sequence').where('stem_key', '=', probe.stemKey).executeTakeFirst();
  const escaped = stem.before.replace(/[\\%_]/g, (c) => `\\${c}`);
  const existing = await trx
    .selectFrom('letters')
    .select('reference')
    .where(sql<boolean>`reference LIKE ${`${escaped}%`} ESCAPE '\\'`)
    .execute();
  const next = nextReference({ ...opts, lastIssued: counter?.sequence ?? 0, existing: existing.map((r) => r.reference) });
  await trx
    .insertInto('reference_counters')
    .values({ stem_key: next.stemKey, sequence: next.sequence })
    .onConflict((oc) => oc.column('stem_key').doUpdateSet({ sequence: next.sequence }))
    .execute();
  return next.reference;
}
