import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
import { fixedClock } from '../../../../electron/core/clock';
import type { Letter } from '../../../../electron/core/letters/letterSchema';
import { createLetterRepository, openDatabase } from '../../../../electron/store/sql';
import type { RegisterQuery } from '../../../../electron/core/letters/register';
import type { LetterPageQuery, LetterRepository, SqlStore } from '../../../../electron/store/sql';

type Page = Pick<LetterPageQuery, 'limit' | 'offset'>;
import { generateAddressBook } from '../../../../scripts/lib/addressBookFixture';
import type { AddressBookFixture } from '../../../../scripts/lib/addressBookFixture';
import { generateLetters } from '../../../../scripts/lib/lettersFixture';
import { seededRandom } from '../../../../scripts/lib/random';
import { withTracking } from '../../../../scripts/lib/trackingFixture';

const made: string[] = [];
const opened: SqlStore[] = [];
/** Kept for a whole file's tests (a large register built once in beforeAll). */
const madeForSuite: string[] = [];
const openedForSuite: SqlStore[] = [];

async function cleanUp(stores: SqlStore[], dirs: string[]): Promise<void> {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined);
  for (const dir of dirs.splice(0)) await fsp.rm(dir, { recursive: true, force: true });
}
afterEach(() => cleanUp(opened, made));
afterAll(() => cleanUp(openedForSuite, madeForSuite));

/** A register for every test of a file: made in beforeAll, removed after the last test. */
export async function openSuiteRepository(): Promise<{ store: SqlStore; repo: LetterRepository }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cd-sql-'));
  madeForSuite.push(dir);
  const result = await openDatabase(path.join(dir, 'register.sqlite3'));
  if (!result.ok) throw new Error(result.problem.message);
  openedForSuite.push(result.store);
  return { store: result.store, repo: createLetterRepository(result.store, clock) };
}

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

/** A folder kept for a whole file's tests (made in beforeAll), removed after the last one. */
export async function suiteTempDir(): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cd-sql-'));
  madeForSuite.push(dir);
  return dir;
}

/**
 * A register with some letters in it, closed: the starting point for damaging one. `forSuite`: kept for
 * the file's tests, to make in beforeAll; else removed after the test.
 */
export async function madeRegister(letters = 300, { forSuite = false } = {}): Promise<string> {
  const file = path.join(forSuite ? await suiteTempDir() : await tempDir(), 'register.sqlite3');
  const result = await openDatabase(file);
  if (!result.ok) throw new Error(result.problem.message);
  await createLetterRepository(result.store, clock).importLetters(fixtureLetters(letters), { by: 'Test', reason: null });
  await result.store.close();
  return file;
}

/** `source` with a page in the middle (a table or index b-tree page) scribbled over as a failing disk would, written to `target`. */
export async function copyWithDamagedPage(source: string, target: string): Promise<void> {
  const whole = await fsp.readFile(source);
  const pageSize = whole.readUInt16BE(16);
  const page = Math.floor(whole.length / pageSize / 2);
  for (let i = 0; i < pageSize; i++) whole[page * pageSize + i] = (i * 31 + 7) % 256;
  await fsp.writeFile(target, whole);
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

/** Today's register query with a page: what queryRegister takes, and (with 'relevance' too) queryLetters. */
export function registerQuery(overrides: Partial<RegisterQuery & Page> = {}): RegisterQuery & Page {
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
