import type { ObjectKind } from './phraseTriggers';
import { capitalise, collapse, cutTrailingClauses, hasWords, moveParenthetical, onlyPointsAtList, trimLead, trimTrail } from './phraseTidy';

/**
 * Turns what follows a request phrase into the commitment as a thing asked for, in the style of the
 * templates' own lists ("A written and public action plan", "An assurance that…", "Confirmation of who
 * will attend…"): "please confirm who will attend" becomes "Confirmation of who will attend", "we ask that
 * the plan is published" becomes "The plan to be published". Unknown verbs are left as they are
 * ("Withdraw the officers from school duties"): a faithful imperative beats a clumsy guess.
 */

const WH = /^(?:how|what|why|when|where|who|whom|whose|which|whether|if)\b/i;
const AUX = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'do', 'did']);
const BEFORE_VERB = new Set(['of', 'on', 'in', 'at', 'for', 'to', 'by', 'with', 'from', 'about', 'which', 'that', 'who', 'when', 'where', 'whose']);

/** "the officers involved will not be deployed" is a clause; "the date of the meeting" is not. */
function looksLikeClause(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/, 9);
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? '';
    if (BEFORE_VERB.has(w)) return false;
    if (AUX.has(w)) return true;
  }
  return false;
}

const strip = (text: string, re: RegExp) => text.replace(re, '');

function confirmation(rest: string): string {
  if (!rest) return '';
  if (/^that\s+/i.test(rest)) return `confirmation that ${strip(rest, /^that\s+/i)}`;
  if (/^if\s+/i.test(rest)) return `confirmation of whether ${strip(rest, /^if\s+/i)}`;
  if (WH.test(rest)) return `confirmation of ${rest}`;
  return looksLikeClause(rest) ? `confirmation that ${rest}` : `confirmation of ${rest}`;
}

function knowing(rest: string): string {
  if (/^(?:of|about)\s+/i.test(rest)) return strip(rest, /^(?:of|about)\s+/i);
  if (/^that\s+/i.test(rest) || WH.test(rest)) return confirmation(rest);
  return rest;
}

function meeting(rest: string): string {
  if (!rest) return 'a meeting';
  return /^to\b/i.test(rest) ? `a meeting ${rest}` : `a meeting with ${rest}`;
}

const same = (rest: string) => rest;

