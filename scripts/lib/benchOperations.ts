/**
 * What `npm run bench` measures, shared by the workers (which run it) and the report (which names it and
 * holds it to the goals). Both stores answer the same questions with the same inputs.
 */

/** The renderer's lists ask for pages of this many rows (renderer/src/api/usePagedList.ts, PAGE_SIZE). */
export const PAGE = 100;

/** A search that matches many letters, and a rare one (a recipient's two names, one accented). */
export const COMMON_SEARCH = 'action plan';
export const RARE_SEARCH = 'siobhán okafor';

/** The filtered register page: sent letters to one organisation in one year. */
export const FILTER_YEAR = { dateFrom: '2021-01-01', dateTo: '2021-12-31' } as const;
/** A page well down the register sorted by recipient, as when scrolling a long list. */
export const DEEP_OFFSET = 2000;

/** The letter whose recipient's organisation the filtered page asks for, and where the search for a draft to save starts. */
export const organisationLetterId = (count: number) => `letter-${Math.floor(count / 3)}`;
export const saveSearchStart = (count: number) => Math.floor(count * 0.6);

export type StoreKind = 'sqlite' | 'json';

export interface Operation {
  key: string;
  label: string;
  unit: 'ms' | 'MB';
  /** The goal, where it set one; it is judged at 50,000 letters. */
  goal?: number;
  /** Which stores have this figure (some exist only for SQLite). */
  stores: readonly StoreKind[];
}

const BOTH = ['sqlite', 'json'] as const;

export const OPERATIONS: readonly Operation[] = [
  { key: 'open', label: 'open to the first register page (fresh process)', unit: 'ms', goal: 300, stores: BOTH },
  { key: 'openNoQuickCheck', label: '… the same open without PRAGMA quick_check (phases probe)', unit: 'ms', stores: ['sqlite'] },
  { key: 'rss', label: 'resident memory after open (fresh process)', unit: 'MB', goal: 250, stores: BOTH },
  { key: 'firstSearch', label: `first full-text search straight after open ("${COMMON_SEARCH}")`, unit: 'ms', stores: BOTH },
  { key: 'firstDashboard', label: '… then the first dashboard', unit: 'ms', stores: BOTH },
  { key: 'backupAfterFirstCall', label: 'background backup set off by the first call, from the end of the quick_check (kept out of the warm timings)', unit: 'ms', stores: ['sqlite'] },
  { key: 'save', label: 'save one letter durably (saveLetter / store.put)', unit: 'ms', goal: 10, stores: BOTH },
  { key: 'saveApi', label: '… the same through letters.update (the API)', unit: 'ms', goal: 10, stores: ['sqlite'] },
  { key: 'searchCommon', label: `full-text search "${COMMON_SEARCH}" (page + count)`, unit: 'ms', goal: 20, stores: BOTH },
  { key: 'searchRare', label: `full-text search "${RARE_SEARCH}" (page + count)`, unit: 'ms', goal: 20, stores: BOTH },
  { key: 'dashboard', label: 'dashboard', unit: 'ms', goal: 20, stores: BOTH },
  { key: 'commitments', label: 'commitments register, first page (+ count)', unit: 'ms', goal: 20, stores: BOTH },
  { key: 'filtered', label: 'register: sent, one organisation, one year', unit: 'ms', stores: BOTH },
  { key: 'deepPage', label: `register by recipient, rows ${DEEP_OFFSET + 1}–${DEEP_OFFSET + PAGE}`, unit: 'ms', stores: BOTH },
];

/** Before the one line of JSON a worker prints (stdout may hold other lines, from the code under test). */
export const RESULT_PREFIX = 'BENCH-RESULT ';

/** What a worker sends back: samples per operation key, and facts to cross-check between the stores. */
export interface WorkerResult {
  samples: Record<string, number[]>;
  facts: Record<string, string | number>;
}

/** The dashboard's figures in a line, to check that both stores worked out the same. */
export function dashboardFacts(d: { repliesOverdueTotal: number; repliesDueSoonTotal: number; commitmentsOverdueByOrganisation: { count: number }[]; recentReplies: unknown[]; replyTimes: { replies: number }[] }): string {
  const owed = d.commitmentsOverdueByOrganisation.reduce((n, o) => n + o.count, 0);
  const timed = d.replyTimes.reduce((n, o) => n + o.replies, 0);
  return `overdue ${d.repliesOverdueTotal}, due soon ${d.repliesDueSoonTotal}, commitments overdue ${owed}, recent replies ${d.recentReplies.length}, reply times from ${timed}`;
}
