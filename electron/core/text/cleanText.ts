/**
 * Characters that XML 1.0 forbids. Anything an officer pastes (from Word, email, a PDF) ends up in a DOCX
 * later, and one stray control character makes Word refuse the whole file, so we strip them on the way in.
 * Allowed: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, and properly paired surrogates.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripXmlForbidden(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** One-line field: forbidden characters removed, runs of whitespace (including newlines) collapsed, trimmed. */
export function cleanLine(text: string): string {
  return stripXmlForbidden(text).replace(/\s+/g, ' ').trim();
}
