import { createHash } from 'node:crypto';
import { canonicalJson } from '../history';

/** A record's checksum: SHA-256 of its canonical JSON, so key order (which zod and JSON.parse may not keep) never counts. */
export function checksum(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** One digest for many checksums, whatever order they come in: what the import's marker remembers of its source. */
export function digestOf(lines: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const line of [...lines].sort()) hash.update(`${line}\n`);
  return hash.digest('hex');
}
