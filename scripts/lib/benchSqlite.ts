import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { letterContentSchema } from '../../electron/core/letters/letterSchema';
import type { Letter } from '../../electron/core/letters/letterSchema';
import type { InputOf, MethodName, ResultOf } from '../../electron/ipc/contract';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createServices } from '../../electron/services/createServices';
import { recordingPlatform } from '../../electron/services/platform';
import { dataFolder, settingsFile } from '../../electron/store/dataFolder';
import { openPcSettings } from '../../electron/store/settings/pcSettings';
import { createRegister, openDatabase } from '../../electron/store/sql';
import type { LetterPageQuery, SqlStore } from '../../electron/store/sql';
import { createKysely, openReadWrite } from '../../electron/store/sql/connection';
import { inspectFile } from '../../electron/store/sql/fileHeader';
import { migrate } from '../../electron/store/sql/migrate';
import { PARTIAL_SUFFIX } from '../../electron/store/sql/backup/backupLayout';
import { migrations } from '../../electron/store/sql/migrations';
import { benchClock, TODAY } from './benchFixture';
import { COMMON_SEARCH, dashboardFacts, DEEP_OFFSET, FILTER_YEAR, organisationLetterId, PAGE, RARE_SEARCH, saveSearchStart } from './benchOperations';
import type { WorkerResult } from './benchOperations';
import { sample } from './measure';

/**
 * The SQLite side of `npm run bench`, each function run in a process of its own by benchWorker.ts: the
 * register as the app opens and uses it, through createServices and the same validating dispatcher as
 * IPC (the window's calls), with the inputs the renderer sends.
 */

// Run from the bundle benchWorkers.ts builds, which is told where the project is; or from the project, by tsx.
const TEMPLATES = path.join(process.env['DESK_BENCH_REPO'] ?? path.resolve(import.meta.dirname, '../..'), 'templates');
const WHO = 'Benchmark';

