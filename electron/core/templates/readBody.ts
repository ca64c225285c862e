import type { Env, Token } from 'markdown-it';
import type { Block, RichText, Run } from '../letters/richText';
import { inlineLines } from './inlineRuns';
import { markdown } from './markdown';
import type { InlineLine } from './inlineRuns';
import { checkPlaceholders, listPlaceholdersIn, loneListPlaceholder } from './placeholderCheck';
import type { ProblemList } from './problemList';
import { normaliseRuns, runsText } from './runs';


const BOLD_HINT = 'use **bold** for emphasis instead';
const UNSUPPORTED_BLOCKS: Record<string, string> = {
  blockquote_open: 'quoted blocks (lines starting with >) cannot be used in a letter body; write the quotation in an ordinary paragraph, in quotation marks.',
  table_open: 'tables cannot be used in a letter body; write the information as a list instead.',
  code_block:
    'this line is indented by four or more spaces, which makes it computer code rather than letter text; remove the spaces at the start of the line.',
  fence: 'blocks of computer code (between ``` lines) cannot be used in a letter body.',
  hr: 'a line of dashes, stars or underscores draws a dividing line, which a letter body cannot show; delete it.',
  html_block: 'HTML cannot be used in a letter body; the only tag allowed is <u>…</u> for underlining, inside a paragraph.',
};

const NESTED_LIST =
  'a list inside a list cannot be shown in a letter, which has one level of list; make the inner entries part of their entry’s text, or a list of their own.';

/**
 * Reads the letter body: Markdown to RichText, reporting, with its file line, everything a letter cannot show.
 * Nested lists are reported, not flattened: flattening would silently turn sub-points into main points
 * and renumber a numbered list, changing what the letter says.
 */
export function readBody(text: string, firstLine: number, closing: string | null, problems: ProblemList): RichText | null {
  const before = problems.count;
  const raw = text.split('\n');
  raw.forEach((line, i) => checkPlaceholders(line, firstLine + i, 'body', problems));

  const env: Env = {};
  const tokens = markdown.parse(text, env);
  if (env.references && Object.keys(env.references).length > 0) reportReferenceLines(raw, firstLine, problems);

  const blocks = toBlocks(tokens, firstLine, problems);
  checkSalutationAndClosing(blocks, closing, problems);
  if (blocks.length === 0 && problems.count === before) {
    problems.add(firstLine, 'the letter body is empty; write the paragraphs of the letter after the second line of three dashes (---).');
  }
  return problems.count === before ? blocks.map((b) => b.block) : null;
}

interface PlacedBlock {
  block: Block;
  line: number;
}

interface OpenList {
  block: Extract<Block, { type: 'bulletList' | 'orderedList' }>;
  line: number;
  item: { runs: Run[]; line: number; paragraphs: number } | null;
}

function toBlocks(tokens: Token[], firstLine: number, problems: ProblemList): PlacedBlock[] {
  const blocks: PlacedBlock[] = [];
  let listDepth = 0;
  let list: OpenList | null = null;
  let unsupported = 0; // inside a heading, quotation or table, already reported

  for (const t of tokens) {
    const line = (t.map?.[0] ?? 0) + firstLine;
    switch (t.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        if (listDepth > 1) problems.add(line, NESTED_LIST);
        else if (unsupported === 0) {
          list = { block: { type: t.type === 'bullet_list_open' ? 'bulletList' : 'orderedList', items: [] }, line, item: null };
          const start = t.attrGet('start');
          if (start !== null) problems.add(line, `this numbered list starts at ${start}, but lists in a letter are always numbered from 1; start it at 1.`);
        }
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        if (listDepth === 0 && list) {
          blocks.push({ block: list.block, line: list.line });
          list = null;
        }
        break;
      case 'list_item_open':
        if (listDepth === 1 && list) list.item = { runs: [], line, paragraphs: 0 };
        break;
      case 'list_item_close':
        if (listDepth === 1 && list?.item) {
          if (list.item.runs.length === 0) problems.add(list.item.line, 'this list entry is empty; write its text or delete the line.');
          list.block.items.push(normaliseRuns(list.item.runs));
          list.item = null;
        }
        break;
      case 'heading_open':
        problems.add(line, headingMessage(t.markup));
        unsupported++;
        break;
      case 'blockquote_open':
      case 'table_open':
        problems.add(line, UNSUPPORTED_BLOCKS[t.type] ?? '');
        unsupported++;
        break;
      case 'heading_close':
      case 'blockquote_close':
      case 'table_close':
        unsupported--;
        break;
      case 'code_block':
      case 'fence':
      case 'hr':
      case 'html_block':
        problems.add(line, UNSUPPORTED_BLOCKS[t.type] ?? '');
        break;
      case 'inline':
        if (unsupported > 0) break;
        if (listDepth === 0) blocks.push(...paragraphs(inlineLines(t, line, problems), problems));
        else if (listDepth === 1 && list?.item) addToItem(list.item, inlineLines(t, line, problems), problems);
        break;
      default:
        break;
    }
  }
  return blocks;
}

