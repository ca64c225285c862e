import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import { cleanLine } from '../text/cleanText';
import { frontMatterSchema, KNOWN_DETAILS } from './frontMatterSchema';
import type { FrontMatter } from './frontMatterSchema';
import { nearestNames } from './nearestName';
import { checkPlaceholders } from './placeholderCheck';
import type { ProblemList } from './problemList';

export interface FrontMatterResult {
  /** The checked details, or null when any of them has a problem. */
  values: FrontMatter | null;
  /** The template's name if one could be read at all, for listing a broken template by its name. */
  name: string | null;
}

interface Located {
  doc: Document;
  lineAt(offset: number): number;
  openingLine: number;
}

/**
 * Reads the YAML details between the `---` lines. Problems carry the file line of the detail concerned,
 * so "line 7" is where the officer has to look, not a line of the YAML on its own.
 */
export function readFrontMatter(text: string, firstLine: number, openingLine: number, problems: ProblemList): FrontMatterResult {
  const lineCounter = new LineCounter();
  // logLevel 'silent': the reader must not write warnings to the console; problems are reported below.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'silent' });
  const at: Located = { doc, lineAt: (offset) => lineCounter.linePos(offset).line + firstLine - 1, openingLine };

  for (const err of doc.errors) {
    // The reader notices a missing closing quote where the details end; the officer needs the line it opened on.
    const offset = err.code === 'MISSING_CHAR' ? unclosedQuoteOffset(text, err.pos[0]) : err.pos[0];
    problems.add(at.lineAt(offset), yamlMessage(err));
  }

  let data: unknown;
  try {
    // A handful of aliases is plenty for a template; the cap stops a "billion laughs" file.
    data = doc.toJS({ maxAliasCount: 20 });
  } catch {
    if (doc.errors.length === 0) problems.add(openingLine, 'the details use YAML anchors or aliases (& and *) that cannot be read; write each value out in full.');
    return { values: null, name: null };
  }
  data ??= {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.add(firstLine, 'the details must be written as "key: value" lines, like "name: Chasing an overdue reply".');
    return { values: null, name: null };
  }
  const record = data as Record<string, unknown>;
  const name = typeof record.name === 'string' && cleanLine(record.name) ? cleanLine(record.name).slice(0, 120) : null;
  if (doc.errors.length > 0) return { values: null, name };

  const before = problems.count;
  reportUnknownDetails(record, at, problems);
  checkDetailPlaceholders(record, at, problems);
  const parsed = frontMatterSchema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.add(lineOfPath(at, issue.path), issue.message);
  }
  return { values: parsed.success && problems.count === before ? parsed.data : null, name };
}

/** Checked on the raw values, so a typo in a placeholder is reported even when another detail is wrong. */
function checkDetailPlaceholders(record: Record<string, unknown>, at: Located, problems: ProblemList): void {
  if (typeof record.subject === 'string') checkPlaceholders(record.subject, lineOfPath(at, ['subject']), 'subject', problems);
  const commitments = typeof record.commitments === 'string' ? [record.commitments] : record.commitments;
  if (Array.isArray(commitments)) {
    commitments.forEach((c: unknown, i) => {
      if (typeof c === 'string') checkPlaceholders(c, lineOfPath(at, typeof record.commitments === 'string' ? ['commitments'] : ['commitments', i]), 'commitment', problems);
    });
  }
}

function reportUnknownDetails(record: Record<string, unknown>, at: Located, problems: ProblemList): void {
  const known: readonly string[] = KNOWN_DETAILS;
  for (const key of Object.keys(record)) {
    if (known.includes(key)) continue;
    const near = nearestNames(key, KNOWN_DETAILS);
    const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
    const hint = near[0] ? `did you mean "${near[0]}"?` : `a template can have ${KNOWN_DETAILS.join(', ')}.`;
    problems.add(lineOfPath(at, [key]), `"${shown}" is not a detail a template can have; ${hint}`);
  }
}

/** The file line of the detail a zod path points at; the opening `---` when the detail is missing. */
function lineOfPath(at: Located, path: readonly PropertyKey[]): number {
  let node: unknown = at.doc.contents;
  let line = at.openingLine;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) line = at.lineAt(pair.key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!item) break;
      if ((isScalar(item) || isMap(item) || isSeq(item)) && item.range) line = at.lineAt(item.range[0]);
      node = item;
    } else break;
  }
  return line;
}

/** The start of the last line before `offset` with an odd number of quotation marks, else `offset`. */
function unclosedQuoteOffset(text: string, offset: number): number {
  // Double quotes first: a single quote is more often an apostrophe ("Commission's") than an opening quote.
  for (const quote of ['"', "'"]) {
    let end = offset;
    while (end > 0) {
      const start = text.lastIndexOf('\n', end - 1) + 1;
      if (text.slice(start, end).split(quote).length % 2 === 0) return start;
      end = start - 1;
    }
  }
  return offset;
}

/** The YAML reader's messages are for programmers; these say what an officer most likely did and how to fix it. */
function yamlMessage(err: YAMLError): string {
  switch (err.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'this line cannot be read: a value containing a colon and a space (like "Child Q: next steps") must be in double quotes, and each detail must start at the left margin.';
    case 'MISSING_CHAR':
      return 'a closing quotation mark or bracket is missing on this line.';
    case 'DUPLICATE_KEY':
      return 'this detail is given more than once; keep only one.';
    case 'TAB_AS_INDENT':
      return 'tabs cannot be used to indent the details; use spaces.';
    case 'BAD_INDENT':
      return 'the indentation of this line is wrong; list entries start with two spaces and a dash ("  - "), and other details start at the left margin.';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'this line is not written as "key: value"; each detail needs its name, a colon and a space, then the value.';
    default:
      return `this line of the details cannot be read (${err.message.split('\n')[0] ?? 'unknown reason'}); each detail is written as "key: value".`;
  }
}
