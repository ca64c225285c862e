import { z } from 'zod';
import {
  ccGroupInput,
  contactInput,
  officeProfile,
  organisationInput,
  signatoryInput,
} from '../core/addressBook/schemas';
import { id, isoTimestamp } from '../core/addressBook/fields';
import { cleanLine } from '../core/text/cleanText';
import type { CcGroupView, ContactView, OrganisationView, SignatoryView } from '../core/addressBook/views';
import type { AppStatus } from '../core/appStatus';
import type { OfficeProfile } from '../core/addressBook/schemas';
import type { Result } from './result';
import { isoDate, letterContentSchema, letterStatus } from '../core/letters/letterSchema';
import { MAX_PAGE, type LetterPage } from '../core/letters/register';
import type { LetterDetail } from '../core/letters/views';
import type { TemplateDetail, TemplateSummary } from '../core/templates/types';
import type { BatchStatus } from '../core/export/batchStatus';
import { replyInputSchema, type Reply } from '../core/replies/replySchema';
import { SEND_METHODS, SIGN_METHODS } from '../core/signoff/signoff';
import type { PackData } from '../core/signoff/pack';
import { READINESS_ACTIONS } from '../core/readiness/actions';
import type { ReadinessReport } from '../core/readiness/gate';
import { commitmentStatus, evidenceSchema } from '../core/commitments/commitment';
import type { CommitmentPage } from '../core/commitments/register';
import type { CommitmentSuggestion } from '../core/commitments/suggest';
import type { DashboardSummary } from '../core/dashboard/summary';
import { preferencesSchema, type Preferences } from '../core/settings/preferences';
import { historyFilterSchema, type HistoryEntryView, type HistoryPageView } from '../core/history/history';

/** A backup of the register as the screens list it. */
export interface BackupSummary {
  id: string;
  createdAt: string;
  counts: { letters: number; replies: number; contacts: number; history: number };
}

/** This PC's settings as the Settings page shows them. */
export interface ThisPcView {
  officerName: string;
  dataDir: string;
  settingsFile: string;
  /** Why the settings file could not be read, if it could not (the defaults are then in use). */
  problem: string | null;
}

/** Preferences, and which open deadlines moved when they were saved. */
export interface PreferencesResult {
  preferences: Preferences;
  changed: { id: string; reference: string; before: string | null; after: string | null }[];
}
import type { CcEntry, Recipient } from '../core/letters/letterSchema';

/**
 * THE API between renderer and main: method name -> input schema -> result type. Main registers a handler
 * for every entry (see register.ts), the preload exposes one function per entry, and the renderer imports
 * only the types. Adding a method here without a handler fails to typecheck.
 */
function method<R>() {
  return <I extends z.ZodType>(input: I) => ({ input, result: null as unknown as R });
}

const none = z.object({}).strict().default({});
const byId = z.object({ id }).strict();
const listQuery = <S extends string>(sortKeys: readonly [S, ...S[]]) =>
  z
    .object({
      query: z.string().max(200, { error: 'A search is at most 200 characters.' }).default(''),
      sort: z.enum(sortKeys).default(sortKeys[0]),
      direction: z.enum(['asc', 'desc']).default('asc'),
      includeArchived: z.boolean().default(false),
    })
    .strict();
const update = <S extends z.ZodObject>(input: S) => z.object({ id, values: input }).strict();
const updateRefined = <S extends z.ZodType>(input: S) => z.object({ id, values: input }).strict();
const archive = z.object({ id, archived: z.boolean() }).strict();
const templateId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'Not a valid template name.' });
const reason = z.string().transform(cleanLine).pipe(z.string().min(1, { error: 'Give a reason: it is kept with the deadline’s history.' }).max(500));
/** A backup's folder name (its time stamp): never a path. */
const backupId = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, { error: 'Not a backup of this register.' });
const externalUrl = z.object({ url: z.string().max(2048) }).strict();
/** Why the officer goes past the pre-send check's warnings (or unfinished sign-off); kept on the letter. */
const overrideReason = z.string().max(1000).transform(cleanLine).optional();

