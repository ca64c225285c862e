import { systemClock } from '../../electron/core/clock';
import type { Clock } from '../../electron/core/clock';
import { openStore } from '../../electron/store';
import { collections, docs, migrations, SCHEMA_VERSION } from '../../electron/services/storeSpec';
import type { AddressBookFixture } from './addressBookFixture';
import type { Letter } from '../../electron/core/letters/letterSchema';
import type { Reply } from '../../electron/core/replies/replySchema';

/** Write a fixture into a data dir through the store, so every record is validated as the app would. */
export async function seedStore(dataDir: string, fixture: AddressBookFixture, letters: Letter[] = [], replies: Reply[] = [], clock: Clock = systemClock): Promise<void> {
  const opened = await openStore({ dataDir, schemaVersion: SCHEMA_VERSION, collections, docs, migrations, clock });
  if (!opened.ok) throw new Error(`Cannot seed ${dataDir}: ${opened.problem.message}`);
  const { store } = opened;
  await store.putMany('organisations', fixture.organisations);
  await store.putMany('contacts', fixture.contacts);
  await store.putMany('ccGroups', fixture.ccGroups);
  await store.putMany('signatories', fixture.signatories);
  if (letters.length > 0) await store.putMany('letters', letters);
  if (replies.length > 0) await store.putMany('replies', replies);
  await store.close();
}
