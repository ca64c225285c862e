import { systemClock } from '../../electron/core/clock';
import { openStore } from '../../electron/store';
import { collections, docs, migrations, SCHEMA_VERSION } from '../../electron/services/storeSpec';
import type { AddressBookFixture } from './addressBookFixture';
import type { Letter } from '../../electron/core/letters/letterSchema';

/** Write a fixture into a data dir through the store, so every record is validated as the app would. */
export async function seedStore(dataDir: string, fixture: AddressBookFixture, letters: Letter[] = []): Promise<void> {
  const opened = await openStore({ dataDir, schemaVersion: SCHEMA_VERSION, collections, docs, migrations, clock: systemClock });
  if (!opened.ok) throw new Error(`Cannot seed ${dataDir}: ${opened.problem.message}`);
  const { store } = opened;
  await store.putMany('organisations', fixture.organisations);
  await store.putMany('contacts', fixture.contacts);
  await store.putMany('ccGroups', fixture.ccGroups);
  await store.putMany('signatories', fixture.signatories);
  if (letters.length > 0) await store.putMany('letters', letters);
  await store.close();
}
