import * as fsp from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { addressBookSize, BENCH_START } from './lib/benchFixture';
import { BENCH_ROOT, fixtureFor, workingCopy } from './lib/benchCache';
import type { BuiltFixture } from './lib/benchCache';
import { COMMON_SEARCH, RARE_SEARCH } from './lib/benchOperations';
import type { StoreKind, WorkerResult } from './lib/benchOperations';
import { GOAL_SIZE, openAsIsTable, phasesTable, resultsTable } from './lib/benchReport';
import type { SizeResult } from './lib/benchReport';
import { startWorkers } from './lib/benchWorkers';
import type { RunWorker } from './lib/benchWorkers';
import { stats } from './lib/measure';

/**
 * `npm run bench [-- --sizes 5000,20000] [--cold 5] [--warm 30] [--rebuild] [--out file.md]`
 *
 * The SQLite register beside the JSON store it replaces, at 5,000, 20,000, 50,000 and 100,000 letters
 * (with their commitments, replies and address book in proportion; see lib/benchFixture.ts), held to the
 * issue's speed goals at 50,000. For each size:
 *   1. both data folders are built through the app's own code, or taken from the cache (lib/benchCache.ts);
 *   2. a working copy is made, so the measured saves never change the cache;
 *   3. cold: `--cold` fresh processes per store, one at a time, alternating, each opening its store to
 *      the register's first page and reading its resident memory (after one run that is not counted,
 *      which reads the files into the OS cache for both alike: these are opens of a cached file, as
 *      when the app is restarted, not the first open after a reboot); and as many fresh processes that
 *      time the SQLite open's steps, with and without PRAGMA quick_check (lib/benchSqlite.ts);
 *   4. warm: one process per store runs each operation once uncounted, then `--warm` times.
 * Backups the stores make by themselves are waited for or made beforehand, so none falls in a timing.
 * Medians and 95th percentiles go into a Markdown table, printed and written to --out (default
 * <tmp>/desk-bench/bench-results.md; bench-results.md is not in .gitignore, so it is not written into the
 * repository). The timings are only as quiet as the machine: run it with nothing else busy.
 */
const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '5000,20000,50000,100000' },
    cold: { type: 'string', default: '5' },
    warm: { type: 'string', default: '30' },
    rebuild: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(BENCH_ROOT, 'bench-results.md') },
  },
});
const positive = (name: string, text: string) => {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name}: "${text}" is not a positive whole number`);
  return value;
};
const sizes = opts.sizes.split(',').map((s) => positive('sizes', s.trim()));
const coldRuns = positive('cold', opts.cold);
const warmRuns = positive('warm', opts.warm);
const log = (msg: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

/** The answers compared between the stores, so a fast wrong answer shows. */
const ANSWERS: Record<string, string> = {
  total: 'register letters',
  searchCommon: `"${COMMON_SEARCH}"`,
  searchRare: `"${RARE_SEARCH}"`,
  commitments: 'commitments of sent letters',
  filtered: 'filtered page',
  deepPage: 'first reference on the deep page',
  dashboard: 'dashboard',
};

const results: SizeResult[] = [];
const notes: string[] = [];
const started = performance.now();
const workers = await startWorkers(BENCH_ROOT);
try {
  for (const letters of sizes) {
    const done = await benchSize(letters, workers.run);
    results.push(done.result);
    notes.push(...done.notes);
  }
} finally {
  await workers.close();
}

const report = [
  `# npm run bench: the SQLite register beside the JSON store`,
  '',
  `${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB; Node ${process.version}; ` +
    `${coldRuns} fresh processes per cold figure, ${warmRuns} runs per warm one; "today" is ${BENCH_START.slice(0, 10)}. ` +
    `Goals are judged on SQLite's median at ${GOAL_SIZE.toLocaleString('en-GB')} letters${sizes.includes(GOAL_SIZE) ? '' : ' (not run this time: other sizes show (within) or (over) for the trend)'}.`,
  '',
  resultsTable(results),
  '',
  '## Where the SQLite open goes (medians, fresh processes)',
  '',
  phasesTable(results),
  '',
  'The same open through openDatabase as it is now (medians, fresh processes, counted from the start of the open):',
  '',
  openAsIsTable(results),
  '',
  '## Notes',
  '',
  `- Search: SQLite's index also holds the commitments' text and matches words from their start (\`taylo\` finds Taylor, \`aylor\` does not); the JSON store's search matched any part of the reference, subject, recipient, role and body. So "${COMMON_SEARCH}" finds more letters in SQLite; that is the new behaviour, not a fault of the benchmark.`,
  '- Cold figures are of a fresh process on files already in the OS cache (the uncounted first run reads them in), as when the app is restarted; the first open after a reboot reads the disk as well.',
  '- Backups: the SQLite services back up in the background after the first call of every session (even of an unchanged register), once the open\'s background quick_check has passed. The cold runs carry straight on after the first page, as an officer would, so their first search and dashboard may share the machine with that check and backup; the warm runs wait for both first (the backup has its own row). The JSON store is backed up before its timed saves, so its backup 15 minutes after a write does not fall among them.',
  '- The workers run with plain Node from a Vite bundle with the npm packages left as imports, as electron-vite builds the main process; an Electron main process starts from a different baseline of resident memory (see the line per size below).',
  ...notes.map((note) => `- ${note}`),
  `- Total: ${seconds(performance.now() - started)}.`,
  '',
].join('\n');
console.log(report);
await fsp.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
await fsp.writeFile(opts.out, report);
log(`written to ${path.resolve(opts.out)}`);