/** "send your answers to {{office.email}}": where to send it is not part of what is asked for. */
const sent = (rest: string) => rest.replace(/\s+to\s+(?:us|me|\{\{\s*office\.\w+\s*\}\}|the\s+mayor[’']s\s+office)(?=[\s,]|$)/i, '');

/** "share the review with every headteacher" → "the review, shared with every headteacher". */
function shared(rest: string): string {
  const at = rest.search(/\s+with\s+/i);
  return at > 0 ? `${rest.slice(0, at)}, shared${rest.slice(at)}` : rest;
}
const nounOf = (noun: string, orElse = '') => (rest: string) => (rest ? `${noun} ${rest}` : orElse);

/** Verbs that say what is asked for, each with how its object becomes the thing asked for. Longest first. */
const VERBS: ReadonlyArray<readonly [RegExp, (rest: string) => string]> = [
  [/^commit(?:\s+(?:yourself|yourselves|itself|themselves))?\s+to\b/i, same],
  [/^(?:provide|supply)(?:\s+(?:us|me))?(?:\s+with)?\b/i, same],
  [/^(?:send|forward)(?:\s+(?:to\s+)?(?:us|me))?\b/i, sent],
  [/^(?:share|circulate)\s+with\s+(?:us|me)\b/i, same],
  [/^(?:share|circulate)\b/i, shared],
  [/^(?:give|show)\s+(?:us|me)\b/i, same],
  [/^let\s+us\s+have\b/i, same],
  [/^(?:produce|prepare|make\s+available|arrange|receive|see|have|obtain)\b/i, same],
  [/^(?:set\s+out|outline|describe|detail)(?:\s+(?:for|to)\s+us)?\b/i, (rest) => (WH.test(rest) ? `an account of ${rest}` : rest)],
  [/^explain(?:\s+to\s+us)?\b/i, nounOf('an explanation of')],
  [/^confirm(?:\s+to\s+us)?\b/i, confirmation],
  [/^(?:let\s+us\s+know|tell\s+us|inform\s+us|advise\s+us|notify\s+us)\b/i, knowing],
  [/^publish\b/i, nounOf('publication of')],
  [/^meet(?:\s+with)?\b/i, meeting],
  [/^attend\b/i, (rest) => (rest ? `attendance at ${strip(rest, /^at\s+/i)}` : 'attendance')],
  [/^review\b/i, nounOf('a review of')],
  [/^discuss\b/i, nounOf('a discussion of')],
  [/^(?:reply|respond)(?:\s+to)?\b/i, nounOf('a response to', 'a response')],
  [/^write\s+to\b/i, nounOf('a letter to')],
  [/^apologi[sz]e(?:\s+to)?\b/i, nounOf('an apology to', 'an apology')],
];

/** Leading words that say when or how, not what: "let us know before then when…". */
const LEADING_ADVERBIAL = /^(?:(?:before|by)\s+then|in\s+due\s+course|at\s+the\s+same\s+time|as\s+well|also|now|again|too)\b\s*,?\s*/i;
const PRONOUN_ONLY = /^(?:it|them|this|that|these|those)$/i;

/** What follows the verb, tidied: parenthetical moved, "before then" dropped, "in writing" moved to the end. */
function afterVerb(text: string): string {
  let rest = trimLead(moveParenthetical(text)).trim().replace(LEADING_ADVERBIAL, '');
  const inWriting = /^in\s+writing\b\s*,?\s*/i.exec(rest);
  if (inWriting && rest.length > inWriting[0].length) rest = `${rest.slice(inWriting[0].length)}, in writing`;
  return PRONOUN_ONLY.test(rest) ? '' : rest;
}

const FILLERS = /^(?:(?:please|kindly|also|now|then|therefore|urgently|formally|publicly|possibly|be\s+able\s+to|be\s+willing\s+to|be\s+prepared\s+to|agree\s+to|undertake\s+to)\s+)+/i;

/** "set out, in writing, how the police will respond" → "an account of how the police will respond, in writing". */
export function fromVerbPhrase(text: string): string {
  const vp = strip(text, FILLERS);
  if (/^not\s+to\b/i.test(vp)) return vp; // "ask you not to deploy…": keep the "not"
  for (const [re, make] of VERBS) {
    const m = re.exec(vp);
    if (m) return make(afterVerb(vp.slice(m[0].length)));
  }
  return vp;
}

const MODAL_YOU = /^(?:you|yourselves)\s+(?:(?:could|would|can|will|should|might|must|were\s+able\s+to|are\s+able\s+to|were\s+to)\s+)?(?:(?:please|kindly|also)\s+)*/i;
const PAST_PARTICIPLE = /^(?:\p{L}+(?:ed|en|wn)|sent|kept|met|put|set|made|held|paid|told|built|brought|left|read|heard|found|done|run|cut|shut|spent|lent|shown|given|taken)$/iu;
const OTHER_DOER = /^((?!(?:it|there|this|that|we|i)\b)(?:\S+\s+){0,5}?\S+)\s+(?:could|would|will|can|might|should|must)\s+(?:please\s+)?(not\s+)?(?=\p{L})/iu;
const PASSIVE = /^((?:\S+\s+){0,7}?\S+)\s+(?:is|are|be|will\s+be|would\s+be|could\s+be|can\s+be|should\s+be|must\s+be|might\s+be|may\s+be)\s+(not\s+)?(\p{L}+)\b/iu;

/** "that you publish the plan" → the verb phrase; "that the plan is published" → "the plan to be published". */
export function fromClause(text: string): string {
  const clause = strip(text, /^that\s+/i);
  const you = MODAL_YOU.exec(clause);
  if (you && you[0].length > 0 && /^you/i.test(you[0])) return fromVerbPhrase(clause.slice(you[0].length));
  const head = clause.slice(0, 300);
  const p = PASSIVE.exec(head);
  if (p && PAST_PARTICIPLE.test(p[3] ?? '')) return `${p[1] ?? ''} ${p[2] ? 'not ' : ''}to be ${p[3] ?? ''}${clause.slice(p[0].length)}`;
  // "if the IOPC could publish its findings" → "the IOPC to publish its findings", as an action log puts it.
  const other = OTHER_DOER.exec(head);
  if (other) return `${other[1] ?? ''} ${other[2] ? 'not ' : ''}to ${clause.slice(other[0].length)}`;
  return clause;
}

function fromNounPhrase(text: string): string {
  if (/^that\s+/i.test(text)) return fromClause(text);
  if (/^(?:you|yourselves)\s+to\s+/i.test(text)) return fromVerbPhrase(strip(text, /^(?:you|yourselves)\s+to\s+/i));
  if (/^it\s+if\s+/i.test(text)) return fromClause(strip(text, /^it\s+if\s+/i)); // "we would appreciate it if you could…"
  const assurance = /^(?:your|an?)\s+(re)?assurances?\s+that\s+/i.exec(text);
  if (assurance) return `${assurance[1] ? 'reassurance' : 'an assurance'} that ${text.slice(assurance[0].length)}`;
  return text;
}

function fromAssurance(text: string, label: string): string {
  if (/^(?:on|about|regarding|in\s+respect\s+of)\b/i.test(text)) return `an assurance ${text}`;
  const rest = strip(text, /^that\s+/i);
  return `${label.startsWith('re') ? 'reassurance' : 'an assurance'} that ${rest}`;
}

/**
 * The commitment's wording for one ask, or null if it asks for nothing nameable. `object` is the text
 * after the request phrase with deadline phrases already cut out.
 */
export function commitmentWording(kind: ObjectKind, label: string, object: string, keepQuestion: boolean): string | null {
  const cleaned = trimTrail(trimLead(moveParenthetical(cutTrailingClauses(collapse(object)))).trim(), keepQuestion);
  if (!hasWords(cleaned) || onlyPointsAtList(cleaned)) return null;
  let text: string;
  switch (kind) {
    case 'assurance':
      text = fromAssurance(cleaned, label);
      break;
    case 'meeting':
      text = meeting(cleaned);
      break;
    case 'confirm':
      text = confirmation(afterVerb(cleaned));
      break;
    case 'vp':
      text = fromVerbPhrase(cleaned);
      break;
    case 'clause':
      text = fromClause(cleaned);
      break;
    default:
      text = fromNounPhrase(cleaned);
  }
  const final = trimTrail(collapse(text), keepQuestion);
  if (!hasWords(final) || onlyPointsAtList(final)) return null;
  return capitalise(final);
}
