import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { systemClock } from '../electron/core/clock';
import { createLetterRepository, openDatabase } from '../electron/store/sql';
import type { LetterPageQuery } from '../electron/store/sql';
import { generateAddressBook } from './lib/addressBookFixture';
import { generateLetters } from './lib/lettersFixture';
import { measure, report } from './lib/measure';
import { seededRandom } from './lib/random';
import { withTracking } from './lib/trackingFixture';

/**
 * `npx tsx scripts/benchSql.ts`: the SQLite register (issue 10) at 5,000 to 100,000 letters, with about two
 * commitments per letter, so growth shows. Medians and 95th percentiles; a benchmark to watch, never a
 * pass/fail test. The file has just been written, so the OS has it cached: these are warm opens.
 */
const SIZES = [5_000, 20_000, 50_000, 100_000];
const TODAY = '2026-02-02';
const PROBE = resolve(import.meta.dirname, 'lib/sqlOpenProbe.ts');
const run = promisify(execFile);

const book = generateAddressBook(seededRandom(2022), { organisations: 300, contacts: 5000, ccGroups: 50 });
const base: LetterPageQuery = { query: '', statuses: [], organisation: null, dateFrom: null, dateTo: null, sort: 'letterDate', direction: 'desc', bin: false, awaitingSignatory: null, limit: 50, offset: 0 };
const rows: Parameters<typeof report>[0] = [];
const notes: string[] = [];

for (const count of SIZES) {
  const dir = await mkdtemp(join(tmpdir(), 'desk-bench-sql-'));
  const file = join(dir, 'register.sqlite3');
  try {
    const letters = withTracking(seededRandom(18), generateLetters(seededRandom(17), book, count));
    const commitments = letters.reduce((n, l) => n + l.commitments.length, 0);
    const size = `${count / 1000}k letters, ${Math.round(commitments / 1000)}k commitments`;
    const row = (name: string, m: { median: number; p95: number; runs: number }) => rows.push({ name, size, ...m });

    const opened = await openDatabase(file);
    if (!opened.ok) throw new Error(opened.problem.message);
    const repo = createLetterRepository(opened.store, systemClock);
    const t0 = performance.now();
    await repo.importLetters(letters, { by: 'Benchmark', reason: null });
    const importMs = performance.now() - t0;
    row('import every letter (validate, one transaction)', { median: importMs, p95: importMs, runs: 1 });
    await opened.store.close();
    notes.push(`${size}: file ${((await stat(file)).size / 1e6).toFixed(0)} MB`);

    // A fresh process each time, as the app starts: open (with quick_check) to the register's first page.
    const probes: { openMs: number; firstPageMs: number; quickCheckMs: number; rssBeforeBytes: number; rssBytes: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', PROBE, file, TODAY]);
      probes.push(JSON.parse(stdout) as (typeof probes)[number]);
    }
    const stats = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
      return { median: at(0.5), p95: at(0.95), runs: sorted.length };
    };
    row('fresh process: open (checks included)', stats(probes.map((p) => p.openMs)));
    row('fresh process: open to first register page', stats(probes.map((p) => p.firstPageMs)));
    row('  … of which PRAGMA quick_check', stats(probes.map((p) => p.quickCheckMs)));
    row('fresh process: resident memory after (MB)', stats(probes.map((p) => p.rssBytes / 1e6)));
    row('  … of which the register (MB)', stats(probes.map((p) => (p.rssBytes - p.rssBeforeBytes) / 1e6)));

    const again = await openDatabase(file);
    if (!again.ok) throw new Error(again.problem.message);
    const live = createLetterRepository(again.store, systemClock);
    const target = (await live.getLetter(letters[Math.floor(count * 0.6)]!.id))!;
    row('save one letter durably', await measure(100, (i) => live.saveLetter({ ...target, subject: `Safeguarding review ${i}` }, { by: 'Benchmark', action: 'edit' })));
    row('search "action plan taylor" (page + count)', await measure(50, () => live.queryLetters({ ...base, query: 'action plan taylor' }, TODAY)));
    row('  … ranked by relevance', await measure(50, () => live.queryLetters({ ...base, query: 'action plan taylor', sort: 'relevance' }, TODAY)));
    const organisation = letters[Math.floor(count / 3)]!.recipient.organisation;
    const filtered = { ...base, statuses: ['sent' as const], organisation, dateFrom: '2021-01-01', dateTo: '2021-12-31' };
    row('page: sent, one organisation, one year', await measure(50, () => live.queryLetters(filtered, TODAY)));
    row('page: all letters by recipient, page 40', await measure(50, () => live.queryLetters({ ...base, sort: 'recipient', direction: 'asc', offset: 2000 }, TODAY)));
    row('count of all letters', await measure(50, () => again.store.db.selectFrom('letters').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()));
    await again.store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
report(rows);
for (const note of notes) console.log(note);
