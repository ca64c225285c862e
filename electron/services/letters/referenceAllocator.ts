import { z } from 'zod';
import type { OfficeProfile } from '../../core/addressBook/schemas';
import { londonDate, type IsoDate } from '../../core/dates/londonDate';
import { UserError } from '../../core/errors';
import type { Letter } from '../../core/letters/letterSchema';
import { checkManualReference, nextReference, normaliseReference } from '../../core/letters/reference';
import type { ServiceContext } from '../context';

/** The highest sequence ever issued per reference stem: survives letters being deleted for good. */
export const referenceCountersSchema = z.object({ counters: z.record(z.string(), z.number().int().min(0)) });
export type ReferenceCounters = z.output<typeof referenceCountersSchema>;

/**
 * Hands out references. Callers must hold the letters mutex from allocation until the letter is saved, so
 * two letters created at once cannot both take `-02`.
 */
export function referenceAllocator(ctx: ServiceContext) {
  const taken = () => new Set(ctx.store().all<Letter>('letters').map((l) => normaliseReference(l.reference)));
  return {
    /** The next reference for a letter of this date (today's, for a new letter). */
    async allocate(date: IsoDate = londonDate(ctx.clock.now())): Promise<string> {
      const office = ctx.store().getDoc<OfficeProfile>('office');
      const doc = ctx.store().getDoc<ReferenceCounters>('referenceCounters');
      const probe = nextReference({ pattern: office.referencePattern, prefix: office.referencePrefix, date, lastIssued: 0, existing: [] });
      const existing = ctx.store().all<Letter>('letters').map((l) => l.reference);
      const next = nextReference({
        pattern: office.referencePattern,
        prefix: office.referencePrefix,
        date,
        lastIssued: doc.counters[probe.stemKey] ?? 0,
        existing,
      });
      // Record the counter before the letter exists: if saving the letter then fails, the number is skipped,
      // never issued twice.
      await ctx.store().putDoc('referenceCounters', { counters: { ...doc.counters, [next.stemKey]: next.sequence } });
      return next.reference;
    },
    check(reference: string): string {
      const problem = checkManualReference(reference);
      if (problem) throw new UserError(problem, { reference: problem });
      const normalised = normaliseReference(reference);
      if (taken().has(normalised)) {
        throw new UserError(`The reference ${normalised} is already used by another letter.`, { reference: 'That reference is already taken.' });
      }
      return normalised;
    },
  };
}
