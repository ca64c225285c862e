import type { Token } from 'markdown-it';
import type { Run } from '../letters/richText';
import { markdown } from './markdown';
import { ProblemList } from './problemList';
import { makeRun, normaliseRuns } from './runs';

/**
 * One source line of a paragraph: its runs, its file line, and the break that joins it to the line
 * before (a space for an ordinary line break, `\n` for a hard break). Kept apart so that a list
 * placeholder on a line of its own can be split out into its own paragraph.
 */
export interface InlineLine {
  runs: Run[];
  line: number;
  breakBefore: Run | null;
}

const UNDERLINE_OPEN = /^<u\s*>$/i;
const UNDERLINE_CLOSE = /^<\/u\s*>$/i;

/** Turns one markdown-it `inline` token into lines of runs, reporting what a letter cannot show. */
export function inlineLines(token: Token, firstLine: number, problems: ProblemList): InlineLine[] {
  const lines: InlineLine[] = [{ runs: [], line: firstLine, breakBefore: null }];
  let line = firstLine;
  let bold = 0;
  let italic = 0;
  let underline = 0;
  const format = () => ({ bold: bold > 0, italic: italic > 0, underline: underline > 0 });
  const add = (text: string) => lines[lines.length - 1]?.runs.push(makeRun(text, format()));

  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'text_special':
        add(child.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        // An ordinary line break inside a paragraph is just where the editor wrapped it: a space.
        line++;
        lines.push({ runs: [], line, breakBefore: makeRun(child.type === 'softbreak' ? ' ' : '\n', format()) });
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'html_inline':
        if (UNDERLINE_OPEN.test(child.content)) underline++;
        else if (UNDERLINE_CLOSE.test(child.content)) {
          if (underline === 0) problems.add(line, 'there is a </u> here with no <u> before it; underline is written as <u>underlined words</u>.');
          else underline--;
        } else {
          problems.add(line, `HTML such as "${shorten(child.content)}" cannot be used in a letter body; the only tag allowed is <u>…</u> for underlining.`);
        }
        line += (child.content.match(/\n/g) ?? []).length;
        break;
      case 'code_inline':
        problems.add(line, 'text between backticks (`) is shown as computer code, which a letter cannot show; remove the backticks.');
        add(child.content);
        break;
      case 'link_open':
        problems.add(line, 'links cannot be used in a letter body; write the web address out as plain text, like www.hackney.gov.uk.');
        break;
      case 'image':
        problems.add(line, 'images cannot be used in a letter body; the letterhead and signatures are added by the letter itself.');
        break;
      case 's_open':
        problems.add(line, 'crossed-out text (~~like this~~) cannot be used in a letter body; delete the words instead.');
        break;
      default:
        break;
    }
  }
  if (underline > 0) problems.add(line, 'a <u> is never closed; underline is written as <u>underlined words</u>.');
  return lines.map((l) => ({ ...l, runs: normaliseRuns(l.runs) }));
}

const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** The runs one line of inline Markdown reads back as; used to check what the serialiser writes. */
export function readInline(md: string): Run[] {
  const token = markdown.parseInline(md, {})[0];
  if (!token) return [];
  const lines = inlineLines(token, 1, new ProblemList(''));
  return normaliseRuns(lines.flatMap((l, i) => (i > 0 && l.breakBefore ? [l.breakBefore, ...l.runs] : l.runs)));
}
