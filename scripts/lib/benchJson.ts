import type { Letter } from '../../electron/core/letters/letterSchema';
import { benchClock } from './benchFixture';
import { COMMON_SEARCH, dashboardFacts, DEEP_OFFSET, FILTER_YEAR, organisationLetterId, PAGE, RARE_SEARCH, saveSearchStart } from './benchOperations';
import type { WorkerResult } from './benchOperations';
import { openJsonRegister } from './jsonRegister';
import { sample } from './measure';

/**
 * The JSON store's side of `npm run bench`, each function run in a process of its own by benchWorker.ts:
 * the same questions as benchSqlite.ts, answered as the app answered them before the SQLite register
 * (see jsonRegister.ts).
 */

/** A fresh process, as the app started: load, parse and validate every shard, then the register's first page. */
export async function coldJson(dataDir: string): Promise<WorkerResult> {
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const register = await openJsonRegister(dataDir, benchClock());
  const page = register.list({ limit: PAGE });
  const open = performance.now() - t0;
  const rss = process.memoryUsage().rss;
  const t1 = performance.now();
  // The first search works out every letter's search text; later ones take it from the cache.
  register.list({ query: COMMON_SEARCH, limit: PAGE });
  const firstSearch = performance.now() - t1;
  const t2 = performance.now();
  register.dashboard();
  const firstDashboard = performance.now() - t2;
  await register.store.close();
  return { samples: { open: [open], rss: [rss / 1e6], rssBefore: [rssBefore / 1e6], firstSearch: [firstSearch], firstDashboard: [firstDashboard] }, facts: { total: page.total } };
}

export async function warmJson(dataDir: string, runs: number, count: number): Promise<WorkerResult> {
  const samples: Record<string, number[]> = {};
  const facts: Record<string, string | number> = {};
  const clock = benchClock();
  const register = await openJsonRegister(dataDir, clock);
  try {
    // The store backs up after a write once its last backup is 15 minutes old (by the clock, which may
    // be so, as the fixture was built on an earlier run): a backup now keeps that out of the timed saves,
    // as benchSqlite.ts waits for the backup SQLite's schedule makes after the first call.
    await register.store.backupNow();
    const timed = async <T>(key: string, fn: (i: number) => T | Promise<T>, fact?: (r: T) => string | number) => {
      const first = await fn(-1);
      if (fact) facts[key] = fact(first);
      samples[key] = await sample(runs, async (i) => fn(i));
    };
    const total = (p: { total: number }) => p.total;
    register.list({ limit: PAGE });
    const organisation = register.get(organisationLetterId(count))!.recipient.organisation;
    facts['organisation'] = organisation;
    await timed('searchCommon', () => register.list({ query: COMMON_SEARCH, limit: PAGE }), total);
    await timed('searchRare', () => register.list({ query: RARE_SEARCH, limit: PAGE }), total);
    await timed('dashboard', () => register.dashboard(), dashboardFacts);
    await timed('commitments', () => register.commitments({ limit: PAGE }), total);
    await timed('filtered', () => register.list({ statuses: ['sent'], organisation, ...FILTER_YEAR, limit: PAGE }), total);
    await timed('deepPage', () => register.list({ sort: 'recipient', direction: 'asc', offset: DEEP_OFFSET, limit: PAGE }), (p) => p.rows[0]?.reference ?? '');
    let draft: Letter | undefined;
    for (let i = saveSearchStart(count); !draft; i++) {
      const l = register.get(`letter-${i}`);
      if (!l) throw new Error(`No draft letter after letter-${saveSearchStart(count)}`);
      if (l.status === 'draft' && !l.deletedAt) draft = l;
    }
    facts['saved'] = draft.id;
    const letter = draft;
    await timed('save', (i) => register.save({ ...letter, subject: `Safeguarding review, store ${i}`, updatedAt: clock.now().toISOString() }));
  } finally {
    await register.store.close();
  }
  return { samples, facts };
}
