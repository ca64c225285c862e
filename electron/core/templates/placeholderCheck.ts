import { isPlaceholderName, LIST_PLACEHOLDERS, PLACEHOLDER_PATTERN, PLACEHOLDERS } from '../letters/placeholders';
import type { PlaceholderName } from '../letters/placeholders';
import { editDistance, nearestNames, orList, typoLimit } from './nearestName';
import type { ProblemList } from './problemList';

const KNOWN = Object.keys(PLACEHOLDERS) as PlaceholderName[];

/** `fullName` -> `full`, `name`: so `{{recipient.nmae}}` finds the names that end in "Name". */
const words = (field: string) => field.split(/(?=[A-Z])/).map((w) => w.toLowerCase());

/**
 * Rates a known placeholder as a correction of a typed one, part by part: the group ("recipient") and the
 * field ("salutation") must each be a plausible typo, a field may match one word of a longer field
 * (`nmae` -> `fullName`) or be its start (`ref` -> `reference`), and a missing group costs one.
 */
function placeholderScore(typed: string, candidate: string): number {
  const [typedGroup, typedField] = typed.includes('.') ? splitOnce(typed.toLowerCase()) : ['', typed.toLowerCase()];
  const [group, field] = splitOnce(candidate);
  const groupCost = typedGroup === '' ? 1 : editDistance(typedGroup, group.toLowerCase());
  if (typedGroup !== '' && groupCost > typoLimit(typedGroup)) return Infinity;
  const whole = editDistance(typedField, field.toLowerCase());
  let fieldCost = whole <= typoLimit(typedField) ? whole : Infinity;
  for (const w of words(field)) {
    const d = editDistance(typedField, w);
    if (d <= typoLimit(typedField)) fieldCost = Math.min(fieldCost, d + 0.5);
  }
  if (typedField.length >= 3 && field.toLowerCase().startsWith(typedField)) fieldCost = Math.min(fieldCost, 0.75);
  return groupCost + fieldCost;
}

function splitOnce(name: string): [string, string] {
  const dot = name.indexOf('.');
  return dot < 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot + 1)];
}

export function suggestPlaceholders(typed: string): PlaceholderName[] {
  return nearestNames(typed, KNOWN, placeholderScore) as PlaceholderName[];
}

const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

function unknownPlaceholderMessage(name: string): string {
  // Officers reach for the separators they know from elsewhere: recipient_name, recipient-name, recipient name.
  const suggestions = suggestPlaceholders(name.replace(/[\s_-]+/g, '.'));
  const hint = suggestions.length
    ? `Did you mean ${orList(suggestions.map((s) => `{{${s}}}`))}?`
    : 'The placeholders a template can use are listed in the templates guide.';
  return `unknown placeholder {{${shorten(name)}}}. ${hint}`;
}

/** Where text sits decides which placeholders may appear: a list can only be a paragraph of the body. */
export type PlaceholderSetting = 'body' | 'subject' | 'commitment';

// Stands in for a well-formed placeholder once checked, so the brace checks below see only what is left.
const MASK = '\u0001';

// A name with braces around it that are not exactly two each side, e.g. `{{recipient.salutation}` or
// `{recipient.salutation}}`; or a bare `{{` / `}}` with no name.
const BROKEN = /(\{+)\s*([A-Za-z][A-Za-z0-9.]*)\s*(\}*)|\{\{|\}\}|\{\u0001|\u0001\}/g;

/**
 * Checks one line of text for placeholders: unknown names (with a suggestion), broken braces, and list
 * placeholders where a list cannot go. Whether a list placeholder is alone in its paragraph is checked
 * with the body's structure (see markdownBody.ts), not here.
 */
export function checkPlaceholders(text: string, line: number, setting: PlaceholderSetting, problems: ProblemList): void {
  let masked = text;
  // Anything between double braces, not just well-formed names, so `{{recipient_name}}` is reported as an
  // unknown placeholder rather than left in the letter as literal text.
  for (const m of text.matchAll(/\{\{([^{}\n]*)\}\}/g)) {
    const name = (m[1] ?? '').trim();
    if (name === '') problems.add(line, 'an empty placeholder {{}}; put a placeholder name between the braces, like {{letter.date}}.');
    else if (!isPlaceholderName(name)) problems.add(line, unknownPlaceholderMessage(name));
    else if (setting === 'commitment') {
      // Commitments go into the tracker exactly as written, where a placeholder would never be filled in.
      problems.add(line, `a commitment cannot contain a placeholder ({{${name}}}), because it is recorded in the tracker exactly as written; write the words out.`);
    } else if (setting === 'subject' && LIST_PLACEHOLDERS.has(name)) {
      problems.add(line, `{{${name}}} stands for a whole list, so it can only be used on a line of its own in the letter body, not in the subject.`);
    } else if (setting === 'subject' && name === 'letter.subject') {
      problems.add(line, 'the subject cannot contain {{letter.subject}}, which stands for the subject itself.');
    }
    masked = masked.slice(0, m.index) + MASK.repeat(m[0].length) + masked.slice(m.index + m[0].length);
  }
  for (const m of masked.matchAll(BROKEN)) {
    problems.add(line, brokenBraceMessage(m[0].trim(), m[1] ?? '', m[2] ?? '', m[3] ?? ''));
  }
}

function brokenBraceMessage(found: string, open: string, name: string, close: string): string {
  if (!name) {
    return found.includes(MASK)
      ? 'a placeholder has an extra brace next to it; placeholders have exactly two braces each side, like {{letter.date}}.'
      : `"${found}" is half of a placeholder; placeholders are written with two braces each side, like {{letter.date}}.`;
  }
  const shown = shorten(found);
  const fixed = `{{${shorten(name)}}}`;
  if (close.length === 0) return `the placeholder "${shown}" is not closed; write it as ${fixed}.`;
  if (open.length === 1 && close.length === 2) return `the placeholder "${shown}" is missing an opening brace; write it as ${fixed}.`;
  if (open.length === 2 && close.length === 1) return `the placeholder "${shown}" is missing a closing brace; write it as ${fixed}.`;
  return `"${shown}" looks like a placeholder but needs exactly two braces each side; write it as ${fixed}.`;
}

/** `{{ commitments.list }}` alone (spaces allowed), giving the list placeholder's name. */
export function loneListPlaceholder(text: string): PlaceholderName | null {
  const m = /^\s*\{\{\s*([A-Za-z][A-Za-z0-9.]*)\s*\}\}\s*$/.exec(text);
  const name = m?.[1];
  return name && isPlaceholderName(name) && LIST_PLACEHOLDERS.has(name) ? name : null;
}

/** The list placeholders that appear anywhere in `text`. */
export function listPlaceholdersIn(text: string): PlaceholderName[] {
  return [...text.matchAll(PLACEHOLDER_PATTERN)]
    .map((m) => m[1] ?? '')
    .filter((n): n is PlaceholderName => isPlaceholderName(n) && LIST_PLACEHOLDERS.has(n));
}
