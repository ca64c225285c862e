import type { Kysely } from 'kysely';
import type { Register } from '../register/register';
import type { Database } from '../schema';

/**
 * Where each collection of the JSON store goes, in an order the foreign keys accept (a contact names an
 * organisation, a CC group its contacts, a reply its letter), and how the register reads it back.
 */
export interface CollectionTarget {
  collection: string;
  table: 'organisations' | 'contacts' | 'signatories' | 'cc_groups' | 'letters' | 'replies';
  readBack(register: Register, ids: readonly string[]): Promise<readonly { id: string }[]>;
}

const values = <T>(m: Promise<Map<string, T>>) => m.then((found) => [...found.values()]);

export const COLLECTION_TARGETS: readonly CollectionTarget[] = [
  { collection: 'organisations', table: 'organisations', readBack: (r, ids) => values(r.organisations.getMany(ids)) },
  { collection: 'contacts', table: 'contacts', readBack: (r, ids) => values(r.contacts.getMany(ids)) },
  { collection: 'signatories', table: 'signatories', readBack: (r, ids) => values(r.signatories.getMany(ids)) },
  { collection: 'ccGroups', table: 'cc_groups', readBack: (r, ids) => values(r.ccGroups.getMany(ids)) },
  { collection: 'letters', table: 'letters', readBack: (r, ids) => r.letters.lettersByIds(ids) },
  { collection: 'replies', table: 'replies', readBack: (r, ids) => values(r.replies.getMany(ids)) },
];

/**
 * The JSON store's documents: the office profile and the preferences become rows of `docs`, the reference
 * counters rows of their own table; the reminders document (which reminders this PC has shown) is not
 * carried over, as the register does not keep it.
 */
export const DOC_TARGETS = { office: 'office', preferences: 'preferences', counters: 'referenceCounters' } as const;

/** Every table an import writes (history aside): a register with a row in any of them is not empty. */
export const IMPORTED_TABLES = ['organisations', 'contacts', 'signatories', 'cc_groups', 'letters', 'replies', 'reference_counters', 'docs', 'history'] as const;

export async function isEmptyRegister(db: Kysely<Database>): Promise<boolean> {
  for (const table of IMPORTED_TABLES) {
    if (await db.selectFrom(table).select((eb) => eb.lit(1).as('one')).limit(1).executeTakeFirst()) return false;
  }
  return true;
}
