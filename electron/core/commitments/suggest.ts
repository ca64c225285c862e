import { parseIsoDate, type IsoDate } from '../dates/londonDate';
import type { RichText } from '../letters/richText';
import { findAsks, type Ask } from './phraseAsks';
import { findDeadlines, type FoundDeadline, type SuggestedDeadline } from './phraseDeadlines';
import { cutRanges, dedupeKey, withoutListPointer, type Range } from './phraseTidy';
import { blockUnits, introducesList, unitText, type Unit } from './phraseUnits';
import { commitmentWording } from './phraseWording';

export type { DeadlineKind, SuggestedDeadline } from './phraseDeadlines';

export interface CommitmentSuggestion {
  /** The commitment, stated as the thing asked for: "A written and public action plan", not "we would like to ask you to commit to a written…". Capitalised, no trailing full stop. */
  text: string;
  /** The sentence (or list item) it came from, exactly as in the body, for the officer to check. */
  source: string;
  /** Which request phrase matched, e.g. "commit to", "reassurance that", "please confirm". */
  trigger: string;
  /** A deadline phrase found in the same sentence or its list lead-in, if any. */
  deadline: SuggestedDeadline | null;
}

/** What a sentence ending in a colon asks for, handed to the entries of the list it introduces. */
interface LeadIn {
  ask: Ask;
  /** The verb the entries complete ("…ask MOPAC to provide:" → "provide"), or "" when they stand alone. */
  verb: string;
  deadline: SuggestedDeadline | null;
}

interface Analysed {
  sentence: string;
  asks: Ask[];
  deadlines: FoundDeadline[];
}

function analyse(unit: Unit, letterDate: IsoDate | null): Analysed {
  const sentence = unitText(unit);
  const quoted = (i: number) => unit.mask[unit.start + i] === 1;
  return { sentence, asks: findAsks(sentence, quoted), deadlines: findDeadlines(sentence, letterDate) };
}

/** Deadline phrases inside `[from, to)`, as ranges relative to `from`. Both lists are in order: a binary search finds the first. */
function deadlinesWithin(deadlines: FoundDeadline[], from: number, to: number): FoundDeadline[] {
  let lo = 0;
  let hi = deadlines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((deadlines[mid]?.end ?? 0) <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: FoundDeadline[] = [];
  for (let i = lo; i < deadlines.length; i++) {
    const d = deadlines[i];
    if (!d || d.start >= to) break;
    if (d.start >= from && d.end <= to) out.push(d);
  }
  return out;
}

const relative = (found: FoundDeadline[], from: number): Range[] => found.map((d) => [d.start - from, d.end - from]);

/** The lead-in's verb, if its entries complete it: "provide:" yes; "written answers to the following questions:" no. */
function leadInFrom(a: Analysed): LeadIn | null {
  const ask = a.asks[a.asks.length - 1];
  if (!ask) return null;
  const inside = deadlinesWithin(a.deadlines, ask.objectStart, ask.objectEnd);
  const residual = withoutListPointer(cutRanges(a.sentence.slice(ask.objectStart, ask.objectEnd), relative(inside, ask.objectStart)))
    .replace(/[\s:]+$/, '')
    .trim();
  const verbTaking = ask.kind === 'vp' || ask.kind === 'clause';
  const verb = verbTaking && residual.split(/\s+/).length <= 3 ? residual : '';
  return { ask, verb, deadline: a.deadlines[0]?.deadline ?? null };
}

function suggestionsFor(unit: Unit, a: Analysed, leadIn: LeadIn | null): CommitmentSuggestion[] {
  const source = a.sentence;
  if (a.asks.length === 0) {
    // A list entry under a lead-in that asks: the entry is the thing asked for.
    if (!unit.item || !leadIn) return [];
    const object = `${leadIn.verb ? `${leadIn.verb} ` : ''}${cutRanges(source, relative(a.deadlines, 0))}`;
    const text = commitmentWording(leadIn.ask.kind, leadIn.ask.label, object, true);
    return text ? [{ text, source, trigger: leadIn.ask.label, deadline: a.deadlines[0]?.deadline ?? leadIn.deadline }] : [];
  }
  const out: CommitmentSuggestion[] = [];
  for (const ask of a.asks) {
    const inside = deadlinesWithin(a.deadlines, ask.objectStart, ask.objectEnd);
    const object = cutRanges(source.slice(ask.objectStart, ask.objectEnd), relative(inside, ask.objectStart));
    const text = commitmentWording(ask.kind, ask.label, object, false);
    if (!text) continue;
    const deadline = inside[0]?.deadline ?? a.deadlines[0]?.deadline ?? (unit.item ? leadIn?.deadline : null) ?? null;
    out.push({ text, source, trigger: ask.label, deadline });
  }
  return out;
}

/**
 * Suggests the commitments a letter body asks for, for the officer to confirm: each request ("we would
 * like to ask you to commit to…", "please confirm…", "In particular, we ask for:" and its list) becomes the
 * thing asked for, with the sentence it came from and any deadline phrase in it. Reports, thanks,
 * negations, conditionals about the past and quoted words are left out. Deterministic, linear in the size
 * of the body, and it never throws: a block it cannot read is skipped.
 */
export function suggestCommitments(body: RichText, opts: { letterDate: IsoDate }): CommitmentSuggestion[] {
  const letterDate = typeof opts?.letterDate === 'string' && parseIsoDate(opts.letterDate) ? opts.letterDate : null;
  const out: CommitmentSuggestion[] = [];
  const seen = new Map<string, CommitmentSuggestion>();
  let pendingLeadIn: Unit | null = null;
  const leadIns = new Map<Unit, LeadIn | null>();
  for (const block of Array.isArray(body) ? body : []) {
    try {
      const made = blockUnits(block, pendingLeadIn);
      for (const unit of made.units) {
        const analysed = analyse(unit, letterDate);
        if (!unit.item && introducesList(analysed.sentence)) leadIns.set(unit, leadInFrom(analysed));
        const leadIn = unit.leadIn ? (leadIns.get(unit.leadIn) ?? null) : null;
        for (const s of suggestionsFor(unit, analysed, leadIn)) {
          const key = dedupeKey(s.text);
          const earlier = seen.get(key);
          if (!earlier) {
            seen.set(key, s);
            out.push(s);
          } else if (!earlier.deadline && s.deadline) {
            earlier.deadline = s.deadline; // the same ask repeated with a date: keep the first wording, learn the date
          }
        }
      }
      pendingLeadIn = made.leadIn;
    } catch {
      // A body that trips the reader must still give the officer the suggestions from the rest of it.
      pendingLeadIn = null;
    }
  }
  return out;
}
