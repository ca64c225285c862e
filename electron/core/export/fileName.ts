/**
 * A file name for an exported letter, `<reference> <subject>.docx`, that every system accepts and that
 * cannot mislead: no path separators or characters Windows forbids, no C0/C1 control (a terminal acts on
 * U+009B) or bidirectional-override characters (which can disguise `letter‮xcod.exe` as `letterexe.docx`),
 * no reserved device names such as CON or LPT1, no `{{placeholder}}`, no trailing dots or spaces, and short
 * enough for Windows paths and Linux's 255-byte limit.
 */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001F]/g;
const INVISIBLE = /[\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// An unfilled `{{placeholder}}` means nothing in a file name and must never reach one (a batch once wrote
// `… {{original.subject}}.docx`): the whole token goes, and any brace left over with it.
const PLACEHOLDER_TOKEN = /\{\{[^{}]*\}\}/g;
const BRACES = /[{}]/g;
const MAX_BYTES = 150; // of the stem, leaving room for " (12).docx" and a long folder path on Windows

function truncateBytes(text: string, max: number): string {
  const enc = new TextEncoder();
  if (enc.encode(text).length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (enc.encode(out + ch).length > max) break;
    out += ch;
  }
  return out;
}

export function safeFileStem(raw: string): string {
  let s = raw.normalize('NFC').replace(PLACEHOLDER_TOKEN, ' ').replace(BRACES, '').replace(INVISIBLE, '').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  s = truncateBytes(s, MAX_BYTES).trim();
  s = s.replace(/[. ]+$/, '');
  if (s === '' || /^\.+$/.test(s)) s = 'Letter';
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

export function letterFileName(reference: string, subject: string, extension = 'docx'): string {
  return `${safeFileStem(`${reference} ${subject}`)}.${extension}`;
}

/** `name.docx`, then `name (2).docx`, `name (3).docx`…: never silently replace a file already there. */
export function numberedVariant(fileName: string, n: number): string {
  if (n <= 1) return fileName;
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? `${fileName.slice(0, dot)} (${n})${fileName.slice(dot)}` : `${fileName} (${n})`;
}
