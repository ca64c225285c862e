/**
 * Regular-expression fragments shared by the request patterns, kept as source strings so that each pattern
 * reads close to the English it matches ("we would therefore be grateful if …").
 *
 * Two costs shape them. Running: every repeated group is bounded or made of whole words, so a 100 KB
 * paragraph with no full stop is still one linear scan per pattern. Compiling: V8 copies a bounded repeat
 * (`{0,3}`) once per possible count, so the fragments used many times are kept small, and the addressee is
 * checked in code (`isAddressee`) rather than with a long look-ahead copied into every repeat.
 */

/** Adverbs a writer slips into a request without changing it: "we would *therefore also* be grateful". */
export const ADVS = String.raw`(?:(?:therefore|also|further|now|again|then|very|most|still|(?!(?:hardly|scarcely|barely|rarely|only)\b)[a-z]+ly)\s+)*`;

/**
 * Who is asking. Only the letter's own voice counts: "we", "I", "the Council", "the Commission". A request
 * reported in someone else's mouth ("Residents ask…", "The Commissioner asked…") is not ours to track.
 */
// Matched by its head noun, so "the Living in Hackney Scrutiny Commission" needs no list of names.
export const SUBJ = String.raw`(?:we|i|members|council|commission|committee|panel|mayor[’']s\s+office)`;

/** Who is asked, in "we ask ___ to …": "you", "MOPAC", "the IOPC", "{{recipient.organisationShort}}". */
export const ADDR = String.raw`(?<addr>\{\{[^{}]{1,60}\}\}|[\w’'.&-]+(?:\s+[\w’'.&-]+){0,3}?)`;

/**
 * Function words, articles and "us" cannot be (part of) an addressee, so "asking us to", "ask for the plan
 * to", "request a meeting with you to" and "ask you not to" are not read as one.
 */
const NOT_ADDRESSEE = new Set(
  'for that if whether about to and or not never us me ourselves myself please a an with in on of at by from your our some any'.split(' '),
);
export const isAddressee = (text: string | undefined): boolean =>
  text === undefined || text.startsWith('{{') || !text.toLowerCase().split(/\s+/).some((w) => NOT_ADDRESSEE.has(w));

/** "could you", "will you please" and friends, as in "Could you please provide…?". */
export const MODAL_YOU = String.raw`(?:will|would|could|can)\s+you(?:\s+please)?`;

/** Asking verbs in the present tense: "asked" and "requested" report an old request and must not match. */
export const ASK_VERB = String.raw`(?:ask|asking|urge|urging|call\s+on|calling\s+on|invite|inviting|request|requesting|encourage|encouraging|press)`;

/** What may stand between the subject and the asking verb: "would like to", "are therefore", "am writing to". */
export const ASK_AUX = String.raw`(?:(?:would|must)\s+${ADVS}(?:like\s+to\s+)?|(?:are|am)\s+${ADVS}(?:writing\s+to\s+)?|(?:wish|want)\s+to\s+)?`;

/** A new regex from a source string: global (scan a sentence) and case-insensitive. */
export const pattern = (source: string): RegExp => new RegExp(source, 'gi');
