import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { StoreValidationError } from '../../validationError';
import { appendHistory, fieldChanges } from '../history';
import type { Database } from '../schema';

export interface DocSpec<T> {
  name: string;
  schema: z.ZodType<T>;
  initial: T;
}

export interface DocStore {
  /** The document as last saved (or its initial value): kept in memory, as every letter's document reads it. */
  get<T>(spec: DocSpec<T>): T;
  put<T>(trx: Kysely<Database>, spec: DocSpec<T>, value: T, who: { by: string; at: string }): Promise<T>;
}

/**
 * The office profile and the preferences: one row each in `docs`, validated with their core schema on the
 * way in and out. A stored value that no longer passes (a hand edit) falls back to the initial value rather
 * than stopping the app, as the JSON store's docs did; the next save replaces it.
 */
export async function createDocStore(db: Kysely<Database>, specs: readonly DocSpec<unknown>[]): Promise<DocStore> {
  const cache = new Map<string, unknown>();
  const rows = await db.selectFrom('docs').select(['name', 'data']).execute();
  for (const spec of specs) {
    const row = rows.find((r) => r.name === spec.name);
    const parsed = row ? spec.schema.safeParse(JSON.parse(row.data)) : null;
    cache.set(spec.name, parsed?.success ? parsed.data : spec.initial);
  }
  return {
    get<T>(spec: DocSpec<T>): T {
      return (cache.has(spec.name) ? cache.get(spec.name) : spec.initial) as T;
    },
    async put<T>(trx: Kysely<Database>, spec: DocSpec<T>, value: T, who: { by: string; at: string }): Promise<T> {
      const checked = spec.schema.safeParse(value);
      if (!checked.success) throw new StoreValidationError(spec.name, checked.error.issues);
      const data = JSON.stringify(checked.data);
      const old = await trx.selectFrom('docs').select(['version', 'data']).where('name', '=', spec.name).executeTakeFirst();
      if (old) await trx.updateTable('docs').set({ data, version: old.version + 1, updated_at: who.at }).where('name', '=', spec.name).execute();
      else await trx.insertInto('docs').values({ name: spec.name, data, version: 1, updated_at: who.at }).execute();
      const before = old ? (JSON.parse(old.data) as Record<string, unknown>) : null;
      const changes = fieldChanges(before, checked.data as Record<string, unknown>);
      if (changes.length > 0) await appendHistory(trx, { at: who.at, by: who.by, recordType: 'doc', recordId: spec.name, action: old ? 'edit' : 'create', changes, reason: null });
      cache.set(spec.name, checked.data);
      return checked.data;
    },
  };
}
