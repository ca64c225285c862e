import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SCHEMA_VERSION as JSON_SCHEMA_VERSION } from '../../electron/services/storeSpec';
import { dataFolder } from '../../electron/store/dataFolder';
import { SCHEMA_VERSION as SQL_SCHEMA_VERSION } from '../../electron/store/sql';
import { FIXTURE_VERSION } from './benchFixture';
import type { WorkerResult } from './benchOperations';
import type { RunWorker } from './benchWorkers';

/**
 * Built data folders for `npm run bench`, kept in the temp folder so that a second run starts measuring
 * at once (a JSON store of 100,000 letters takes minutes to build). A folder is keyed by the number of
 * letters, FIXTURE_VERSION, both stores' schema versions and a hash of the code that decides what goes
 * in (the fixtures, the seeding, the register's migrations): change any and it is built again, and the
 * folders of other keys are removed. `--rebuild` builds them again regardless.
 *
 *   <tmp>/desk-bench/fixtures/<key>-<letters>/{sqlite,json}/   the data folders
 *   <tmp>/desk-bench/fixtures/<key>-<letters>/built.json      written last: what went in, build times
 */
export const BENCH_ROOT = path.join(tmpdir(), 'desk-bench');
const FIXTURES = path.join(BENCH_ROOT, 'fixtures');
const REPO = path.resolve(import.meta.dirname, '../..');

const KEYED_SOURCES = [
  'scripts/lib/addressBookFixture.ts',
  'scripts/lib/lettersFixture.ts',
  'scripts/lib/trackingFixture.ts',
  'scripts/lib/replyFixture.ts',
  'scripts/lib/benchFixture.ts',
  'scripts/lib/seedRegister.ts',
  'scripts/lib/seedStore.ts',
  'electron/store/sql/migrations',
];

async function fixtureKey(): Promise<string> {
  const hash = createHash('sha256');
  const add = async (p: string): Promise<void> => {
    const full = path.join(REPO, p);
    if ((await fsp.stat(full)).isDirectory()) {
      for (const name of (await fsp.readdir(full)).sort()) await add(path.join(p, name));
    } else {
      hash.update(p).update(await fsp.readFile(full));
    }
  };
  for (const p of KEYED_SOURCES) await add(p);
  return `v${FIXTURE_VERSION}-sql${SQL_SCHEMA_VERSION}-json${JSON_SCHEMA_VERSION}-${hash.digest('hex').slice(0, 10)}`;
}

export interface BuiltFixture {
  dir: string;
  sqlite: WorkerResult['facts'];
  json: WorkerResult['facts'];
  /** True when this run built it (rather than finding it cached). */
  built: boolean;
}

/** The cached data folders for `letters`, built first if need be (both stores at once, one process each). */
export async function fixtureFor(letters: number, runWorker: RunWorker, opts: { rebuild: boolean; log: (msg: string) => void }): Promise<BuiltFixture> {
  const key = await fixtureKey();
  const dir = path.join(FIXTURES, `${key}-${letters}`);
  const manifest = path.join(dir, 'built.json');
  await fsp.mkdir(FIXTURES, { recursive: true });
  for (const name of await fsp.readdir(FIXTURES)) {
    // Another key's folders are out of date; an unfinished build of this one is started again.
    if (!name.startsWith(`${key}-`) || name.includes('.building-')) await fsp.rm(path.join(FIXTURES, name), { recursive: true, force: true });
  }
  if (opts.rebuild) await fsp.rm(dir, { recursive: true, force: true });
  const found = await fsp.readFile(manifest, 'utf8').then((t) => JSON.parse(t) as Omit<BuiltFixture, 'dir' | 'built'>, () => null);
  if (found) return { ...found, dir, built: false };

  await fsp.rm(dir, { recursive: true, force: true });
  const building = `${dir}.building-${process.pid}`;
  opts.log(`building the data folders for ${letters.toLocaleString('en-GB')} letters in ${building} …`);
  const [sqlite, json] = await Promise.all([runWorker('build-sqlite', [path.join(building, 'sqlite'), letters]), runWorker('build-json', [path.join(building, 'json'), letters])]);
  await fsp.writeFile(path.join(building, 'built.json'), JSON.stringify({ sqlite: sqlite.facts, json: json.facts }, null, 2));
  await fsp.rename(building, dir);
  return { dir, sqlite: sqlite.facts, json: json.facts, built: true };
}

/**
 * A working copy of a built fixture for one run, so the saves it measures never change the cache. The
 * register is copied (SQLite writes its file in place). The JSON store is hard-linked file by file: it
 * never writes a file in place (write-temp, fsync, rename; see electron/store/index.ts), so a save
 * replaces the link, never the cached file; and as the links keep the files' inodes and times, the
 * store's backup on open sees the files its newest backup holds and, as in the app, takes none.
 */
export async function workingCopy(fixture: BuiltFixture): Promise<{ root: string; sqlite: string; json: string; remove(): Promise<void> }> {
  await fsp.mkdir(BENCH_ROOT, { recursive: true });
  const root = await fsp.mkdtemp(path.join(BENCH_ROOT, 'run-'));
  const sqlite = path.join(root, 'sqlite');
  const json = path.join(root, 'json');
  await fsp.mkdir(sqlite);
  const source = dataFolder(path.join(fixture.dir, 'sqlite')).register;
  // Only the file is copied: a write-ahead log with content beside it would be changes the copy lacks.
  const wal = await fsp.stat(`${source}-wal`).then((st) => st.size, () => 0);
  if (wal > 0) throw new Error(`${source} has a write-ahead log beside it (opened by something else?); run with --rebuild`);
  await fsp.copyFile(source, dataFolder(sqlite).register);
  await linkTree(path.join(fixture.dir, 'json'), json);
  return { root, sqlite, json, remove: () => fsp.rm(root, { recursive: true, force: true }) };
}

async function linkTree(from: string, to: string): Promise<void> {
  await fsp.mkdir(to, { recursive: true });
  for (const entry of await fsp.readdir(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(a, b);
    else await fsp.link(a, b);
  }
}
