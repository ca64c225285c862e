import type { z } from 'zod';
import { formatIssues } from './validationError';
import type { StoreIssue } from './validationError';

export type StoredRecord = { readonly id: string } & Readonly<Record<string, unknown>>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Forward compatibility: a newer app version may add fields this version's schemas don't know (zod
 * objects strip unknown keys by default). To keep them through a load/save round trip, the stored
 * value is the parsed object laid over the raw one: known fields come from the schema (defaults and
 * transforms applied), unknown top-level fields are kept verbatim. Only TOP-LEVEL unknown fields
 * survive this way; schemas for nested objects that must keep unknown keys should use `.loose()`.
 */
export function keepUnknownFields(raw: unknown, parsed: unknown): unknown {
  if (isPlainObject(raw) && isPlainObject(parsed)) return { ...raw, ...parsed };
  return parsed;
}

/**
 * Memory is the source every write serialises from, so a caller mutating a returned record would
 * silently change what the next write of that shard saves. Freezing makes such bugs throw instead.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) freezeTree(value);
  return value;
}

// Runs over every object of every record, so it avoids per-object garbage (Object.values would
// allocate an array for each) and calls into itself only for children that are objects. An object
// already frozen is taken to be frozen all the way down: only this function freezes store values.
function freezeTree(value: object): void {
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child === 'object' && child !== null) freezeTree(child);
    }
    return;
  }
  const obj = value as Record<string, unknown>;
  // for...in also visits inherited enumerable keys; records are plain JSON objects, which have none.
  for (const key in obj) {
    const child = obj[key];
    if (typeof child === 'object' && child !== null) freezeTree(child);
  }
}

export type RecordCheck = { ok: true; record: StoredRecord } | { ok: false; issues: StoreIssue[] };

/**
 * Validate one record and build the value to store (unknown fields kept, deep-frozen).
 * `fromCaller`: copy first, so the store never shares (and freezes) nested objects the caller
 * still owns; values freshly parsed from a file need no copy.
 */
export function checkRecord(schema: z.ZodType<{ id: string }>, raw: unknown, fromCaller: boolean): RecordCheck {
  const result = schema.safeParse(raw);
  if (!result.success) return { ok: false, issues: result.error.issues };
  const merged = keepUnknownFields(raw, result.data);
  return { ok: true, record: deepFreeze(fromCaller ? structuredClone(merged) : merged) as StoredRecord };
}

/** Describe a failed record for a user-facing message. */
export function describeRecordIssue(position: number, raw: unknown, issues: StoreIssue[]): string {
  const id = isPlainObject(raw) && typeof raw.id === 'string' ? ` (id "${raw.id}")` : '';
  return `record ${position + 1}${id}: ${formatIssues(issues)}`;
}
