import { z } from 'zod';
import { parseIsoDate } from '../dates/londonDate';

/** A calendar date `yyyy-MM-dd` that exists: `2022-02-30` and `17/03/2022` are refused. */
export const isoDate = z.string().refine((s) => parseIsoDate(s) !== null, { error: 'Enter a real date.' });
