import { systemClock } from '../../electron/core/clock';
import { createLetterRepository, openDatabase } from '../../electron/store/sql';

/**
 * Run by benchSql.ts in a fresh process, as the app starts: open the register (header check,
 * quick_check, pragmas) and read the register's first page with its count. Prints what it took, the
 * process's resident memory before and after, and the quick_check's share, as one line of JSON.
 */
const [file, today] = process.argv.slice(2);
const rssBeforeBytes = process.memoryUsage().rss;
const t0 = performance.now();
const opened = await openDatabase(file!);
if (!opened.ok) throw new Error(opened.problem.message);
const tOpen = performance.now();
const repo = createLetterRepository(opened.store, systemClock);
const page = await repo.queryLetters(
  { query: '', statuses: [], organisation: null, dateFrom: null, dateTo: null, sort: 'letterDate', direction: 'desc', bin: false, awaitingSignatory: null, limit: 50, offset: 0 },
  today!,
);
const tPage = performance.now();
if (page.rows.length === 0) throw new Error('the register is empty');
const rssBytes = process.memoryUsage().rss;
// The same check again, alone, to show how much of the open it is (the file is cached either way).
const t1 = performance.now();
opened.store.raw.pragma('quick_check');
const quickCheckMs = performance.now() - t1;
console.log(JSON.stringify({ openMs: tOpen - t0, firstPageMs: tPage - t0, quickCheckMs, rssBeforeBytes, rssBytes }));
await opened.store.close();
