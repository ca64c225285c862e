/**
 * Splitting a paragraph into sentences, as an officer would read them. Placeholders such as
 * `{{deadline.date}}` are opaque words (their dots end nothing), and "e.g.", "Cllr." or an initial does
 * not end a sentence. A single pass over the text: no regex backtracking on long paragraphs.
 */
export type Span = readonly [start: number, end: number];

const TERMINAL = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'st', 'no', 'nos', 'cllr', 'supt', 'insp', 'sgt', 'det', 'ch', 'prof', 'rev',
  'hon', 'rt', 'col', 'capt', 'lt', 'gen', 'eg', 'ie', 'cf', 'vs', 'approx', 'para', 'paras', 'ref', 'tel',
  'vol', 'fig', 'dept', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'rd', 'ave', 'co', 'al',
]);
const SPACE = /\s/;
const LOWER = /\p{Ll}/u;
const isSpace = (c: string) => c !== '' && SPACE.test(c);

/** `[start, end)` without the white space at either end, or null if nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charAt(s))) s++;
  while (e > s && isSpace(text.charAt(e - 1))) e--;
  return s < e ? [s, e] : null;
}

/** A line break inside a letter paragraph is deliberate (an address, a list typed by hand), so it ends a line. */
export function lineSpans(text: string): Span[] {
  const out: Span[] = [];
  const breaks = /\r\n?|[\n\u2028\u2029]/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    out.push([start, m.index]);
    start = m.index + m[0].length;
  }
  out.push([start, text.length]);
  return out;
}

/** Whether the full stop at `dot` belongs to an abbreviation or an initial ("Cllr.", "e.g.", "J."). */
function isAbbreviation(text: string, dot: number): boolean {
  let k = dot;
  while (k > 0 && dot - k < 12 && /[\p{L}.]/u.test(text.charAt(k - 1))) k--;
  const word = text.slice(k, dot);
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "e.g", "U.K"
  return ABBREVIATIONS.has(word.toLowerCase().replace(/\./g, ''));
}

/** The sentences in `[from, to)` of `text`, each trimmed. */
export function sentenceSpans(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  const push = (s: number, e: number) => {
    const t = trimSpan(text, s, e);
    if (t) out.push(t);
  };
  // Only placeholders and sentence-ending marks matter: a native scan of this line jumps between them.
  const line = text.slice(from, to);
  const marks = /\{\{|[.!?…]/g;
  let start = from;
  for (let found = marks.exec(line); found; found = marks.exec(line)) {
    const i = from + found.index;
    if (found[0] === '{{') {
      // Skip a placeholder whole; look only a short way for its end so stray braces cannot cost a rescan.
      const close = line.slice(found.index + 2, found.index + 120).indexOf('}}');
      if (close >= 0) marks.lastIndex = found.index + 2 + close + 2;
      continue;
    }
    let j = i;
    while (j < to && TERMINAL.has(text.charAt(j))) j++;
    const single = found[0] === '.' && j === i + 1;
    while (j < to && CLOSERS.has(text.charAt(j))) j++;
    marks.lastIndex = j - from;
    if (j < to && !isSpace(text.charAt(j))) continue; // "3.5", "www.hackney.gov.uk", "?!" inside a word: not an ending
    let k = j;
    while (k < to && isSpace(text.charAt(k))) k++;
    // A sentence does not start in lower case: "e.g. the", "etc. and" carry on.
    const ends = k >= to || (!LOWER.test(text.charAt(k)) && !(single && isAbbreviation(text, i)));
    if (ends) {
      push(start, j);
      start = j;
    }
  }
  push(start, to);
  return out;
}
