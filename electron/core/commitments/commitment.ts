import { z } from 'zod';
import { id, isoTimestamp, optionalLine } from '../addressBook/fields';
import { safeExternalUrl } from '../externalUrl';
import type { IsoDate } from '../dates/londonDate';
import { isoDate } from '../letters/isoDate';

/**
 * A commitment a letter asks for ("a written and public action plan"), and what became of it. Its status is
 * the last entry of its history; each change has a date and, where there is one, the evidence (the reply
 * that said so, a note of a phone call, a link to a published plan). Overdue is worked out, never typed.
 */
export const COMMITMENT_STATUSES = ['requested', 'agreed', 'declined', 'partly-met', 'delivered'] as const;
export const commitmentStatus = z.enum(COMMITMENT_STATUSES);
export type CommitmentStatus = z.output<typeof commitmentStatus>;

export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  requested: 'Requested',
  agreed: 'Agreed',
  declined: 'Declined',
  'partly-met': 'Partly met',
  delivered: 'Delivered',
};

export const evidenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reply'), replyId: id }),
  z.object({ kind: z.literal('note'), text: optionalLine('Note', 2000) }),
  z.object({
    kind: z.literal('link'),
    url: z.string().refine((u) => safeExternalUrl(u)?.startsWith('https:') ?? false, { error: 'A link must be a web address starting https://' }),
  }),
]);
export type Evidence = z.output<typeof evidenceSchema>;

export const statusChangeSchema = z.object({
  status: commitmentStatus,
  date: isoDate,
  evidence: evidenceSchema.nullable().default(null),
  /** What the officer noted when recording this change, e.g. against a commitment in "Record a reply". */
  note: z.string().max(2000).optional(),
  at: isoTimestamp,
  by: z.string().max(200),
});
export type StatusChange = z.output<typeof statusChangeSchema>;

const tags = z
  .array(z.string().transform((t) => t.trim().toLowerCase()).pipe(z.string().min(1).max(40)))
  .max(20)
  .default([]);

/** What the letter editor sends: the wording, who is asked, an own due date and tags. History stays in main. */
export const commitmentDraftSchema = z.object({
  id,
  text: optionalLine('Commitment', 1000),
  organisation: optionalLine('Organisation', 200).default(''),
  dueDate: isoDate.nullable().default(null),
  tags,
});
export type CommitmentDraft = z.output<typeof commitmentDraftSchema>;

export const commitmentSchema = commitmentDraftSchema.extend({ history: z.array(statusChangeSchema).min(1) });
export type Commitment = z.output<typeof commitmentSchema>;

export const currentStatus = (c: Commitment): CommitmentStatus => c.history[c.history.length - 1]!.status;

/** Still owed: asked for and not yet delivered or refused. */
export const isOpen = (status: CommitmentStatus) => status === 'requested' || status === 'agreed' || status === 'partly-met';

/** The newest note typed against a commitment, if any: the register and the tracking panel show it. */
export function latestNote(c: Commitment): string {
  for (const h of [...c.history].reverse()) {
    const text = h.note || (h.evidence?.kind === 'note' ? h.evidence.text : '');
    if (text) return text;
  }
  return '';
}

export function dueDateOf(c: Commitment, letterDeadline: IsoDate | null): IsoDate | null {
  return c.dueDate ?? letterDeadline;
}

/** Overdue: still open, on a letter that has been sent, and its due date is before today. */
export function isOverdue(c: Commitment, letterDeadline: IsoDate | null, today: IsoDate): boolean {
  const due = dueDateOf(c, letterDeadline);
  return due !== null && due < today && isOpen(currentStatus(c));
}
