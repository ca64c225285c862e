const utf8 = new TextEncoder();

/**
 * FNV-1a (32-bit) over the id's UTF-8 bytes. It must never change: a record's shard file is
 * derived from it, and records found in the wrong shard are reported as damage.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  // Fast path for the usual ASCII id, whose UTF-8 bytes are its char codes: hashed on every load
  // and every put, and encoding each id into a new Uint8Array was measurable at 50,000 records.
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) {
      ascii = false;
      break;
    }
    hash ^= code;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  if (ascii) return hash >>> 0;
  hash = 0x811c9dc5;
  for (const byte of utf8.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function shardOf(id: string, shards: number): number {
  return fnv1a32(id) % shards;
}

/** "07.json": zero-padded so files sort in shard order; at least two digits. */
export function shardFileName(index: number, shards: number): string {
  const width = Math.max(2, String(shards - 1).length);
  return `${String(index).padStart(width, '0')}.json`;
}

const SHARD_FILE = /^(\d+)\.json$/;

/** The shard index a file name stands for, or undefined for other files (temp files, stray copies). */
export function parseShardFileName(name: string): number | undefined {
  const match = SHARD_FILE.exec(name);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
