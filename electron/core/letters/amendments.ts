import type { LetterContent } from './letterSchema';
import { plainText } from './richText';

/** A field of a letter as text, so a change to a sent letter can be recorded as "before" and "after". */
const describe: Record<keyof LetterContent, (c: LetterContent) => string> = {
  letterDate: (c) => c.letterDate,
  recipient: (c) => [c.recipient.fullName, c.recipient.role, c.recipient.organisation, ...c.recipient.addressLines, c.recipient.salutation].join('\n'),
  subject: (c) => c.subject,
  body: (c) => plainText(c.body),
  closing: (c) => c.closing,
  signatories: (c) => c.signatories.map((s) => [s.name, ...s.titleLines].join(', ')).join('\n'),
  cc: (c) => c.cc.map((e) => [e.name, e.role, e.organisation].filter(Boolean).join(', ')).join('\n'),
  deadlineRule: (c) => (c.deadlineRule ? `${c.deadlineRule.days} ${c.deadlineRule.kind} days` : ''),
  deadlineManualDate: (c) => c.deadlineManualDate ?? '',
  commitments: (c) => c.commitments.map((x) => x.text).join('\n'),
  signByDate: (c) => c.signByDate ?? '',
  templateGaps: (c) => [...c.templateGaps.signatories, ...(c.templateGaps.ccGroup ? [c.templateGaps.ccGroup] : [])].join('\n'),
};

export const FIELD_LABELS: Record<keyof LetterContent, string> = {
  letterDate: 'Letter date',
  recipient: 'Recipient',
  subject: 'Subject',
  body: 'Body',
  closing: 'Closing',
  signatories: 'Signatories',
  cc: 'CC list',
  deadlineRule: 'Deadline rule',
  deadlineManualDate: 'Deadline date',
  commitments: 'Commitments',
  signByDate: 'Signatures needed by',
  templateGaps: 'Template notes',
};

export function diffContent(before: LetterContent, after: LetterContent): { field: string; before: string; after: string }[] {
  const changes: { field: string; before: string; after: string }[] = [];
  for (const field of Object.keys(describe) as (keyof LetterContent)[]) {
    const a = describe[field](before);
    const b = describe[field](after);
    if (a !== b) changes.push({ field: FIELD_LABELS[field], before: a.slice(0, 20_000), after: b.slice(0, 20_000) });
  }
  return changes;
}