async function startApp(dataDir: string) {
  // This PC's settings are read before the register, as main.ts does; not part of the register's open.
  const pcSettings = await openPcSettings(settingsFile(`${dataDir}-this-pc`), { defaultOfficerName: WHO });
  const t0 = performance.now();
  const services = await createServices({ dataDir, clock: benchClock(), platform: recordingPlatform(), templatesDir: TEMPLATES, pcSettings, appVersion: 'bench' });
  const dispatch = createDispatcher(services.handlers, (msg, err) => console.error(msg, err));
  const must = async <M extends MethodName>(name: M, input: InputOf<M>): Promise<ResultOf<M>> => {
    const r = await dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error}`);
    return r.value as ResultOf<M>;
  };
  return { services, must, t0 };
}

/** A fresh process, as the app starts: open the register and show the register's first page; then a first search and dashboard. */
export async function coldSqlite(dataDir: string): Promise<WorkerResult> {
  const rssBefore = process.memoryUsage().rss;
  const { services, must, t0 } = await startApp(dataDir);
  const status = await must('app.status', {});
  if (status.state !== 'ready') throw new Error(`The register did not open: ${JSON.stringify(status)}`);
  const page = await must('letters.list', { limit: PAGE });
  const open = performance.now() - t0;
  const rss = process.memoryUsage().rss;
  // Straight on, as an officer would: the open's quick_check and the backup the first call sets off may
  // still be running in the background (warmSqlite waits for them instead).
  const t1 = performance.now();
  await must('letters.list', { query: COMMON_SEARCH, limit: PAGE });
  const firstSearch = performance.now() - t1;
  const t2 = performance.now();
  await must('dashboard.summary', {});
  const firstDashboard = performance.now() - t2;
  await services.close();
  return {
    samples: { open: [open], rss: [rss / 1e6], rssBefore: [rssBefore / 1e6], firstSearch: [firstSearch], firstDashboard: [firstDashboard] },
    facts: { total: page.total },
  };
}

/**
 * Wait for a backup the app has started in the background to finish, and say how long that took (0 when
 * none started within `graceMs`), so that the timings after it are of the operation alone. The backup
 * schedule counts every call as a change and, with no attempt yet in the session, backs up at once: so
 * the first call after open sets off a whole backup (copy, integrity_check) of an unchanged register,
 * which starts once the open's quick_check has passed (backupRegister awaits SqlStore.checked, as every
 * write does: call this after a write). Seen from outside, as the schedule is the services' own: a backup
 * is under way while its <stamp>.partial folder exists. A poll, as there is nothing to wait on.
 */
async function settleBackups(dataDir: string, graceMs = 300): Promise<number> {
  const dir = dataFolder(dataDir).registerBackups;
  const underWay = async () => (await fsp.readdir(dir).catch(() => [] as string[])).some((name) => name.endsWith(PARTIAL_SUFFIX));
  const t0 = performance.now();
  let seen = false;
  for (;;) {
    const now = await underWay();
    if (seen && !now) return performance.now() - t0;
    seen ||= now;
    if (!seen && performance.now() - t0 > graceMs) return 0;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const FIRST_PAGE: LetterPageQuery = { query: '', statuses: [], organisation: null, dateFrom: null, dateTo: null, sort: 'letterDate', direction: 'desc', bin: false, awaitingSignatory: null, limit: PAGE, offset: 0 };

/**
 * openDatabase's steps one by one, in a fresh process, so the open's cost can be put down to each: the
 * header read, the connection and its pragmas, PRAGMA quick_check (left out when `quickCheck` is false:
 * the open as it would be without it), the migration check, the register's set-up and the first page.
 * The same calls openDatabase makes, from its own modules; electron/store/sql is not changed for it.
 */
export async function phasesSqlite(dataDir: string, quickCheck: boolean): Promise<WorkerResult> {
  const file = dataFolder(dataDir).register;
  const laps: Record<string, number[]> = {};
  let mark = performance.now();
  const start = mark;
  const lap = (name: string) => {
    const now = performance.now();
    laps[name] = [now - mark];
    mark = now;
  };
  await fsp.readdir(path.dirname(file)); // openDatabase looks for unfinished creations first
  const inspection = await inspectFile(file);
  if (inspection.kind !== 'sqlite' || inspection.journal !== null) throw new Error(`phases: ${file} is not a closed register (${inspection.kind})`);
  lap('header');
  const raw = openReadWrite(file);
  lap('connect');
  if (quickCheck) {
    const found = raw.pragma('quick_check') as { quick_check: string }[];
    if (found[0]?.quick_check !== 'ok') throw new Error(`phases: quick_check found ${JSON.stringify(found)}`);
    lap('quickCheck');
  }
  const db = createKysely(raw);
  await migrate(db, migrations, inspection.userVersion);
  lap('migrate');
  // The shape openDatabase returns (its `checked`, the quick_check it may leave running, is done or skipped
  // here), asserted rather than declared so that the probe keeps compiling while that shape changes.
  const store = { file, db, raw, checked: Promise.resolve(), close: () => db.destroy() } as SqlStore;
  const register = await createRegister(store, benchClock());
  lap('register');
  const page = await register.letters.queryLetters(FIRST_PAGE, TODAY);
  lap('firstPage');
  laps[quickCheck ? 'total' : 'totalNoQuickCheck'] = [performance.now() - start];
  await store.close();
  return { samples: laps, facts: { total: page.total } };
}

/**
 * The open as openDatabase does it today, whatever it does with the quick_check: openDatabase, the
 * register, the first page; and, where openDatabase leaves the check running (a `checked` promise on the
 * store), how long after the start of the open that check ends.
 */
export async function openAsIsSqlite(dataDir: string): Promise<WorkerResult> {
  const file = dataFolder(dataDir).register;
  const t0 = performance.now();
  const opened = await openDatabase(file);
  if (!opened.ok) throw new Error(opened.problem.message);
  const tOpen = performance.now();
  const register = await createRegister(opened.store, benchClock());
  const page = await register.letters.queryLetters(FIRST_PAGE, TODAY);
  const tPage = performance.now();
  const pending = (opened.store as { checked?: Promise<void> }).checked;
  await pending;
  const tChecked = performance.now();
  await opened.store.close();
  return {
    samples: { openDatabase: [tOpen - t0], toFirstPage: [tPage - t0], ...(pending ? { checkSettled: [tChecked - t0] } : {}) },
    facts: { total: page.total },
  };
}

/** The draft at or after `from` that an officer would be editing (a sent letter is amended, not autosaved). */
async function findDraft(get: (id: string) => Promise<Letter | undefined>, from: number): Promise<Letter> {
  for (let i = from; ; i++) {
    const l = await get(`letter-${i}`);
    if (!l) throw new Error(`No draft letter at or after letter-${from}`);
    if (l.status === 'draft' && !l.deletedAt) return l;
  }
}

/** Warm operations in one process, each after a first call that is not counted. */
export async function warmSqlite(dataDir: string, runs: number, count: number): Promise<WorkerResult> {
  const samples: Record<string, number[]> = {};
  const facts: Record<string, string | number> = {};
  const { services, must } = await startApp(dataDir);
  try {
    const timed = async <T>(key: string, fn: (i: number) => Promise<T>, fact?: (r: T) => string | number) => {
      const first = await fn(-1);
      if (fact) facts[key] = fact(first);
      samples[key] = await sample(runs, fn);
    };
    const total = (p: { total: number }) => p.total;
    await must('letters.list', { limit: PAGE });
    const draft = await findDraft(async (id) => (await services.handlers['letters.get']({ id }).catch(() => undefined))?.letter, saveSearchStart(count));
    facts['saved'] = draft.id;
    const saveApi = (i: number) => must('letters.update', { id: draft.id, content: { ...letterContentSchema.parse(draft), subject: `Safeguarding review ${i}` } });
    // A write waits for the open's quick_check; the backup set off by the first call starts after it.
    await saveApi(-2);
    samples['backupAfterFirstCall'] = [await settleBackups(dataDir)];
    const organisation = (await must('letters.get', { id: organisationLetterId(count) })).letter.recipient.organisation;
    facts['organisation'] = organisation;
    await timed('searchCommon', () => must('letters.list', { query: COMMON_SEARCH, limit: PAGE }), total);
    await timed('searchRare', () => must('letters.list', { query: RARE_SEARCH, limit: PAGE }), total);
    await timed('dashboard', () => must('dashboard.summary', {}), dashboardFacts);
    await timed('commitments', () => must('commitments.list', { limit: PAGE }), total);
    await timed('filtered', () => must('letters.list', { statuses: ['sent'], organisation, ...FILTER_YEAR, limit: PAGE }), total);
    await timed('deepPage', () => must('letters.list', { sort: 'recipient', direction: 'asc', offset: DEEP_OFFSET, limit: PAGE }), (p) => p.rows[0]?.reference ?? '');
    await timed('saveApi', saveApi);
  } finally {
    await services.close();
  }

  // The save itself, under the services: validate, write the row, its commitments, signatories, search
  // entry and history in one transaction, and wait for the commit to reach the disk.
  const clock = benchClock();
  const opened = await openDatabase(dataFolder(dataDir).register);
  if (!opened.ok) throw new Error(opened.problem.message);
  const register = await createRegister(opened.store, clock);
  try {
    const letter = (await register.letters.getLetter(String(facts['saved'])))!;
    const save = (i: number) => register.letters.saveLetter({ ...letter, subject: `Safeguarding review, repository ${i}`, updatedAt: clock.now().toISOString() }, { by: WHO, action: 'edit' });
    await save(-1);
    samples['save'] = await sample(runs, save);
  } finally {
    await opened.store.close();
  }
  return { samples, facts };
}
