import { systemClock } from '../../electron/core/clock';
import { createLetterRepository, openDatabase } from '../../electron/store/sql';

/**
 * Run by benchSql.ts in a fresh process, as the app starts: open the register (header check,
 * quick_check, pragmas) and read the register's first page with its count. Prints what it took and the
 * process's resident memory afterwards, as one line of JSON.
 */
const [file, today] = process.argv.slice(2);
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
console.log(JSON.stringify({ openMs: tOpen - t0, firstPageMs: tPage - t0, rssBytes: process.memoryUsage().rss }));
await opened.store.close();
