import type { Run } from '../letters/richText';
import { stripXmlForbidden } from '../text/cleanText';

export interface RunFormat {
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

export const PLAIN: RunFormat = { bold: false, italic: false, underline: false };

/** A run with only the formatting flags that are on, so equal text and formatting always deep-equal. */
export function makeRun(text: string, format: RunFormat): Run {
  const run: Run = { text };
  if (format.bold) run.bold = true;
  if (format.italic) run.italic = true;
  if (format.underline) run.underline = true;
  return run;
}

export const formatOf = (run: Run): RunFormat => ({ bold: run.bold === true, italic: run.italic === true, underline: run.underline === true });

const sameFormat = (a: Run, b: Run) => !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.underline === !!b.underline;

/**
 * The one canonical form of a line of runs: no empty runs, neighbours with the same formatting merged,
 * no characters Word refuses. Whitespace-only runs lose bold and italic: such spaces look the same as
 * plain ones, and Markdown's ** and * cannot wrap bare spaces anyway (underline, written as <u>, can and
 * shows, so it stays). Parsing always produces this form,
 * which is what lets a template survive being written back out and read again unchanged.
 */
export function normaliseRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const text = stripXmlForbidden(r.text);
    if (text === '') continue;
    const run = /^\s+$/.test(text) ? makeRun(text, { ...PLAIN, underline: r.underline === true }) : makeRun(text, formatOf(r));
    const last = out[out.length - 1];
    if (last && sameFormat(last, run)) out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push(run);
  }
  return out;
}

export const runsText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');
