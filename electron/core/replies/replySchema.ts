import { z } from 'zod';
import { id, isoTimestamp, optionalLine } from '../addressBook/fields';
import { commitmentStatus } from '../commitments/commitment';
import { isoDate } from '../letters/isoDate';
import { stripXmlForbidden } from '../text/cleanText';

/** A file that came with a reply, copied into the data folder and named by its SHA-256 so it cannot change unseen. */
export const attachmentSchema = z.object({
  id,
  name: z.string().min(1).max(255),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Attachment = z.output<typeof attachmentSchema>;

/** What a reply said about one commitment. */
export const answerSchema = z.object({
  commitmentId: id,
  status: commitmentStatus,
  note: optionalLine('Note', 2000).default(''),
});

export const replyInputSchema = z.object({
  letterId: id,
  receivedDate: isoDate,
  from: optionalLine('From', 250),
  theirReference: optionalLine('Their reference', 80).default(''),
  summary: z.string().max(20_000).transform(stripXmlForbidden).default(''),
  answers: z.array(answerSchema).max(100).default([]),
});

export const replyRecord = replyInputSchema
  .extend({
    id,
    attachments: z.array(attachmentSchema).max(50).default([]),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .loose();

export type ReplyInput = z.input<typeof replyInputSchema>;
export type Reply = z.output<typeof replyRecord>;
