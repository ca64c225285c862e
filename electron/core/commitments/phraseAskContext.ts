/**
 * Whether a request phrase found in a sentence is really the letter asking for something now. The patterns
 * already refuse past tenses and other people's voices; these checks catch what a pattern cannot see: what
 * comes just before the phrase ("We do not ask…", "If we ask…", "Thank you for…, which we would welcome")
 * and, for questions, whether the sentence is a real question and not a rhetorical one.
 *
 * Every check looks at a short window around the phrase, never the whole sentence, so a huge sentence with
 * thousands of phrases stays linear.
 */
const WINDOW = 200;

const NEGATION = /\b(?:not|never|no\s+longer|cannot|neither|nor)\b|n[’']t\b/i;
const THANKS = /\bthank(?:s|\s+you)\b/i;
// The phrase sits inside a subordinate clause ("as we request…", "If we ask you to…"), not the main one.
// The request may open with a noun ("…on which the Living in Hackney Scrutiny Commission would value…"):
// the subordinating word then comes before the whole noun phrase, not just before its last word.
const NOUN_PHRASE_START = /\b(?:the|our|this|its)\s+(?:[\w’'-]+\s+){0,4}$/i;
const SUBORDINATE = /\b(?:as|than|if|when|whenever|whether|what|which|where|unless|once|until|though|although|while|how|why)\s*$/i;
// "If you had…", "Had you…", "we would have…": a conditional about the past asks for nothing now.
const PAST_CONDITIONAL = /\b(?:would|could|should|might|must)\s+(?:not\s+)?have\s+\p{L}+|\bhad\s+(?:you|we|they|he|she|it|the|our|your)\b|\bif\b[^,;]{0,120}\bhad\b/iu;
// "Could you have done more?", "Will you not agree…?", "Can you imagine…?": questions that ask nothing.
const RHETORICAL = /^\s*(?:not|never|have|imagine|believe|blame|honestly|seriously|really\s+(?:believe|think|expect))\b/i;
const ENDS_AS_QUESTION = /\?[\s"”’')\]»]*$/;

/** The part of the text before the phrase that belongs to the same clause: after the last ";", ":", ", and", ", but". */
export function clauseBefore(sentence: string, start: number): string {
  const window = sentence.slice(Math.max(0, start - WINDOW), start);
  const cuts = [...window.matchAll(/[;:–—]|,\s*(?:and|but)\b|\bbut\b/g)];
  const last = cuts[cuts.length - 1];
  return last ? window.slice(last.index + last[0].length) : window;
}

const lastWords = (text: string, n: number) => text.trim().split(/\s+/).slice(-n).join(' ');

export interface AskContext {
  sentence: string;
  start: number;
  end: number;
  /** Where the object (what is asked for) starts. */
  objectStart: number;
  question: boolean;
}

export function isRealAsk(c: AskContext): boolean {
  const before = clauseBefore(c.sentence, c.start);
  const phrase = c.sentence.slice(c.start, c.end);
  if (NEGATION.test(`${lastWords(before, 5)} ${phrase}`)) return false;
  if (THANKS.test(before)) return false;
  if (SUBORDINATE.test(before.replace(NOUN_PHRASE_START, ''))) return false;
  if (PAST_CONDITIONAL.test(before) || PAST_CONDITIONAL.test(phrase)) return false;
  if (c.question) {
    if (!ENDS_AS_QUESTION.test(c.sentence)) return false;
    if (RHETORICAL.test(c.sentence.slice(c.objectStart, c.objectStart + 40))) return false;
  }
  return true;
}

/** A carried-on ask ("…, and let us know of any access requirements") needs a real object, not "it" or "them". */
export function continuationHasObject(sentence: string, objectStart: number): boolean {
  const head = sentence.slice(objectStart, objectStart + 60);
  const verbAndRest = /^(let\s+us\s+know|tell\s+us|confirm|\S+(?:\s+out)?)\s*(.*)$/is.exec(head);
  const verb = (verbAndRest?.[1] ?? '').toLowerCase();
  const rest = verbAndRest?.[2] ?? '';
  if (/^(?:it|them|this|these|those)\b/i.test(rest)) return false;
  // "confirm that…" and "let us know that…" introduce a clause; after other verbs "that" is a pronoun.
  if (/^that\b/i.test(rest) && !/^(?:confirm|let\s+us\s+know|tell\s+us)$/.test(verb)) return false;
  return true;
}
