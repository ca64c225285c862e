import { z } from 'zod';
import { addressLines, id, isoTimestamp, optionalLine } from '../addressBook/fields';
import { isoDate } from './isoDate';
import { cleanLine } from '../text/cleanText';
import { commitmentDraftSchema, commitmentSchema } from '../commitments/commitment';
import { deadlineRuleSchema } from './deadlineRule';
import { sendRecordSchema, signoffSchema } from '../signoff/signoff';
import { deadlineEventSchema } from '../deadlines/deadlineHistory';
import { richTextSchema } from './richText';
import { readinessOverrideSchema } from '../readiness/overrideSchema';

/**
 * A letter as the store keeps it. Recipient, signatories and CC entries are copies taken from the address
 * book when chosen, so a letter says what it said even after a contact changes job; the ids link back.
 */
export { isoDate };

export const LETTER_STATUSES = ['draft', 'awaiting-signature', 'sent', 'closed'] as const;
export const letterStatus = z.enum(LETTER_STATUSES);
export type LetterStatus = z.output<typeof letterStatus>;

export const recipientSchema = z.object({
  contactId: id.nullable().default(null),
  rank: optionalLine('Rank', 60),
  givenName: optionalLine('Given name', 80),
  familyName: optionalLine('Family name', 80),
  fullName: optionalLine('Name', 250),
  role: optionalLine('Role', 200),
  organisation: optionalLine('Organisation', 200),
  organisationShort: optionalLine('Short name', 20),
  addressLines,
  salutation: optionalLine('Salutation', 120),
});

export const letterSignatorySchema = z.object({
  signatoryId: id,
  name: optionalLine('Name', 200),
  titleLines: z.array(z.string().max(200).transform(cleanLine)).max(6),
});

export const ccEntrySchema = z.object({
  contactId: id.nullable().default(null),
  name: optionalLine('Name', 250),
  role: optionalLine('Role', 200),
  organisation: optionalLine('Organisation', 200),
});


export const amendmentSchema = z.object({
  at: isoTimestamp,
  by: z.string().max(200),
  changes: z.array(z.object({ field: z.string().max(100), before: z.string().max(20_000), after: z.string().max(20_000) })),
});

export const templateGapsSchema = z.object({
  signatories: z.array(z.string().max(200)).max(12).default([]),
  ccGroup: z.string().max(200).nullable().default(null),
});
export type TemplateGaps = z.output<typeof templateGapsSchema>;

/** What an officer edits in a draft: everything but the reference, status and history. */
export const letterContentSchema = z.object({
  letterDate: isoDate,
  recipient: recipientSchema,
  subject: optionalLine('Subject', 300),
  body: richTextSchema,
  closing: optionalLine('Closing', 80).default('Yours sincerely'),
  signatories: z.array(letterSignatorySchema).max(12),
  cc: z.array(ccEntrySchema).max(200),
  deadlineRule: deadlineRuleSchema.nullable().default(null),
  /** A reply date typed by the officer, used when there is no rule. */
  deadlineManualDate: isoDate.nullable().default(null),
  commitments: z.array(commitmentDraftSchema).max(100).default([]),
  /** The date the signatures are needed by, printed on each signatory's cover sheet. */
  signByDate: isoDate.nullable().default(null),
  /**
   * What the template named that the address book lacked when the letter was made (a signatory, a CC group):
   * shown in the editor and checked before sending until the officer deals with it.
   */
  templateGaps: templateGapsSchema.default({ signatories: [], ccGroup: null }),
});

export const letterRecord = letterContentSchema
  .extend({
    id,
    reference: z.string().min(1).max(40),
    referenceSource: z.enum(['allocated', 'manual']),
    templateId: z.string().max(64).nullable(),
    status: letterStatus,
    sentDate: isoDate.nullable().default(null),
    /** How and by whom it was sent, and any override of unfinished sign-off. */
    sendRecord: sendRecordSchema.nullable().default(null),
    signoffs: z.array(signoffSchema).max(12).default([]),
    /** What the placeholders and letterhead said when the letter was sent (see SentSnapshot). */
    sentSnapshot: z
      .object({
        values: z.record(z.string(), z.union([z.string().max(20_000), z.array(z.string().max(2000)).max(100)])),
        letterhead: z.object({ officeName: z.string(), addressLines: z.array(z.string()), email: z.string(), telephone: z.string() }),
      })
      .nullable()
      .default(null),
    amendments: z.array(amendmentSchema).default([]),
    /** Each time an officer went past the pre-send check with a reason (see core/readiness). */
    readinessOverrides: z.array(readinessOverrideSchema).default([]),
    commitments: z.array(commitmentSchema).max(100).default([]),
    /** The reply deadline in force: worked out in main from the rule or manual date, then extensions and overrides. */
    deadlineDate: isoDate.nullable().default(null),
    /** The letter this one follows up (a chaser, an acknowledgement), and the first letter of the thread. */
    followsUp: id.nullable().default(null),
    followUpKind: z.enum(['chaser', 'other']).nullable().default(null),
    threadId: id,
    deadlineEvents: z.array(deadlineEventSchema).default([]),
    deletedAt: isoTimestamp.nullable().default(null),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .loose();

export type LetterContent = z.output<typeof letterContentSchema>;
export type LetterContentInput = z.input<typeof letterContentSchema>;
export type Letter = z.output<typeof letterRecord>;
export type Recipient = z.output<typeof recipientSchema>;
export type LetterSignatory = z.output<typeof letterSignatorySchema>;
export type CcEntry = z.output<typeof ccEntrySchema>;
