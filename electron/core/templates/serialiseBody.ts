import type { Block, RichText, Run } from '../letters/richText';
import { readInline } from './inlineRuns';
import { formatOf, normaliseRuns } from './runs';

/*
 * RichText back to the Markdown that parseTemplate reads, so "duplicate" and "new template" write clean
 * files. Parsing what this writes gives the same RichText back (tested for every built-in template and
 * for random bodies).
 */

type Mark = 'underline' | 'bold' | 'italic';
// Outermost first when opened together, so `<u>` (HTML, never confused with `*`) wraps the delimiters.
const MARKS: readonly Mark[] = ['underline', 'bold', 'italic'];
const OPEN: Record<Mark, string> = { underline: '<u>', bold: '**', italic: '*' };
const CLOSE: Record<Mark, string> = { underline: '</u>', bold: '**', italic: '*' };

export function serialiseBody(body: RichText): string {
  const out: string[] = [];
  let bullets = 0;
  let numbered = 0;
  for (const block of body) {
    if (block.type === 'paragraph') out.push(serialiseRuns(block.runs, ''));
    // Two lists in a row would merge into one; CommonMark starts a new list when the marker changes.
    else if (block.type === 'bulletList') out.push(serialiseList(block, () => (bullets++ % 2 === 0 ? '-' : '*')));
    else {
      const delimiter = numbered++ % 2 === 0 ? '.' : ')';
      out.push(serialiseList(block, (i) => `${i + 1}${delimiter}`));
    }
  }
  return out.length ? `${out.join('\n\n')}\n` : '';
}

function serialiseList(block: Extract<Block, { items: unknown }>, marker: (i: number) => string): string {
  const bullet = block.type === 'bulletList' ? marker(0) : '';
  return block.items
    .map((item, i) => {
      const m = bullet || marker(i);
      // Continuation lines (after a line break) line up with the entry's text so they stay in the entry.
      return `${m} ${serialiseRuns(item, ' '.repeat(m.length + 1))}`;
    })
    .join('\n');
}

type Segment = { kind: 'text'; md: string } | { kind: 'mark'; md: string; delimiter: boolean; opens: boolean };

const openSegment = (m: Mark): Segment => ({ kind: 'mark', md: OPEN[m], delimiter: m !== 'underline', opens: true });
const closeSegment = (m: Mark): Segment => ({ kind: 'mark', md: CLOSE[m], delimiter: m !== 'underline', opens: false });

/**
 * Inline runs to Markdown. Marks stay open across runs that share them (`**a *b***`), and whitespace where
 * a mark opens or closes moves outside it, because `** bold**` is not bold in Markdown. `indent` goes before
 * each continuation line (after a line break), so the lines of a list entry stay in the entry.
 */
export function serialiseRuns(input: readonly Run[], indent: string): string {
  const plain = writeRuns(input, indent, false);
  // The readable form is right almost always; when it would read back differently, use the careful form.
  return sameLook(readInline(plain), input) ? plain : writeRuns(input, indent, true);
}

/** What the letter shows: every visible character with its formatting, whatever the run boundaries. */
function sameLook(a: readonly Run[], b: readonly Run[]): boolean {
  const look = (runs: readonly Run[]) =>
    normaliseRuns(runs)
      .flatMap((r) => [...r.text].map((ch) => (/\s/.test(ch) ? ch : `${ch}${r.bold ? 'b' : ''}${r.italic ? 'i' : ''}${r.underline ? 'u' : ''}`)))
      .join('\u0000');
  return look(a) === look(b);
}

