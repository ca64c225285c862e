import { stringify } from 'yaml';
import { formatDeadlineText } from './deadlineText';
import { serialiseBody } from './serialiseBody';
import type { LetterTemplate } from './types';

/**
 * A template as a file in the format parseTemplate reads. Optional details that are empty are left out,
 * which reads back the same (an absent detail means "none"). Comments in a hand-written file are not
 * kept: this is for writing new files (a new template, a duplicate of a broken-free template).
 */
export function serialiseTemplate(t: LetterTemplate): string {
  const details: Record<string, unknown> = { name: t.name };
  if (t.description) details.description = t.description;
  details.subject = t.subject;
  details.closing = t.closing;
  if (t.signatories.length) details.signatories = t.signatories;
  if (t.ccGroup) details.ccGroup = t.ccGroup;
  if (t.deadline) details.deadline = formatDeadlineText(t.deadline);
  if (t.commitments.length) details.commitments = t.commitments;
  // lineWidth 0: one detail per line, never folded, so the file reads the way officers write it.
  return `---\n${stringify(details, { lineWidth: 0 })}---\n${serialiseBody(t.body)}`;
}
