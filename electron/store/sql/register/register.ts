import type { Kysely } from 'kysely';
import { defaultOfficeProfile, officeProfile } from '../../../core/addressBook/schemas';
import type { CcGroup, Contact, OfficeProfile, Organisation, Signatory } from '../../../core/addressBook/schemas';
import type { Clock } from '../../../core/clock';
import type { DashboardSummary } from '../../../core/dashboard/summary';
import type { IsoDate } from '../../../core/dates/londonDate';
import type { Reply } from '../../../core/replies/replySchema';
import { preferencesSchema } from '../../../core/settings/preferences';
import type { Preferences } from '../../../core/settings/preferences';
import type { HistoryAction } from '../history';
import { createLetterRepository } from '../letters/letterRepository';
import type { LetterRepository } from '../letters/letterRepository';
import type { SqlStore } from '../openDatabase';
import { ccGroupMapping, contactMapping, organisationMapping, signatoryMapping } from '../records/addressBookMappings';
import { recordTable } from '../records/recordTable';
import type { RecordRow, RecordTable } from '../records/recordTable';
import { replyMapping } from '../records/replyMapping';
import type { Database } from '../schema';
import { writeTransaction } from '../transaction';
import { queryCommitmentPage } from './commitmentQueries';
import type { CommitmentPage, CommitmentPageQuery } from './commitmentQueries';
import { dashboardFromSql } from './dashboardQueries';
import { createDocStore } from './docStore';
import type { DocSpec, DocStore } from './docStore';
import { createHistoryQueries } from './historyQueries';
import type { HistoryQueries } from './historyQueries';
import { letterQueries } from './letterQueries';
import type { LetterQueries } from './letterQueries';
import { allocateReference } from './referenceCounters';
import { reminderCandidates } from './reminderQueries';
import type { ReminderCandidates } from './reminderQueries';

export const OFFICE_DOC: DocSpec<OfficeProfile> = { name: 'office', schema: officeProfile, initial: defaultOfficeProfile };
export const PREFERENCES_DOC: DocSpec<Preferences> = { name: 'preferences', schema: preferencesSchema, initial: preferencesSchema.parse({}) };

/** Who is writing and why: every write's history row carries it. */
export interface Writer {
  by: string;
  action: HistoryAction;
  reason?: string | null;
}

/**
 * The office's register as the services use it: one object per kind of record, each reading and writing
 * through the typed query layer, and `write` for a change that spans several records (a reply and the
 * letters it answers) and must commit or fail as one.
 */
export interface Register {
  readonly sql: SqlStore;
  readonly db: Kysely<Database>;
  letters: LetterRepository & LetterQueries;
  organisations: RecordTable<Organisation> & { list(includeArchived: boolean): Promise<Organisation[]>; activeContactCounts(ids?: readonly string[]): Promise<Map<string, number>> };
  contacts: RecordTable<Contact> & { list(q: { includeArchived: boolean; organisationId?: string | null }): Promise<Contact[]> };
  signatories: RecordTable<Signatory> & { list(includeArchived: boolean): Promise<Signatory[]> };
  ccGroups: RecordTable<CcGroup> & { list(includeArchived: boolean): Promise<CcGroup[]> };
  replies: RecordTable<Reply> & { toLetters(letterIds: readonly string[]): Promise<Reply[]> };
  docs: DocStore;
  history: HistoryQueries;
  commitmentsPage(q: CommitmentPageQuery, today: IsoDate): Promise<CommitmentPage>;
  dashboard(today: IsoDate): Promise<DashboardSummary>;
  reminders(tomorrow: IsoDate): Promise<ReminderCandidates>;
  /** The next reference for a stem, counter and letters agreeing, in the caller's transaction. */
  allocateReference: typeof allocateReference;
  /**
   * Run `fn` in one transaction. Waits for the open's check of the file first (SqlStore.checked) and
   * rejects with its DamagedRegisterError if the file is damaged; reads never wait for it.
   */
  write<R>(fn: (trx: Kysely<Database>) => Promise<R>): Promise<R>;
}

export async function createRegister(store: SqlStore, clock: Clock): Promise<Register> {
  const { db } = store;
  const organisations = recordTable(db, organisationMapping);
  const contacts = recordTable(db, contactMapping);
  const signatories = recordTable(db, signatoryMapping);
  const ccGroups = recordTable(db, ccGroupMapping);
  const replies = recordTable(db, replyMapping);
  const select = (table: 'organisations' | 'contacts' | 'signatories' | 'cc_groups', includeArchived: boolean) => {
    let q = db.selectFrom(table as 'organisations').selectAll();
    if (!includeArchived) q = q.where('archived', '=', 0);
    return q;
  };
  return {
    sql: store,
    db,
    letters: { ...createLetterRepository(store, clock), ...letterQueries(db) },
    organisations: {
      ...organisations,
      list: async (includeArchived) => organisations.fromRows((await select('organisations', includeArchived).orderBy('sort_name').execute()) as RecordRow[]),
      async activeContactCounts(ids) {
        let q = db.selectFrom('contacts').select(['organisation_id', (eb) => eb.fn.countAll<number>().as('n')]).where('archived', '=', 0).where('organisation_id', 'is not', null);
        if (ids) q = q.where('organisation_id', 'in', ids.length > 0 ? [...ids] : ['']);
        const rows = await q.groupBy('organisation_id').execute();
        return new Map(rows.map((r) => [r.organisation_id!, Number(r.n)]));
      },
    },
    contacts: {
      ...contacts,
      async list(q) {
        let s = select('contacts', q.includeArchived) as unknown as ReturnType<typeof db.selectFrom<'contacts'>>;
        if (q.organisationId) s = s.where('organisation_id', '=', q.organisationId);
        return contacts.fromRows((await s.selectAll().orderBy('sort_name').execute()) as RecordRow[]);
      },
    },
    signatories: { ...signatories, list: async (includeArchived) => signatories.fromRows((await select('signatories', includeArchived).orderBy('name').execute()) as RecordRow[]) },
    ccGroups: { ...ccGroups, list: async (includeArchived) => ccGroups.fromRows((await select('cc_groups', includeArchived).orderBy('name').execute()) as RecordRow[]) },
    replies: {
      ...replies,
      async toLetters(letterIds) {
        if (letterIds.length === 0) return [];
        const rows = await db.selectFrom('replies').selectAll().where('letter_id', 'in', [...letterIds]).orderBy('received_date').orderBy('created_at').execute();
        return replies.fromRows(rows as RecordRow[]);
      },
    },
    docs: await createDocStore(db, [OFFICE_DOC, PREFERENCES_DOC] as DocSpec<unknown>[]),
    history: createHistoryQueries(db),
    commitmentsPage: (q, today) => queryCommitmentPage(db, q, today),
    dashboard: (today) => dashboardFromSql(db, today),
    reminders: (tomorrow) => reminderCandidates(db, tomorrow),
    allocateReference,
    async write(fn) {
      // Not until the open's check has passed: a damaged register is never written (DamagedRegisterError).
      await store.checked;
      return writeTransaction(store, fn);
    },
  };
}
