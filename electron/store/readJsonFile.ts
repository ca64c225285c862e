import * as fsp from 'node:fs/promises';
import { errorCode } from './fsSeam';
import { problems, StoreFileError } from './problems';

/**
 * Read and parse a JSON file. Returns null ONLY when the file does not exist; every damaged file
 * throws a StoreFileError, because a caller that treated damage as "no data" would go on to write
 * defaults over the only copy of the data.
 * `label` is the file's name as shown to the user (relative to the store dir).
 */
export async function readJsonFile(absPath: string, label: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(absPath);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    throw new StoreFileError(problems.io(label, err), { cause: err });
  }
  return parseJsonBytes(bytes, label);
}

/** Parse file contents, classifying every kind of damage. Never returns null. */
export function parseJsonBytes(bytes: Buffer, label: string): unknown {
  if (bytes.length === 0) throw new StoreFileError(problems.empty(label));
  // Checked before parsing: a power cut can leave a file of the right length full of zeros, and
  // JSON.parse would only report "unexpected token", hiding the likely cause.
  if (bytes.includes(0)) throw new StoreFileError(problems.nulBytes(label));
  // Notepad and friends add a byte-order mark that JSON.parse rejects; it is harmless. Skipped as
  // bytes, so a file without one is decoded once and not copied again.
  const text = bytes.toString('utf8', hasUtf8Bom(bytes) ? 3 : 0);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // Only text that failed to parse can be blank, so the (copying) blank check waits until here.
    if (text.trim() === '') throw new StoreFileError(problems.blank(label, bytes.length), { cause: err });
    if (looksTruncated(text)) throw new StoreFileError(problems.truncated(label, bytes.length), { cause: err });
    const detail = err instanceof Error ? err.message : String(err);
    throw new StoreFileError(problems.notJson(label, `it is not valid JSON: ${detail}`), { cause: err });
  }
  if (value === null) throw new StoreFileError(problems.null(label));
  return value;
}

function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * True when the text ends inside a string or an open object/array: the signature of a file cut
 * short, as opposed to one that is garbage. Scanning brackets is used instead of matching
 * JSON.parse's message, whose wording changes between Node versions.
 */
export function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const ch of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth < 0) return false;
    }
  }
  return inString || depth > 0;
}
