import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, expect } from 'vitest';
import { fixedClock } from '../../../../electron/core/clock';
import type { Letter } from '../../../../electron/core/letters/letterSchema';
import { createLetterRepository, openDatabase } from '../../../../electron/store/sql';
import type { LetterPageQuery, LetterRepository, SqlStore } from '../../../../electron/store/sql';
import { generateAddressBook } from '../../../../scripts/lib/addressBookFixture';
import type { AddressBookFixture } from '../../../../scripts/lib/addressBookFixture';
import { generateLetters } from '../../../../scripts/lib/lettersFixture';
import { seededRandom } from '../../../../scripts/lib/random';
import { withTracking } from '../../../../scripts/lib/trackingFixture';

const made: string[] = [];
const opened: SqlStore[] = [];

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  for (const dir of made.splice(0)) await fsp.rm(dir, { recursive: true, force: true });
});

export async function tempDir(): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cd-sql-'));
  made.push(dir);
  return dir;
}

export async function tempFile(name = 'register.sqlite3'): Promise<string> {
  return path.join(await tempDir(), name);
}

export const clock = fixedClock('2026-02-02T10:00:00.000Z');
export const TODAY = '2026-02-02';

/** Open (or make) a register that the test's teardown closes. */
export async function open(file: string): Promise<SqlStore> {
  const result = await openDatabase(file);
  if (!result.ok) throw new Error(result.problem.message);
  opened.push(result.store);
  return result.store;
}

export async function openRepository(file?: string): Promise<{ store: SqlStore; repo: LetterRepository; file: string }> {
  const target = file ?? (await tempFile());
  const store = await open(target);
  return { store, repo: createLetterRepository(store, clock), file: target };
}

export async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await fsp.readFile(file)).digest('hex');
}

/** The names in a folder, for checking that a refused open made no files beside the register. */
export async function namesIn(dir: string): Promise<string[]> {
  return (await fsp.readdir(dir)).sort();
}

let book: AddressBookFixture | undefined;
export function addressBook(): AddressBookFixture {
  book ??= generateAddressBook(seededRandom(2022), { organisations: 40, contacts: 400, ccGroups: 5 });
  return book;
}

/** Letters as the benchmark makes them, with commitments, deadlines, chasers and a bin. */
export function fixtureLetters(count: number, seed = 17): Letter[] {
  return withTracking(seededRandom(seed + 1), generateLetters(seededRandom(seed), addressBook(), count));
}

export function registerQuery(overrides: Partial<LetterPageQuery> = {}): LetterPageQuery {
  return {
    query: '',
    statuses: [],
    organisation: null,
    dateFrom: null,
    dateTo: null,
    sort: 'letterDate',
    direction: 'desc',
    bin: false,
    awaitingSignatory: null,
    limit: 50,
    offset: 0,
    ...overrides,
  };
}

export async function expectRefused(promise: Promise<{ ok: boolean }>): Promise<void> {
  expect((await promise).ok).toBe(false);
}
