import type { ProblemList } from './problemList';

/**
 * One form of the text for every later step, so line numbers agree between the YAML reader, markdown-it
 * and our own scans: no byte-order mark (Notepad adds one), and `\n` for every line ending (Windows
 * editors write `\r\n`; markdown-it treats a lone `\r` as a line break too, so we do the same).
 */
export function normaliseSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

// The characters XML (and so Word) refuses; in a template they mean a damaged file or a bad paste.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const MAX_CONTROL_REPORTS = 3;

export function checkControlCharacters(text: string, problems: ProblemList): void {
  let reported = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && reported < MAX_CONTROL_REPORTS; i++) {
    if (CONTROL.test(lines[i] ?? '')) {
      problems.add(i + 1, 'this line contains a hidden control character, usually from a damaged file or text pasted from another program; retype the line.');
      reported++;
    }
  }
}

export interface SourceParts {
  /** The YAML between the `---` lines, and the file line its first line is on. */
  frontMatter: { text: string; firstLine: number; openingLine: number } | null;
  /** The Markdown after the closing `---`, and the file line its first line is on. */
  body: { text: string; firstLine: number } | null;
}

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;

/** Splits a normalised source into front matter and body, reporting a missing or unclosed front matter. */
export function splitSource(text: string, problems: ProblemList): SourceParts {
  const lines = text.split('\n');
  // Blank lines before the opening `---` are forgiven: invisible, and harmless.
  let open = 0;
  while (open < lines.length && (lines[open] ?? '').trim() === '') open++;
  if (!FENCE.test(lines[open] ?? '')) {
    problems.add(
      1,
      'the template must start with its details between two lines of three dashes (---): a name, a subject and the rest, as described in the templates guide.',
    );
    // Still check the rest as a body, so the officer sees every problem at once.
    return { frontMatter: null, body: { text, firstLine: 1 } };
  }
  let close = open + 1;
  while (close < lines.length && !CLOSING_FENCE.test(lines[close] ?? '')) close++;
  if (close >= lines.length) {
    problems.add(open + 1, 'the details that start here are never closed; add a line of three dashes (---) after them, before the letter body.');
    return { frontMatter: null, body: null };
  }
  return {
    frontMatter: { text: lines.slice(open + 1, close).join('\n'), firstLine: open + 2, openingLine: open + 1 },
    body: { text: lines.slice(close + 1).join('\n'), firstLine: close + 2 },
  };
}
