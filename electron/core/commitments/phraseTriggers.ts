import { ADDR, ADVS, ASK_AUX, ASK_VERB, MODAL_YOU, SUBJ, pattern } from './phrasePatterns';

/**
 * The request phrases a letter uses, most specific first: where two overlap ("We would like to ask you to
 * commit to"), the earlier entry here wins, so the officer sees the phrase that says what is asked.
 * Only present-tense asks in the letter's own voice are patterns at all; "asked", "committed", "assured"
 * and "thank you for confirming" simply never match, which is most of what keeps reports out.
 */

/** How what follows the phrase becomes the commitment's wording (see phraseWording.ts). */
export type ObjectKind = 'np' | 'vp' | 'clause' | 'confirm' | 'assurance' | 'meeting';

export interface TriggerDef {
  readonly id: string;
  /** Words (lower case) at least one of which the sentence must contain: most sentences skip most patterns. */
  readonly keys: readonly string[];
  readonly pattern: RegExp;
  readonly kind: ObjectKind | ((m: RegExpExecArray) => ObjectKind);
  /** The request phrase as the officer sees it, e.g. "commit to", "please confirm". */
  readonly label: (m: RegExpExecArray, after: string) => string;
  /** "Could you …" and "Will you …" ask only in a sentence that ends with a question mark. */
  readonly question?: boolean;
  /** ", and let us know …" asks only when it carries on an imperative ask earlier in the same sentence. */
  readonly continuation?: boolean;
  /** The object starts at the `verb` group, which ends the match: the verb says what is asked for. */
  readonly objectAtVerb?: boolean;
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ');
const fixed = (label: string) => () => label;

const PLEASE_VERBS = String.raw`provide|supply|set\s+out|send|share|forward|let\s+us\s+(?:know|have)|tell\s+us|arrange|publish|explain|outline|give\s+us|reply|respond|write\s+to\s+us|meet(?:\s+with)?\s+us|attend`;
const CLAUSE_START = String.raw`(?:^|(?<=[;:,(–—]\s{0,3})|(?<=\b(?:and|so|then|please|also|finally|lastly|firstly|secondly|thirdly)\s{1,3}))`;

export const TRIGGERS: readonly TriggerDef[] = [
  {
    id: 'assurance',
    keys: ['assuranc'],
    pattern: pattern(
      String.raw`\b(?:${SUBJ}\s+${ADVS}(?:(?:would|should)\s+${ADVS}(?:like|welcome|value|appreciate)|seek|are\s+${ADVS}(?:seeking|asking\s+for)|ask\s+for|request|want|need|look\s+for)|(?:would|should)\s+${ADVS}be\s+${ADVS}grateful\s+for|please\s+${ADVS}(?:give|provide)(?:\s+us)?(?:\s+with)?|${MODAL_YOU}\s+(?:give|provide)(?:\s+us)?(?:\s+with)?)\s+(?:(?:your|an|a|the|some|clear|firm|full|written|public|unequivocal|further|personal|explicit)\s+){0,3}(?<re>re)?assurances?(?:\s+that\b)?`,
    ),
    kind: 'assurance',
    label: (m) => (m.groups?.['re'] ? 'reassurance that' : 'assurance that'),
  },
  {
    id: 'commit',
    keys: ['commit'],
    pattern: pattern(
      String.raw`(?:\b(?:${SUBJ}\s+${ADVS}(?:${ASK_AUX}${ASK_VERB}|(?:would|should)\s+${ADVS}like|want|need|expect|(?:ask|request)\s+that)\s+${ADDR}\s+${ADVS}(?:to\s+)?|please\s+${ADVS}|${MODAL_YOU}\s+${ADVS})|^|(?<=[;:]\s{0,3}))commit(?:\s+(?:yourself|yourselves|itself|themselves))?\s+to\b`,
    ),
    kind: 'np',
    label: fixed('commit to'),
  },
  {
    id: 'question',
    keys: ['you'],
    pattern: pattern(String.raw`${CLAUSE_START}(?:please\s+)?(?<modal>could|can|would|will)\s+you(?:\s+(?:please|kindly|also|now|therefore|possibly))*\s+`),
    kind: 'vp',
    label: (m) => `${lower(m.groups?.['modal'])} you`,
    question: true,
  },
  {
    id: 'grateful-if',
    keys: ['grateful', 'obliged', 'pleased'],
    pattern: pattern(String.raw`\b(?:(?:${SUBJ}\s+)?(?:would|should)|i['’]d|we['’]d)\s+${ADVS}be\s+${ADVS}(?<adj>grateful|obliged|pleased)\s+if\b`),
    kind: 'clause',
    label: (m, after) => `${lower(m.groups?.['adj'])} if${/^\s*you\s+(?:could|would|can)\b/i.test(after) ? ' you could' : ''}`,
  },
  {
    id: 'help-if',
    keys: ['help', 'useful', 'appreciated'],
    pattern: pattern(
      String.raw`\bit\s+would\s+${ADVS}(?:help(?:\s+(?:us|members|the\s+[\w-]+))?(?:\s+(?:greatly|enormously|considerably|a\s+great\s+deal))?|be\s+${ADVS}(?:helpful|useful|appreciated))\s+if\b`,
    ),
    kind: 'clause',
    label: fixed('it would help if'),
  },
  { id: 'please-confirm', keys: ['please'], pattern: pattern(String.raw`\bplease\s+${ADVS}confirm(?:\s+to\s+us)?\b`), kind: 'confirm', label: fixed('please confirm') },
  {
    id: 'please-verb',
    keys: ['please'],
    pattern: pattern(String.raw`\bplease\s+${ADVS}(?<verb>${PLEASE_VERBS})\b`),
    kind: 'vp',
    objectAtVerb: true,
    label: (m) => `please ${lower(m.groups?.['verb'])}`,
  },
  {
    id: 'ask-that',
    keys: ['ask', 'request', 'urg'],
    pattern: pattern(String.raw`\b${SUBJ}\s+${ADVS}${ASK_AUX}(?<verb>ask|asking|request|requesting|urge|urging)\s+that\b`),
    kind: 'clause',
    label: (m) => (lower(m.groups?.['verb']).startsWith('request') ? 'we request' : 'we ask that'),
  },
  {
    id: 'ask-for',
    keys: ['ask'],
    pattern: pattern(String.raw`\b${SUBJ}\s+${ADVS}${ASK_AUX}(?:ask|asking)(?:\s+you)?\s+for\b`),
    kind: 'np',
    label: fixed('ask for'),
  },
  {
    id: 'ask-to',
    keys: ['ask', 'request', 'urg', 'call', 'invit', 'encourag', 'press'],
    // "ask you not to deploy…" is a request too: the object then starts at "not".
    pattern: pattern(String.raw`\b${SUBJ}\s+${ADVS}${ASK_AUX}${ASK_VERB}\s+${ADDR}\s+${ADVS}(?:to\b|(?=not\s+to\b))`),
    kind: 'vp',
    label: (m) => (/^(?:you|yourselves)$/i.test(m.groups?.['addr'] ?? '') ? 'ask you to' : 'ask … to'),
  },
  {
    id: 'like-you-to',
    keys: ['you'],
    pattern: pattern(String.raw`\b${SUBJ}\s+${ADVS}(?:(?:would|should)\s+${ADVS}like|want|need)\s+you\s+${ADVS}to\b`),
    kind: 'vp',
    label: fixed('we would like you to'),
  },
  {
    id: 'request',
    keys: ['request'],
    pattern: pattern(String.raw`\b${SUBJ}\s+${ADVS}${ASK_AUX}(?:request|requesting)\b(?!\s+that\b)`),
    kind: 'np',
    label: fixed('we request'),
  },
  {
    id: 'expect',
    keys: ['expect'],
    pattern: pattern(String.raw`\b${SUBJ}\s+${ADVS}(?:would\s+${ADVS})?expect(?<you>\s+(?:you|yourselves)\s+${ADVS}to\b)?`),
    kind: (m) => (m.groups?.['you'] ? 'vp' : 'np'),
    label: fixed('we expect'),
  },
  {
    id: 'welcome',
    keys: ['welcome', 'value', 'appreciate'],
    pattern: pattern(String.raw`\b${SUBJ}\s+(?:would|should)\s+${ADVS}(?<verb>welcome|value|appreciate)\b`),
    kind: 'np',
    label: (m) => `we would ${lower(m.groups?.['verb'])}`,
  },
  {
    id: 'like-to',
    keys: ['like'],
    // Only verbs that ask something of the reader: "we would like to thank you" asks nothing.
    pattern: pattern(String.raw`\b${SUBJ}\s+(?:would|should)\s+${ADVS}like\s+to\s+(?<verb>meet|discuss|review|arrange|receive|see|have)\b`),
    kind: 'vp',
    objectAtVerb: true,
    label: fixed('we would like to'),
  },
  {
    id: 'like',
    keys: ['like'],
    pattern: pattern(String.raw`\b${SUBJ}\s+(?:would|should)\s+${ADVS}like\b(?!\s+to\b)(?!\s+you\b)`),
    kind: 'np',
    label: fixed('we would like'),
  },
  {
    id: 'grateful-for',
    keys: ['grateful', 'obliged'],
    pattern: pattern(String.raw`\b(?:(?:${SUBJ}\s+)?(?:would|should)|i['’]d|we['’]d)\s+${ADVS}be\s+${ADVS}(?:grateful|obliged)\s+for\b`),
    kind: 'np',
    label: fixed('grateful for'),
  },
  {
    id: 'awaiting',
    keys: ['waiting'],
    pattern: pattern(String.raw`\b${SUBJ}\s+(?:are|am|remain)\s+${ADVS}(?:awaiting|waiting\s+for)\b`),
    kind: 'np',
    label: fixed('awaiting'),
  },
  {
    id: 'look-forward-receive',
    keys: ['forward'],
    pattern: pattern(String.raw`\b${SUBJ}\s+${ADVS}look\s+forward\s+to\s+(?:receiving|seeing)\s+(?=(?:your|the|a|an|sight\s+of)\b)`),
    kind: 'np',
    label: fixed('we look forward to'),
  },
  {
    id: 'look-forward-meet',
    keys: ['forward'],
    pattern: pattern(
      String.raw`\b${SUBJ}\s+${ADVS}look\s+forward\s+to\s+meeting(?:\s+with)?\s+(?:you|them)(?:\s+and\s+your\s+[\w-]+)?\s+(?=to\s+(?:discuss|agree|review|consider)\b)`,
    ),
    kind: 'meeting',
    label: fixed('we look forward to'),
  },
  {
    id: 'and-also',
    keys: ['and'],
    // A bare "and publish" is a new ask only after a plain object (see phraseAsks.ts): in "set out how you
    // will review and publish the data", "publish" belongs to "how you will".
    pattern: pattern(
      String.raw`\band\s+(?:please\s+)?(?:also\s+)?(?<verb>let\s+us\s+know|tell\s+us|provide|set\s+out|send|share|confirm|arrange|publish|explain|outline)\b`,
    ),
    kind: 'vp',
    objectAtVerb: true,
    continuation: true,
    label: (m) => lower(m.groups?.['verb']),
  },
];

/** Triggers after which ", and let us know …" is a second imperative ask. */
export const IMPERATIVE_IDS: ReadonlySet<string> = new Set(['please-confirm', 'please-verb', 'question', 'and-also']);
