import type { Block, Run } from '../letters/richText';
import { quoteMask } from './phraseQuotes';
import { lineSpans, sentenceSpans, trimSpan } from './phraseSentences';

/**
 * The pieces of a letter body a request can be found in: sentences of paragraphs, and list entries. A list
 * entry remembers the sentence ending in a colon that introduced it ("In particular, we ask for:"), so the
 * entry can be read as what that sentence asks for.
 */
export interface Unit {
  /** The whole paragraph or list entry: quotation marks are judged over all of it. */
  text: string;
  mask: Uint8Array;
  start: number;
  end: number;
  /** A list entry: an item of a list block, or a line typed with a bullet ("- ", "1. ", "•"). */
  item: boolean;
  /** For a list entry, the sentence ending in a colon just before its list, if there is one. */
  leadIn: Unit | null;
}

/** A line typed as a list entry inside a paragraph (pasted text): "- x", "• x", "1. x", "(a) x". */
const BULLET = /^[ \t]*(?:[-•*–·▪◦‣]|\(?\d{1,3}[.)]|\([a-z]\)|[a-z]\))[ \t]+/i;

export const unitText = (u: Unit): string => u.text.slice(u.start, u.end);
/** A sentence that introduces a list ends with a colon, perhaps before a closing quotation mark or bracket. */
export const introducesList = (sentence: string): boolean => /:[\s"”’)\]]*$/.test(sentence);
const endsWithColon = (u: Unit): boolean => introducesList(unitText(u));

function runsText(runs: unknown): string {
  if (!Array.isArray(runs)) return '';
  return runs.map((r: Partial<Run> | null) => (typeof r?.text === 'string' ? r.text : '')).join('');
}

export interface BlockUnits {
  units: Unit[];
  /** The lead-in a following list block would take: the paragraph's last sentence, if it ends in a colon. */
  leadIn: Unit | null;
}

function paragraphUnits(text: string, leadInBefore: Unit | null): BlockUnits {
  if (text.trim() === '') return { units: [], leadIn: leadInBefore }; // an empty paragraph does not break a lead-in from its list
  const mask = quoteMask(text);
  const units: Unit[] = [];
  let leadIn: Unit | null = null;
  for (const [from, to] of lineSpans(text)) {
    const bullet = BULLET.exec(text.slice(from, Math.min(to, from + 12)));
    const itemSpan = bullet ? trimSpan(text, from + bullet[0].length, to) : null;
    if (itemSpan && leadIn) {
      units.push({ text, mask, start: itemSpan[0], end: itemSpan[1], item: true, leadIn });
      continue;
    }
    const sentences = sentenceSpans(text, from, to).map(([start, end]): Unit => ({ text, mask, start, end, item: false, leadIn: null }));
    units.push(...sentences);
    const last = sentences[sentences.length - 1];
    if (last) leadIn = endsWithColon(last) ? last : null;
  }
  const last = units[units.length - 1];
  return { units, leadIn: last && !last.item && endsWithColon(last) ? last : null };
}

function listUnits(items: unknown, leadIn: Unit | null): BlockUnits {
  const units: Unit[] = [];
  if (Array.isArray(items)) {
    for (const item of items) {
      const text = runsText(item);
      const span = trimSpan(text, 0, text.length);
      if (span) units.push({ text, mask: quoteMask(text), start: span[0], end: span[1], item: true, leadIn });
    }
  }
  return { units, leadIn: null };
}

/** The units of one block, given the lead-in left by the block before it. Tolerates malformed blocks. */
export function blockUnits(block: Block, leadIn: Unit | null): BlockUnits {
  const b = block as Partial<Block> | null;
  if (b?.type === 'paragraph') return paragraphUnits(runsText(b.runs), leadIn);
  if (b?.type === 'bulletList' || b?.type === 'orderedList') return listUnits(b.items, leadIn);
  return { units: [], leadIn: null };
}
