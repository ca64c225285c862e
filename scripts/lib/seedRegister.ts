import type { Clock } from '../../electron/core/clock';
import type { Letter } from '../../electron/core/letters/letterSchema';
import type { Reply } from '../../electron/core/replies/replySchema';
import { dataFolder } from '../../electron/store/dataFolder';
import { createRegister, openDatabase } from '../../electron/store/sql';
import { settleAfterBulkInsert } from '../../electron/store/sql/letters/importLetters';
import type { AddressBookFixture } from './addressBookFixture';

const WHO = { by: 'Benchmark', reason: null };

/**
 * Fill a data folder's register through the app's own code: the address book and the replies saved
 * through the register's record tables (validated, with their history rows), each kind in one
 * transaction; the letters through the bulk import, as the JSON store's import carries them over.
 * Returns how long each step took, in milliseconds.
 */
export async function seedRegister(dataDir: string, book: AddressBookFixture, letters: readonly Letter[], replies: readonly Reply[], clock: Clock): Promise<Record<string, number>> {
  const opened = await openDatabase(dataFolder(dataDir).register);
  if (!opened.ok) throw new Error(`Cannot seed ${dataDir}: ${opened.problem.message}`);
  const register = await createRegister(opened.store, clock);
  const took: Record<string, number> = {};
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    took[name] = performance.now() - t0;
  };
  try {
    const options = () => ({ ...WHO, action: 'create' as const, at: clock.now().toISOString() });
    await step('addressBook', () =>
      register.write(async (trx) => {
        for (const o of book.organisations) await register.organisations.save(trx, o, options());
        for (const c of book.contacts) await register.contacts.save(trx, c, options());
        for (const s of book.signatories) await register.signatories.save(trx, s, options());
        for (const g of book.ccGroups) await register.ccGroups.save(trx, g, options());
      }),
    );
    await step('letters', () => register.letters.importLetters(letters, WHO));
    await step('replies', () =>
      register.write(async (trx) => {
        for (const r of replies) await register.replies.save(trx, r, { ...options(), action: 'reply' });
      }),
    );
    // The import refreshed the planner's statistics before the replies went in; refresh them once more,
    // as the JSON store's import does after its one transaction, so no table is planned as if empty.
    await step('statistics', () => register.db.connection().execute(async () => settleAfterBulkInsert(opened.store.raw)));
  } finally {
    await opened.store.close();
  }
  return took;
}