function headingMessage(markup: string): string {
  return markup.startsWith('#')
    ? `headings (lines starting with #) cannot be used in a letter body, which has only the subject heading; ${BOLD_HINT}.`
    : `the line under this one is all = or - signs, which turns this line into a heading; a letter body has only the subject heading, so remove that line and ${BOLD_HINT}.`;
}

/**
 * A paragraph's lines become paragraphs, except that a list placeholder on a line of its own becomes a
 * paragraph by itself: officers write "…we ask for:" and the placeholder on the next line, and mean a list.
 */
function paragraphs(lines: InlineLine[], problems: ProblemList): PlacedBlock[] {
  const out: PlacedBlock[] = [];
  let current: { runs: Run[]; line: number } | null = null;
  const flush = () => {
    const runs = current ? normaliseRuns(current.runs) : [];
    if (current && runs.length > 0) out.push({ block: { type: 'paragraph', runs }, line: current.line });
    current = null;
  };
  for (const l of lines) {
    const text = runsText(l.runs);
    const lone = loneListPlaceholder(text);
    if (lone) {
      flush();
      out.push({ block: { type: 'paragraph', runs: [{ text: `{{${lone}}}` }] }, line: l.line });
      continue;
    }
    for (const name of listPlaceholdersIn(text)) {
      problems.add(l.line, `{{${name}}} stands for a whole list, so it must be on a line of its own, with nothing else on that line.`);
    }
    if (current) current.runs.push(...(l.breakBefore ? [l.breakBefore] : []), ...l.runs);
    else current = { runs: [...l.runs], line: l.line };
  }
  flush();
  return out;
}

/** A list entry is one run of text; a second paragraph in the same entry joins it after a line break. */
function addToItem(item: { runs: Run[]; paragraphs: number }, lines: InlineLine[], problems: ProblemList): void {
  for (const l of lines) {
    for (const name of listPlaceholdersIn(runsText(l.runs))) {
      problems.add(l.line, `{{${name}}} stands for a whole list, so it cannot go inside another list; put it on a line of its own.`);
    }
  }
  const runs = lines.flatMap((l, i) => (i > 0 && l.breakBefore ? [l.breakBefore, ...l.runs] : l.runs));
  if (item.paragraphs > 0 && runs.length > 0) item.runs.push({ text: '\n' });
  item.runs.push(...runs);
  item.paragraphs++;
}

const SALUTATION = /^\s*(dear\b|\{\{\s*recipient\.salutation\s*\}\})/i;
const SIGN_OFF = /^\s*(yours\s+(sincerely|faithfully|truly)|kind regards|best wishes|with best wishes|regards)\b/i;

/** The letter adds the salutation, closing and signatures itself; a body that repeats them prints them twice. */
function checkSalutationAndClosing(blocks: PlacedBlock[], closing: string | null, problems: ProblemList): void {
  const first = blocks[0];
  if (first?.block.type === 'paragraph' && SALUTATION.test(runsText(first.block.runs))) {
    problems.add(first.line, 'the body starts with a salutation, but the letter adds "Dear …," itself from the recipient; start the body with the first paragraph after the subject.');
  }
  const last = blocks[blocks.length - 1];
  if (last && last !== first && last.block.type === 'paragraph') {
    const text = runsText(last.block.runs).trim();
    if (SIGN_OFF.test(text) || (closing && text.toLowerCase().startsWith(closing.toLowerCase()))) {
      problems.add(last.line, 'the body ends with a closing such as "Yours sincerely", but the letter adds the closing and the signatures itself; end the body with its last paragraph.');
    }
  }
}

function reportReferenceLines(raw: string[], firstLine: number, problems: ProblemList): void {
  raw.forEach((line, i) => {
    if (/^ {0,3}\[[^\]]+\]:/.test(line)) {
      problems.add(firstLine + i, 'this line defines a link ("[name]: address"), which a letter cannot use; delete it and write any web address out as plain text.');
    }
  });
}