/** One size: its data folders, a working copy, the cold runs, then the warm ones. */
async function benchSize(letters: number, runWorker: RunWorker): Promise<{ result: SizeResult; notes: string[] }> {
  const label = `${letters.toLocaleString('en-GB')} letters`;
  const sizeStarted = performance.now();
  const fixture = await fixtureFor(letters, runWorker, { rebuild: opts.rebuild, log });
  const built = performance.now() - sizeStarted;
  const copy = await workingCopy(fixture);
  const samples: Record<StoreKind, Record<string, number[]>> = { sqlite: {}, json: {} };
  const facts: Record<StoreKind, Record<string, string | number>> = { sqlite: {}, json: {} };
  const keep = (store: StoreKind, r: WorkerResult, rename: (key: string) => string = (key) => key) => {
    for (const [key, values] of Object.entries(r.samples)) (samples[store][rename(key)] ??= []).push(...values);
    for (const [key, value] of Object.entries(r.facts)) facts[store][rename(key)] = value;
  };
  try {
    log(`${label}: cold opens, ${coldRuns} fresh processes per store (after one uncounted)`);
    await runWorker('cold-sqlite', [copy.sqlite]);
    await runWorker('cold-json', [copy.json]);
    for (let i = 0; i < coldRuns; i++) {
      // One of each in turn, so a busy moment on the machine falls on both stores alike.
      keep('sqlite', await runWorker('cold-sqlite', [copy.sqlite]));
      keep('json', await runWorker('cold-json', [copy.json]));
      keep('sqlite', await runWorker('phases-sqlite', [copy.sqlite, 'with-quick-check']), (key) => `phase.${key}`);
      // The open as it would be without quick_check: its total is a row of the main table too.
      keep('sqlite', await runWorker('phases-sqlite', [copy.sqlite, 'without-quick-check']), (key) => (key === 'totalNoQuickCheck' ? `phase.${key}` : `phaseNoQuickCheck.${key}`));
      keep('sqlite', await runWorker('open-as-is-sqlite', [copy.sqlite]), (key) => `asIs.${key}`);
    }
    samples.sqlite['openNoQuickCheck'] = samples.sqlite['phase.totalNoQuickCheck'] ?? [];
    log(`${label}: warm operations, ${warmRuns} runs each`);
    keep('sqlite', await runWorker('warm-sqlite', [copy.sqlite, warmRuns, letters]));
    keep('json', await runWorker('warm-json', [copy.json, warmRuns, letters]));
  } finally {
    await copy.remove();
  }
  const took = performance.now() - sizeStarted;
  log(`${label}: done in ${seconds(took)}`);
  return { result: { letters, samples }, notes: sizeNotes(letters, fixture, samples, facts, built, took) };
}

function seconds(ms: number): string {
  return ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** What the data was, how long it took, and what the queries found in each store. */
function sizeNotes(letters: number, fixture: BuiltFixture, samples: Record<StoreKind, Record<string, number[]>>, facts: Record<StoreKind, Record<string, string | number>>, buildMs: number, totalMs: number): string[] {
  const f = fixture.sqlite;
  const book = addressBookSize(letters);
  const num = (x: string | number | undefined) => Number(x ?? 0).toLocaleString('en-GB');
  const out = [
    `${num(letters)} letters (${num(f['sent'])} sent or closed), ${num(f['commitments'])} commitments, ${num(f['replies'])} replies; ` +
      `${num(book.contacts)} contacts, ${num(book.organisations)} organisations, ${num(book.ccGroups)} CC groups. ` +
      `Register file ${Number(f['megabytes']).toFixed(0)} MB, JSON store ${Number(fixture.json['megabytes']).toFixed(0)} MB. ` +
      (fixture.built
        ? `Built this run in ${seconds(buildMs)} (both at once: SQLite address book ${seconds(Number(f['addressBookMs']))}, letters ${seconds(Number(f['lettersMs']))}, replies ${seconds(Number(f['repliesMs']))}; JSON store ${seconds(Number(fixture.json['buildMs']))}).`
        : `Taken from the cache (${fixture.dir}).`) +
      ` This size took ${seconds(totalMs)}.`,
  ];
  const base = (store: StoreKind) => (samples[store]['rssBefore']?.length ? stats(samples[store]['rssBefore']).median.toFixed(0) : '?');
  out.push(`${num(letters)} letters: resident memory before the store was opened (Node and the modules loaded): SQLite ${base('sqlite')} MB, JSON ${base('json')} MB.`);
  const found = Object.entries(ANSWERS).map(([key, name]) => {
    const a = facts.sqlite[key];
    const b = facts.json[key];
    const fmt = (x: string | number | undefined) => (typeof x === 'number' ? num(x) : String(x));
    return `${name} ${fmt(a)}${b !== undefined && b !== a ? ` (**JSON store: ${fmt(b)}**)` : ''}`;
  });
  out.push(`${num(letters)} letters, what the queries found (the same in both stores unless said): ${found.join('; ')}.`);
  return out;
}
