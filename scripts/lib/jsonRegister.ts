import type { Clock } from '../../electron/core/clock';
import { queryCommitments } from '../../electron/core/commitments/register';
import type { CommitmentPage, CommitmentQuery } from '../../electron/core/commitments/register';
import { dashboardSummary } from '../../electron/core/dashboard/summary';
import type { DashboardSummary } from '../../electron/core/dashboard/summary';
import { londonDate } from '../../electron/core/dates/londonDate';
import type { Letter } from '../../electron/core/letters/letterSchema';
import { queryRegister, searchText } from '../../electron/core/letters/register';
import type { LetterPage, RegisterQuery } from '../../electron/core/letters/register';
import { answeredLetterIds, chasedLetterIds, replyStanding, standingContext } from '../../electron/core/replies/replyStanding';
import type { Reply } from '../../electron/core/replies/replySchema';
import { openStore } from '../../electron/store';
import type { Store } from '../../electron/store';
import { collections, docs, migrations, SCHEMA_VERSION } from '../../electron/services/storeSpec';

/**
 * The JSON store as the app used it before the SQLite register, for the benchmark to compare against.
 * Its service code is gone; these are the same calls over the same core functions, as the handlers made
 * them (electron/services at commit 63720a5): every list worked out over store.all() on each call, the
 * search text of each letter cached until the letter changes. The renderer then received the whole
 * list; here the page is cut from it afterwards, which costs nothing next to working it out.
 */
export interface JsonRegister {
  store: Store;
  list(q: Partial<RegisterQuery> & { limit: number; offset?: number }): LetterPage;
  dashboard(): DashboardSummary;
  commitments(q: Partial<CommitmentQuery> & { limit: number; offset?: number }): CommitmentPage;
  /** A letter saved as letters.update saved it: store.put, which resolves once the shard is on disk. */
  save(letter: Letter): Promise<void>;
  get(id: string): Letter | undefined;
}

const REGISTER_DEFAULTS: RegisterQuery = { query: '', statuses: [], organisation: null, dateFrom: null, dateTo: null, sort: 'letterDate', direction: 'desc', bin: false, awaitingSignatory: null };
const COMMITMENT_DEFAULTS: CommitmentQuery = { query: '', organisation: null, statuses: [], overdueOnly: false, tag: null };

export async function openJsonRegister(dataDir: string, clock: Clock): Promise<JsonRegister> {
  const opened = await openStore({ dataDir, schemaVersion: SCHEMA_VERSION, collections, docs, migrations, clock });
  if (!opened.ok) throw new Error(`Cannot open the JSON store in ${dataDir}: ${opened.problem.message}`);
  const { store } = opened;
  const today = () => londonDate(clock.now());
  const searchCache = new Map<string, { updatedAt: string; text: string }>();
  const textOf = (l: Letter) => {
    const hit = searchCache.get(l.id);
    if (hit?.updatedAt === l.updatedAt) return hit.text;
    const text = searchText(l);
    searchCache.set(l.id, { updatedAt: l.updatedAt, text });
    return text;
  };
  return {
    store,
    list({ limit, offset = 0, ...q }) {
      const letters = store.all<Letter>('letters');
      const standing = standingContext(answeredLetterIds(letters, store.all<Reply>('replies')), chasedLetterIds(letters), today());
      const rows = queryRegister(letters, { ...REGISTER_DEFAULTS, ...q }, textOf, (l) => replyStanding(l, standing));
      return { rows: rows.slice(offset, offset + limit), total: rows.length };
    },
    dashboard: () => dashboardSummary(store.all<Letter>('letters'), store.all<Reply>('replies'), today()),
    commitments({ limit, offset = 0, ...q }) {
      const rows = queryCommitments(store.all<Letter>('letters'), { ...COMMITMENT_DEFAULTS, ...q }, today());
      return { rows: rows.slice(offset, offset + limit), total: rows.length };
    },
    save: (letter) => store.put('letters', letter),
    get: (id) => store.get<Letter>('letters', id),
  };
}