function writeRuns(input: readonly Run[], indent: string, careful: boolean): string {
  const segments: Segment[] = [];
  const pushText = (raw: string) => {
    if (raw) segments.push({ kind: 'text', md: escapeInline(raw) });
  };
  // Closing marks go before any whitespace already written, so that whitespace ends up outside them.
  const closeBeforeSpace = (marks: Mark[]) => {
    let at = segments.length;
    while (at > 0 && isBlank(segments[at - 1])) at--;
    segments.splice(at, 0, ...marks.map(closeSegment));
  };

  let open: Mark[] = [];
  for (const run of normaliseRuns(input)) {
    const format = formatOf(run);
    const want = MARKS.filter((m) => format[m]);
    let keep = 0;
    while (keep < open.length && want.includes(open[keep] as Mark)) keep++;
    const opening = want.filter((m) => !open.slice(0, keep).includes(m));
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
    closeBeforeSpace(open.slice(keep).reverse());
    pushText(lead);
    segments.push(...opening.map(openSegment));
    pushText(core);
    pushText(trail);
    open = [...open.slice(0, keep), ...opening];
  }
  closeBeforeSpace([...open].reverse());
  keepDelimitersWorking(segments, careful);

  // Only now is it known which text starts a line, and so which characters would start a list or heading.
  return segments
    .map((s) => s.md)
    .join('')
    .split('\n')
    .map(escapeLineStart)
    .join(`\n${indent}`);
}

const isBlank = (s: Segment | undefined) => s?.kind === 'text' && /^(\s|\\\n)*$/.test(s.md);

const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const WHITESPACE = /^\s$/u;
const isWordChar = (c: string | undefined) => c !== undefined && !WHITESPACE.test(c) && !PUNCTUATION.test(c);
const isPunctuation = (c: string | undefined) => c !== undefined && PUNCTUATION.test(c);

/**
 * Makes every run of `*` read back as the marks it stands for. Two CommonMark rules get in the way:
 * - a run that both closes one mark and opens another (`**x***y*`) can be read either way, so an empty
 *   `<u></u>` (which shows nothing) is put between them: `**x**<u></u>*y*`. In the careful form every
 *   two marks are kept apart like that, because even `***` opening bold and italic together can pair up
 *   wrongly once italic has closed (`***a* x*y* z**`);
 * - `*` only opens before punctuation if whitespace or punctuation precedes it, and only closes after
 *   punctuation if whitespace or punctuation follows (the "flanking" rules), so in `x**“q”**y` nothing is
 *   bold. There the letter or digit on the other side is written as a character reference (`&#120;`),
 *   which reads back as the same character but counts as punctuation.
 * The random round-trip test in test/unit/templates/serialise.test.ts holds this to account.
 */
function keepDelimitersWorking(segments: Segment[], careful: boolean): void {
  for (let i = segments.length - 1; i > 0; i--) {
    const a = segments[i - 1];
    const b = segments[i];
    if (a?.kind === 'mark' && b?.kind === 'mark' && a.delimiter && b.delimiter && (careful || (!a.opens && b.opens))) {
      segments.splice(i, 0, { kind: 'mark', md: '<u></u>', delimiter: false, opens: false });
    }
  }
  for (let i = 0; i < segments.length; ) {
    if (!isDelimiter(segments[i])) {
      i++;
      continue;
    }
    let j = i;
    while (isDelimiter(segments[j])) j++;
    const opens = (segments[i] as Extract<Segment, { kind: 'mark' }>).opens;
    const before = segments[i - 1];
    const after = segments[j];
    const left = before ? lastChar(before.md) : undefined;
    const right = after ? [...after.md][0] : undefined;
    if (opens && isWordChar(left) && isPunctuation(right) && before?.kind === 'text') {
      before.md = before.md.slice(0, before.md.length - (left?.length ?? 0)) + reference(left ?? '');
    }
    if (!opens && isPunctuation(left) && isWordChar(right) && after?.kind === 'text') {
      after.md = reference(right ?? '') + after.md.slice(right?.length ?? 0);
    }
    i = j;
  }
}

const isDelimiter = (s: Segment | undefined) => s?.kind === 'mark' && s.delimiter;
const lastChar = (s: string) => [...s].at(-1);
const reference = (c: string) => `&#${c.codePointAt(0) ?? 0};`;

/** Escapes what Markdown would read as formatting; a line break becomes a backslash at the end of the line. */
function escapeInline(s: string): string {
  return s
    .replace(/[\\`*_]/g, '\\$&')
    .replace(/~(?=~)/g, '\\~')
    .replace(/\|/g, '\\|')
    .replace(/\](?=[([:])/g, '\\]')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/\n/g, '\\\n');
}

/** At the start of a line, these would begin a heading, quotation, list, rule or heading underline. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)(#|>|[-+](?=\s|$)|-+\s*$|=+\s*$)/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}
