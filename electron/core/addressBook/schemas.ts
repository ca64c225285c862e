import { z } from 'zod';
import { checkReferencePattern, DEFAULT_REFERENCE_PATTERN } from '../letters/reference';
import { cleanLine } from '../text/cleanText';
import { addressLines, email, id, isoTimestamp, optionalLine, requiredLine, telephone } from './fields';

/**
 * The address book's shapes. `*Input` is what a form sends; `*Record` is what the store keeps. Records are
 * `.loose()` so a field written by a newer version of the app survives being loaded and saved by this one.
 */

const recordMeta = { id, archived: z.boolean().default(false), createdAt: isoTimestamp, updatedAt: isoTimestamp };

export const organisationInput = z.object({
  name: requiredLine('Name'),
  shortName: optionalLine('Short name', 20),
  addressLines,
  email,
  telephone,
});
export const organisationRecord = organisationInput.extend(recordMeta).loose();

export const contactInput = z
  .object({
    honorific: optionalLine('Rank or honorific', 60),
    givenName: optionalLine('Given name', 80),
    familyName: optionalLine('Family name', 80),
    postNominals: optionalLine('Post-nominals', 60),
    role: optionalLine('Role', 200),
    organisationId: id.nullable().default(null),
    addressLines,
    email,
    telephone,
    salutation: optionalLine('Salutation', 120),
  })
  .refine((c) => c.givenName !== '' || c.familyName !== '', {
    error: 'Enter a given name or a family name.',
    path: ['familyName'],
  });
export const contactRecord = z
  .object({ ...contactInput.shape, ...recordMeta, salutation: requiredLine('Salutation', 120) })
  .loose();

/** A signature image travels as a data URL: small, self-contained, and allowed by the CSP's `img-src data:`. */
export const MAX_SIGNATURE_BYTES = 512 * 1024;
export const signatureImage = z
  .string()
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, { error: 'A signature image must be a PNG or JPEG file.' })
  .max(Math.ceil((MAX_SIGNATURE_BYTES * 4) / 3) + 40, { error: 'A signature image must be smaller than 512 KB.' })
  .nullable()
  .default(null);

export const signatoryInput = z.object({
  /** Printed before the name in the signature block, e.g. `Cllr`; templates match the name with or without it. */
  honorific: optionalLine('Honorific', 40),
  name: requiredLine('Name'),
  titleLines: z
    .array(z.string().transform(cleanLine))
    .transform((lines) => lines.filter((l) => l.length > 0))
    .pipe(
      z
        .array(z.string().max(200, { error: 'A title line must be at most 200 characters.' }))
        .min(1, { error: 'Add at least one title line, e.g. “Mayor of Hackney”.' })
        .max(6, { error: 'A signature block has at most 6 title lines.' }),
    ),
  signatureImage,
  email,
  telephone,
});
export const signatoryRecord = signatoryInput.extend(recordMeta).loose();

export const ccGroupInput = z.object({
  name: requiredLine('Name'),
  description: optionalLine('Description', 300),
  memberIds: z
    .array(id)
    .max(200, { error: 'A CC group has at most 200 people.' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'A person can be in a group only once.' }),
});
export const ccGroupRecord = ccGroupInput.extend(recordMeta).loose();

export const officeProfile = z.object({
  officeName: requiredLine('Office name'),
  addressLines,
  email,
  telephone,
  referencePrefix: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2,8}$/, { error: 'The reference prefix must be 2 to 8 letters, e.g. MCO.' })),
  referencePattern: z
    .string()
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      const problem = checkReferencePattern(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default(DEFAULT_REFERENCE_PATTERN),
});

export type OrganisationInput = z.input<typeof organisationInput>;
export type Organisation = z.output<typeof organisationRecord>;
export type ContactInput = z.input<typeof contactInput>;
export type Contact = z.output<typeof contactRecord>;
export type SignatoryInput = z.input<typeof signatoryInput>;
export type Signatory = z.output<typeof signatoryRecord>;
export type CcGroupInput = z.input<typeof ccGroupInput>;
export type CcGroup = z.output<typeof ccGroupRecord>;
export type OfficeProfile = z.output<typeof officeProfile>;
export type OfficeProfileInput = z.input<typeof officeProfile>;

export const defaultOfficeProfile: OfficeProfile = {
  officeName: 'Mayor’s Office',
  addressLines: [],
  email: '',
  telephone: '',
  referencePrefix: 'MCO',
  referencePattern: DEFAULT_REFERENCE_PATTERN,
};
