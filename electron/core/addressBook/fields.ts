import { z } from 'zod';
import { cleanLine } from '../text/cleanText';

/** Field builders shared by the address-book schemas: every string is cleaned before it is checked. */

export const requiredLine = (label: string, max = 200) =>
  z
    .string()
    .transform(cleanLine)
    .pipe(
      z
        .string()
        .min(1, { error: `${label} is required.` })
        .max(max, { error: `${label} must be at most ${max} characters.` }),
    );

export const optionalLine = (label: string, max = 200) =>
  z
    .string()
    .transform(cleanLine)
    .pipe(z.string().max(max, { error: `${label} must be at most ${max} characters.` }))
    .default('');

export const email = z
  .string()
  .transform(cleanLine)
  .pipe(
    z.union([
      z.literal(''),
      z.email({ error: 'Enter an email address like name@example.gov.uk.' }).max(254, { error: 'That email address is too long.' }),
    ]),
  )
  .default('');

/** Telephone numbers stay as typed (people write `020 8356 3000` or `+44 20 …`); we only reject letters. */
export const telephone = z
  .string()
  .transform(cleanLine)
  .pipe(
    z
      .string()
      .max(40, { error: 'That telephone number is too long.' })
      .regex(/^[0-9+()\-.\s]*(?:(?:ext\.?|x)\s*[0-9]+)?$/i, { error: 'A telephone number may contain digits, spaces, + ( ) - and an extension.' }),
  )
  .default('');

/** Address lines: each cleaned, blank lines dropped, at most 8 (an envelope window holds no more). */
export const addressLines = z
  .array(z.string().transform(cleanLine))
  .transform((lines) => lines.filter((l) => l.length > 0))
  .pipe(
    z
      .array(z.string().max(120, { error: 'An address line must be at most 120 characters.' }))
      .max(8, { error: 'An address has at most 8 lines.' }),
  )
  .default([]);

export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { error: 'Not a valid record id.' });
export const isoTimestamp = z.iso.datetime({ offset: true });
