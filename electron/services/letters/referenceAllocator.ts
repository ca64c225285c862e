import type { Kysely } from 'kysely';
import { londonDate, type IsoDate } from '../../core/dates/londonDate';
import { UserError } from '../../core/errors';
import { checkManualReference, normaliseReference } from '../../core/letters/reference';
import { OFFICE_DOC } from '../../store/sql';
import type { Database } from '../../store/sql';
import type { ServiceContext } from '../context';

/**
 * Hands out references. `allocate` runs in the transaction that saves the new letter, so the counter and
 * the letter commit together: two letters created at once cannot both take `-02`, and a letter that fails
 * to save does not use up a number.
 */
export function referenceAllocator(ctx: ServiceContext) {
  return {
    /** The next reference for a letter of this date (today's, for a new letter). */
    allocate(trx: Kysely<Database>, date: IsoDate = londonDate(ctx.clock.now())): Promise<string> {
      const office = ctx.register().docs.get(OFFICE_DOC);
      return ctx.register().allocateReference(trx, { pattern: office.referencePattern, prefix: office.referencePrefix, date });
    },
    async check(reference: string): Promise<string> {
      const problem = checkManualReference(reference);
      if (problem) throw new UserError(problem, { reference: problem });
      const normalised = normaliseReference(reference);
      if (await ctx.register().letters.referenceTaken(normalised)) {
        throw new UserError(`The reference ${normalised} is already used by another letter.`, { reference: 'That reference is already taken.' });
      }
      return normalised;
    },
  };
}
