import { matchesSignatoryName } from '../addressBook/signatoryName';
import { formatIsoDate } from '../dates/londonDate';
import type { LetterDocument } from '../letters/documentModel';
import type { Letter } from '../letters/letterSchema';
import { PLACEHOLDER_PATTERN } from '../letters/placeholders';
import { plainText } from '../letters/richText';
import { templateGapNotes } from '../letters/templateGaps';
import { unsignedNames } from '../signoff/signoff';
import type { ReadinessAction } from './actions';
import { blockTexts, templatePrompts } from './prompts';

/**
 * What is wrong with a letter before it goes out, each in words an officer can act on. Two kinds would put
 * wrong text in front of the recipient (a `{{placeholder}}` or a `[prompt]` printed as it stands) and block;
 * the rest are usually mistakes but sometimes meant (a letter with no signatory, sent on the office's behalf),
 * so the officer may go past them with a reason.
 */
export const PROBLEM_KINDS = [
  'no-recipient',
  'no-subject',
  'empty-body',
  'no-signatory',
  'unfilled-placeholder',
  'template-prompt',
  'reply-by-before-letter-date',
  'recipient-in-cc',
  'template-signatory-missing',
  'template-cc-group-missing',
  'unsigned',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export const BLOCKING_KINDS: ReadonlySet<ProblemKind> = new Set(['unfilled-placeholder', 'template-prompt']);

export interface FoundProblem {
  kind: ProblemKind;
  message: string;
  blocking: boolean;
}

type Checked = Pick<
  Letter,
  'letterDate' | 'recipient' | 'subject' | 'body' | 'signatories' | 'signoffs' | 'cc' | 'deadlineDate' | 'deadlineManualDate' | 'templateGaps'
>;

const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
const problem = (kind: ProblemKind, message: string): FoundProblem => ({ kind, message, blocking: BLOCKING_KINDS.has(kind) });

/** "The subject", "The body" or "The subject and the body", with the verb agreeing. */
function where(inSubject: boolean, inBody: boolean): string {
  if (inSubject && inBody) return 'The subject and the body still have';
  return inSubject ? 'The subject still has' : 'The body still has';
}

function placeholderHint(name: string): string {
  if (name === 'deadline.date') return 'Set a reply-by date, or type the date in its place.';
  if (name.startsWith('commitments.')) return 'Add the commitments the letter asks for, or remove the line.';
  if (name.startsWith('recipient.')) return 'Choose a recipient with that detail, or type the words in its place.';
  return 'Type the words it stands for in its place.';
}

const namesIn = (text: string) => new Set([...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]!));

function placeholderProblems(letter: Checked, unresolved: readonly string[]): FoundProblem[] {
  const inSubject = namesIn(letter.subject);
  const inBody = namesIn(blockTexts(letter.body).join('\n'));
  return unresolved.map((name) =>
    problem('unfilled-placeholder', `${where(inSubject.has(name), inBody.has(name) || !inSubject.has(name))} {{${name}}}: it would be printed as it stands. ${placeholderHint(name)}`),
  );
}

function promptProblems(letter: Checked): FoundProblem[] {
  const inSubject = new Set(templatePrompts(letter.subject));
  const inBody = new Set(blockTexts(letter.body).flatMap(templatePrompts));
  return [...new Set([...inSubject, ...inBody])].map((prompt) =>
    problem('template-prompt', `${where(inSubject.has(prompt), inBody.has(prompt))} the prompt ${prompt}: it would be printed as it stands. Replace it with the details it asks for.`),
  );
}

function ccProblems(letter: Checked): FoundProblem[] {
  const r = letter.recipient;
  const name = fold(r.fullName);
  const seen = new Set<string>();
  return letter.cc.flatMap((c) => {
    const same = (r.contactId !== null && c.contactId === r.contactId) || (name !== '' && fold(c.name) === name);
    const who = c.name || r.fullName;
    if (!same || seen.has(fold(who))) return [];
    seen.add(fold(who));
    return [problem('recipient-in-cc', `${who} is the recipient and is also on the CC list: take them off the CC list.`)];
  });
}

/** A signatory the template named counts as dealt with once the letter has someone of that name, with or without an honorific. */
function signatoryOnLetter(written: string, letter: Checked): boolean {
  const w = fold(written.replace(/\./g, ' '));
  return letter.signatories.some((s) => {
    const n = fold(s.name.replace(/\./g, ' '));
    return matchesSignatoryName(written, { name: s.name }) || n.endsWith(` ${w}`);
  });
}

function templateGapProblems(letter: Checked): FoundProblem[] {
  const missing = letter.templateGaps.signatories.filter((name) => !signatoryOnLetter(name, letter));
  return [
    ...missing.flatMap((name) => templateGapNotes({ signatories: [name], ccGroup: null }).map((m) => problem('template-signatory-missing', m))),
    ...(letter.templateGaps.ccGroup ? templateGapNotes({ signatories: [], ccGroup: letter.templateGaps.ccGroup }).map((m) => problem('template-cc-group-missing', m)) : []),
  ];
}

/**
 * Every problem with the letter before `action`, in the order an officer would work through them. The
 * document supplies the placeholders it could not fill (it knows the letter a follow-up follows, and a sent
 * letter's frozen values); prompts are looked for in what the officer typed, so a bracket inside a filled-in
 * value (an original subject such as "[Draft] Budget") is not mistaken for one.
 */
export function findProblems(letter: Checked, document: Pick<LetterDocument, 'unresolved'>, action: ReadinessAction): FoundProblem[] {
  const r = letter.recipient;
  const out: FoundProblem[] = [];
  if (!r.fullName.trim() && !r.organisation.trim()) out.push(problem('no-recipient', 'No recipient: choose who the letter is to.'));
  if (!letter.subject.trim()) out.push(problem('no-subject', 'No subject: add a subject heading.'));
  if (!plainText(letter.body).trim()) out.push(problem('empty-body', 'The body is empty: write the letter.'));
  if (letter.signatories.length === 0) out.push(problem('no-signatory', 'No signatory: add at least one signatory.'));
  out.push(...placeholderProblems(letter, document.unresolved), ...promptProblems(letter));
  const replyBy = letter.deadlineDate ?? letter.deadlineManualDate;
  if (replyBy && replyBy < letter.letterDate) {
    out.push(problem('reply-by-before-letter-date', `The reply-by date, ${formatIsoDate(replyBy)}, is before the letter’s date, ${formatIsoDate(letter.letterDate)}: correct one of them.`));
  }
  out.push(...ccProblems(letter), ...templateGapProblems(letter));
  if (action === 'mark-sent' && letter.signatories.length > 0) {
    const unsigned = unsignedNames(letter);
    if (unsigned.length > 0) out.push(problem('unsigned', `Not everyone has signed. Still to sign: ${unsigned.join(', ')}.`));
  }
  return out;
}