export const contract = {
  'app.status': method<AppStatus>()(none),
  /** Open the register again after a start that found its disk full. */
  'app.retry': method<AppStatus>()(none),

  'app.openExternal': method<null>()(externalUrl),

  /** The register's backups: newest first; one made now; what restoring one would undo; restoring it. */
  'backups.list': method<BackupSummary[]>()(none),
  'backups.backupNow': method<BackupSummary>()(none),
  'backups.describeRestore': method<{ sentence: string; restorable: boolean }>()(z.object({ id: backupId }).strict()),
  'backups.restore': method<AppStatus>()(z.object({ id: backupId }).strict()),

  /** This PC's own settings: who the officer is (every change in the history carries it) and where things live. */
  'settings.getThisPc': method<ThisPcView>()(none),
  'settings.saveThisPc': method<ThisPcView>()(z.object({ officerName: z.string().transform(cleanLine).pipe(z.string().min(1, { error: 'Enter your name: it is kept with every change you make.' }).max(200)) }).strict()),
  'settings.getOffice': method<OfficeProfile>()(none),
  'settings.saveOffice': method<OfficeProfile>()(officeProfile.strict()),

  'organisations.list': method<OrganisationView[]>()(listQuery(['name', 'shortName', 'updatedAt'])),
  'organisations.get': method<OrganisationView>()(byId),
  'organisations.create': method<OrganisationView>()(organisationInput.strict()),
  'organisations.update': method<OrganisationView>()(update(organisationInput.strict())),
  'organisations.setArchived': method<OrganisationView>()(archive),

  'contacts.list': method<ContactView[]>()(
    listQuery(['familyName', 'givenName', 'organisation', 'role', 'updatedAt']).extend({ organisationId: id.optional() }),
  ),
  'contacts.get': method<ContactView>()(byId),
  'contacts.create': method<ContactView>()(contactInput),
  'contacts.update': method<ContactView>()(updateRefined(contactInput)),
  'contacts.setArchived': method<ContactView>()(archive),

  'signatories.list': method<SignatoryView[]>()(listQuery(['name', 'updatedAt'])),
  'signatories.get': method<SignatoryView>()(byId),
  'signatories.create': method<SignatoryView>()(signatoryInput.strict()),
  'signatories.update': method<SignatoryView>()(update(signatoryInput.strict())),
  'signatories.setArchived': method<SignatoryView>()(archive),

  'ccGroups.list': method<CcGroupView[]>()(listQuery(['name', 'updatedAt'])),
  'ccGroups.get': method<CcGroupView>()(byId),
  'ccGroups.create': method<CcGroupView>()(ccGroupInput.strict()),
  'ccGroups.update': method<CcGroupView>()(update(ccGroupInput.strict())),
  'ccGroups.setArchived': method<CcGroupView>()(archive),

  'letters.create': method<LetterDetail>()(
    z
      .object({
        templateId: templateId.nullable().default(null),
        contactId: id.nullable().default(null),
        letterDate: isoDate.optional(),
        manualReference: z.string().max(60).optional(),
      })
      .strict(),
  ),
  'letters.get': method<LetterDetail>()(byId),
  'letters.update': method<LetterDetail>()(
    z.object({ id, content: letterContentSchema, expectedUpdatedAt: isoTimestamp.optional() }).strict(),
  ),
  'letters.setStatus': method<LetterDetail>()(z.object({ id, status: letterStatus, overrideReason }).strict()),
  /** The pre-send check: every problem with the letter before an action, in one list. */
  'letters.check': method<ReadinessReport>()(z.object({ id, action: z.enum(READINESS_ACTIONS) }).strict()),
  'letters.delete': method<LetterDetail>()(byId),
  'letters.restore': method<LetterDetail>()(byId),
  'letters.list': method<LetterPage>()(
    z
      .object({
        query: z.string().max(200, { error: 'A search is at most 200 characters.' }).default(''),
        limit: z.number().int().min(1).max(MAX_PAGE).default(100),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        statuses: z.array(letterStatus).max(4).default([]),
        organisation: z.string().max(200).nullable().default(null),
        dateFrom: isoDate.nullable().default(null),
        dateTo: isoDate.nullable().default(null),
        sort: z.enum(['letterDate', 'reference', 'recipient', 'organisation', 'subject', 'status', 'deadlineDate', 'relevance']).default('letterDate'),
        direction: z.enum(['asc', 'desc']).default('desc'),
        bin: z.boolean().default(false),
        awaitingSignatory: id.nullable().default(null),
      })
      .strict(),
  ),
  'letters.organisations': method<string[]>()(none),
  'letters.recipientFromContact': method<Recipient>()(byId),
  'letters.ccFromContact': method<CcEntry>()(byId),
  'letters.ccFromGroup': method<CcEntry[]>()(byId),

  'templates.list': method<TemplateSummary[]>()(none),
  'templates.get': method<TemplateDetail>()(z.object({ id: templateId }).strict()),
  'templates.save': method<TemplateDetail>()(
    z.object({ id: templateId.nullable(), source: z.string().max(200 * 1024, { error: 'A template must be smaller than 200 KB.' }) }).strict(),
  ),
  'templates.duplicate': method<TemplateDetail>()(z.object({ id: templateId }).strict()),
  'templates.create': method<TemplateDetail>()(none),
  'templates.remove': method<null>()(z.object({ id: templateId }).strict()),

  'export.letter': method<{ status: 'saved'; path: string } | { status: 'cancelled' }>()(z.object({ id, overrideReason }).strict()),
  'export.startBatch': method<{ jobId: string; total: number } | null>()(
    z.object({ ids: z.array(id).min(1, { error: 'Choose at least one letter.' }).max(5000, { error: 'Export at most 5,000 letters at once.' }) }).strict(),
  ),
  'export.batchStatus': method<BatchStatus>()(z.object({ jobId: z.uuid() }).strict()),

  'letters.createChaser': method<LetterDetail>()(byId),
  /** Acknowledge a replied letter: a new letter from the acknowledgement template, following it up. */
  'letters.createAcknowledgement': method<LetterDetail>()(byId),
  'letters.changeDeadline': method<LetterDetail>()(
    z
      .object({
        id,
        change: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('extension'), days: z.number().int().min(1).max(366), dayKind: z.enum(['calendar', 'working']), reason }),
          z.object({ kind: z.literal('extension-to'), date: isoDate, reason }),
          z.object({ kind: z.literal('override'), date: isoDate, reason }),
        ]),
      })
      .strict(),
  ),
  'replies.create': method<LetterDetail>()(replyInputSchema.strict()),
  'replies.attachFiles': method<Reply>()(byId),
  'replies.openAttachment': method<null>()(z.object({ replyId: id, attachmentId: id }).strict()),
  'commitments.setStatus': method<LetterDetail>()(
    z.object({ letterId: id, commitmentId: id, status: commitmentStatus, date: isoDate, evidence: evidenceSchema.nullable().default(null) }).strict(),
  ),
  'commitments.list': method<CommitmentPage>()(
    z
      .object({
        query: z.string().max(200).default(''),
        limit: z.number().int().min(1).max(MAX_PAGE).default(100),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        organisation: z.string().max(200).nullable().default(null),
        statuses: z.array(commitmentStatus).max(5).default([]),
        overdueOnly: z.boolean().default(false),
        tag: z.string().max(40).nullable().default(null),
      })
      .strict(),
  ),
  'commitments.suggest': method<CommitmentSuggestion[]>()(byId),
  'commitments.tags': method<string[]>()(none),
  'dashboard.summary': method<DashboardSummary>()(none),
  'settings.getPreferences': method<PreferencesResult>()(none),
  'settings.savePreferences': method<PreferencesResult>()(preferencesSchema.strict()),

  'signoff.record': method<LetterDetail>()(
    z
      .object({
        letterId: id,
        signatoryId: id,
        entry: z.discriminatedUnion('state', [
          z.object({ state: z.literal('signed'), date: isoDate, method: z.enum(SIGN_METHODS) }),
          z.object({ state: z.literal('declined'), comment: z.string().transform(cleanLine).pipe(z.string().min(1, { error: 'Say why, in a few words.' }).max(1000)) }),
          z.object({ state: z.literal('awaiting') }),
        ]),
      })
      .strict(),
  ),
  'letters.markSent': method<LetterDetail>()(
    z.object({ id, date: isoDate, method: z.enum(SEND_METHODS), overrideReason }).strict(),
  ),
  'print.packData': method<PackData>()(z.object({ ids: z.array(id).min(1).max(500) }).strict()),
  'print.savePdf': method<{ status: 'saved'; path: string; pages: number } | { status: 'cancelled' }>()(
    z.object({ suggestedName: z.string().max(200) }).strict(),
  ),
  'print.printDialog': method<null>()(none),

  /** Who changed what: one letter's history (its replies' too), the office's, and the office's as CSV. */
  'history.ofLetter': method<HistoryEntryView[]>()(byId),
  'history.list': method<HistoryPageView>()(
    historyFilterSchema.extend({ limit: z.number().int().min(1).max(MAX_PAGE).default(100), offset: z.number().int().min(0).max(10_000_000).default(0) }).strict(),
  ),
  'history.officers': method<string[]>()(none),
  'history.exportCsv': method<{ status: 'saved'; path: string; rows: number } | { status: 'cancelled' }>()(historyFilterSchema),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type ResultOf<M extends MethodName> = Contract[M]['result'];

/** What the renderer sees as `window.desk`. */
export type DeskApi = { [M in MethodName]: (input: InputOf<M>) => Promise<Result<ResultOf<M>>> };
/** What the services must provide: one function per method, taking already-validated input. */
export type Handlers = { [M in MethodName]: (input: ParsedInputOf<M>) => Promise<ResultOf<M>> };

