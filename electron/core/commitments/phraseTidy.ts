/**
 * Small string helpers for turning "the text after a request phrase" into a commitment's wording. All are
 * single passes or anchored at one end: a 100 KB "object" costs a 100 KB scan, never a rescan per character.
 */
export type Range = readonly [start: number, end: number];

const PLACEHOLDER = /\{\{[^{}]*\}\}/g;

/** `text` without the given ranges (deadline phrases), mending the commas the cut leaves: "plan, , setting" → "plan, setting". */
export function cutRanges(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at || e > text.length) continue;
    out += `${text.slice(at, s)} `;
    at = e;
  }
  out += text.slice(at);
  return out.replace(/\s*,(?:\s*,)+/g, ',').replace(/[ \t]+,/g, ',');
}

export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

const LEAD = new Set([':', ',', ';', '–', '—', '-', ' ']);
export function trimLead(text: string): string {
  let i = 0;
  while (i < text.length && LEAD.has(text.charAt(i))) i++;
  return text.slice(i);
}

const TRAIL = new Set([' ', '.', ',', ';', ':', '!', '…', '–', '—', '-']);
/** Drops closing punctuation and a dangling "and"/"or" (list entries end "…; and"). Keeps "?" if asked to. */
export function trimTrail(text: string, keepQuestion: boolean): string {
  let t = text;
  for (;;) {
    let end = t.length;
    while (end > 0 && (TRAIL.has(t.charAt(end - 1)) || (!keepQuestion && t.charAt(end - 1) === '?'))) end--;
    t = t.slice(0, end);
    const tail = /\s(?:and|or|but)$/i.exec(t.slice(-5));
    if (!tail) return t;
    t = t.slice(0, t.length - tail[0].length);
  }
}

/**
 * The ask ends where its clause does: at a semicolon, or at a trailing ", so that …" (why we ask),
 * ", quoting our reference …" (how to reply) or ", thank you": none of that is the thing asked for.
 */
export function cutTrailingClauses(text: string): string {
  const semi = text.indexOf(';');
  const t = semi >= 0 ? text.slice(0, semi) : text;
  const m = /,\s*(?:so\s+that|so\s+as\s+to|in\s+order\s+(?:that|to)|quoting|thank\s+you)\b/i.exec(t);
  return m ? t.slice(0, m.index) : t;
}

/**
 * "set out, in writing and in public, how…" → "how…, in writing and in public": the officer reads the
 * thing first. A parenthetical that only says when ("by the same date") is dropped: dates belong in `deadline`.
 */
export function moveParenthetical(text: string): string {
  const m = /^\s*,\s*([^,]{1,80}?)\s*,\s*/.exec(text);
  if (!m) return text;
  const inner = m[1] ?? '';
  const rest = text.slice(m[0].length);
  if (/^(?:by|before|within|no\s+later|not\s+later|on\s+or\s+before|as\s+soon)\b/i.test(inner)) return rest;
  return `${rest}, ${inner}`;
}

/** Upper-cases the first letter, past any opening quotation mark or bracket. */
export const capitalise = (text: string): string => text.replace(/^([“"‘'([]*)(\p{Ll})/u, (_all, open: string, c: string) => open + c.toUpperCase());

/** At least two letters outside placeholders: "{{commitments.list}}" or "." asks for nothing. */
export function hasWords(text: string): boolean {
  const letters = text.replace(PLACEHOLDER, ' ').match(/\p{L}/gu);
  return (letters?.length ?? 0) >= 2;
}

/** Text that only points at a list ("the following", "these points") is not itself a commitment. */
const POINTER = /^(?:(?:confirmation|publication|an\s+account|an\s+explanation|a\s+review|a\s+discussion|an\s+assurance)\s+(?:of|that|on)\s+)?(?:(?:to|on|for|about|of|with)\s+)?(?:the\s+following|the\s+points?\s+below|below|these|those|as\s+follows)(?:\s+[\p{L}’'-]+){0,2}$/iu;
export const onlyPointsAtList = (text: string): boolean => POINTER.test(text.trim());

/** The tail of a lead-in that points at its list: "provide the following:" → "provide". */
export function withoutListPointer(text: string): string {
  // Only the end can point at the list; looking at the last few words keeps a long lead-in cheap.
  const cut = Math.max(0, text.length - 120);
  const tail = text.slice(cut).replace(/(?:\s*\b(?:to|on|for|about|of|with))?\s*\b(?:the\s+following|the\s+points?\s+below|below|these|as\s+follows)(?:\s+[\p{L}’'-]+){0,2}\s*:?\s*$/iu, '');
  return text.slice(0, cut) + tail;
}

/** Case, punctuation and leading articles do not make two suggestions different. */
export function dedupeKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:a|an|the)\s+/, '');
}
