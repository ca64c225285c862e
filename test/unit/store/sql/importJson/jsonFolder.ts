import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fixedClock } from '../../../../../electron/core/clock';
import type { OfficeProfile } from '../../../../../electron/core/addressBook/schemas';
import { DEFAULT_REFERENCE_PATTERN } from '../../../../../electron/core/letters/reference';
import type { Letter } from '../../../../../electron/core/letters/letterSchema';
import type { Reply } from '../../../../../electron/core/replies/replySchema';
import type { Preferences } from '../../../../../electron/core/settings/preferences';
import { collections, docs, migrations, SCHEMA_VERSION } from '../../../../../electron/services/storeSpec';
import { openStore } from '../../../../../electron/store';
import type { CollectionSpec, Store } from '../../../../../electron/store';
import type { JsonStoreSpec } from '../../../../../electron/store/sql';
import { generateAddressBook } from '../../../../../scripts/lib/addressBookFixture';
import type { AddressBookFixture } from '../../../../../scripts/lib/addressBookFixture';
import { generateLetters } from '../../../../../scripts/lib/lettersFixture';
import { seededRandom } from '../../../../../scripts/lib/random';
import type { Random } from '../../../../../scripts/lib/random';
import { withTracking } from '../../../../../scripts/lib/trackingFixture';

/** The spec the services pass in: the JSON store as the last JSON version of the app wrote it. */
export const spec: JsonStoreSpec = { collections, docs, migrations, schemaVersion: SCHEMA_VERSION };

export interface JsonFolderContents {
  book: AddressBookFixture;
  letters: Letter[];
  replies: Reply[];
  office: OfficeProfile;
  preferences: Preferences;
  counters: { counters: Record<string, number> };
}

/** An office's records as the JSON app kept them: an address book, letters worked on for years, replies, documents. */
export function fixtureContents(letterCount: number, size = { organisations: 30, contacts: 300, ccGroups: 6 }, seed = 7): JsonFolderContents {
  const book = generateAddressBook(seededRandom(seed), size);
  const letters = withTracking(seededRandom(seed + 2), generateLetters(seededRandom(seed + 1), book, letterCount));
  const replies = fixtureReplies(seededRandom(seed + 3), letters);
  const counters: Record<string, number> = {};
  for (const l of letters) {
    const stem = `${l.reference.slice(0, 9)}#`;
    counters[stem] = Math.max(counters[stem] ?? 0, Number(l.reference.slice(10)));
  }
  return {
    book,
    letters,
    replies,
    office: { officeName: 'Office of the Mayor of Hackney', addressLines: ['Hackney Town Hall', 'Mare Street', 'London E8 1EA'], email: 'mayor@example.gov.uk', telephone: '020 8356 3000', referencePrefix: 'MHO', referencePattern: DEFAULT_REFERENCE_PATTERN },
    preferences: { deadlines: { region: 'england-and-wales', rollForward: false, added: [{ date: '2026-12-29', name: 'Office closure' }], removed: [] }, reminders: { enabled: false } },
    counters: { counters },
  };
}

/** A reply to about one sent letter in three, answering its first commitment, some with an attachment. */
function fixtureReplies(rnd: Random, letters: readonly Letter[]): Reply[] {
  const replies: Reply[] = [];
  for (const l of letters) {
    if (l.status !== 'sent' || rnd.next() > 0.33) continue;
    const at = `${l.letterDate}T15:00:00.000Z`;
    const n = replies.length;
    replies.push({
      id: `reply-${n}`,
      letterId: l.id,
      receivedDate: l.letterDate,
      from: l.recipient.fullName,
      theirReference: rnd.next() < 0.5 ? `THEIR/${n}` : '',
      summary: 'They agree to meet and will send the plan.',
      answers: l.commitments.slice(0, 1).map((c) => ({ commitmentId: c.id, status: 'agreed' as const, note: 'Agreed in the reply' })),
      attachments: rnd.next() < 0.3 ? [{ id: `file-${n}`, name: `reply-${n}.pdf`, size: 1000 + n, sha256: createHash('sha256').update(String(n)).digest('hex') }] : [],
      createdAt: at,
      updatedAt: at,
    });
  }
  return replies;
}

const clock = fixedClock('2026-11-30T09:00:00.000Z');

async function fill(store: Store, c: JsonFolderContents, letters: readonly unknown[]): Promise<void> {
  await store.putMany('organisations', c.book.organisations);
  await store.putMany('contacts', c.book.contacts);
  await store.putMany('signatories', c.book.signatories);
  await store.putMany('ccGroups', c.book.ccGroups);
  if (letters.length > 0) await store.putMany('letters', letters as { id: string }[]);
  if (c.replies.length > 0) await store.putMany('replies', c.replies);
  await store.putDoc('office', c.office);
  await store.putDoc('preferences', c.preferences);
  await store.putDoc('referenceCounters', c.counters);
  await store.putDoc('reminders', { lastRun: '2026-11-29', notified: ['letter-1'] });
}

/** A data folder with a JSON store at schema version 2 (the last), written by the JSON store itself. */
export async function writeSchema2Folder(root: string, c: JsonFolderContents): Promise<void> {
  const opened = await openStore({ dataDir: root, ...spec, collections, docs, migrations, clock });
  if (!opened.ok) throw new Error(opened.problem.message);
  await fill(opened.store, c, c.letters);
  await opened.store.close();
}

/** A letter as version 1 kept it: bare commitments, one deadline date, no thread or follow-up. */
export function toVersion1(l: Letter): Record<string, unknown> {
  const { threadId: _t, followsUp: _f, followUpKind: _k, deadlineEvents: _e, deadlineManualDate: _m, commitments, ...rest } = l;
  return { ...rest, commitments: commitments.map((c) => ({ id: c.id, text: c.text })) };
}

/**
 * A data folder with a JSON store at schema version 1, written by the JSON store at that version: the
 * same specs, but letters in version 1's shape (no schema of version 1's letters is kept, so any object
 * with an id passes, as the letters are made by toVersion1).
 */
export async function writeSchema1Folder(root: string, c: JsonFolderContents): Promise<void> {
  const v1Collections: CollectionSpec[] = collections.map((s) => (s.name === 'letters' ? { ...s, schema: z.looseObject({ id: z.string() }) } : s));
  const opened = await openStore({ dataDir: root, schemaVersion: 1, collections: v1Collections, docs, migrations: [], clock });
  if (!opened.ok) throw new Error(opened.problem.message);
  await fill(opened.store, c, c.letters.map(toVersion1));
  await opened.store.close();
}

/** Every record and document as the JSON app itself reads the folder (migrating it on disk if it is older). */
export async function readWithJsonApp(root: string): Promise<{ records: Map<string, unknown[]>; docs: Map<string, unknown> }> {
  const opened = await openStore({ dataDir: root, ...spec, collections, docs, migrations, clock });
  if (!opened.ok) throw new Error(opened.problem.message);
  const records = new Map(collections.map((s) => [s.name, opened.store.all(s.name)]));
  const out = new Map(docs.map((d) => [d.name, opened.store.getDoc(d.name)]));
  await opened.store.close();
  return { records, docs: out };
}
