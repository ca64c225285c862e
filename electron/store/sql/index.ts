/**
 * The office's register in SQLite (issue 10): one file, `better-sqlite3` under Kysely, the one typed
 * query layer, so that issue 11 can run the same queries on PostgreSQL.
 *
 *   openDatabase(file)          refuses what is not our register (each reason in openProblems.ts) and
 *                               leaves it untouched; makes a new one; migrates an older one; its
 *                               quick_check runs in a worker (checkInWorker.ts), and writes wait for it
 *   schema.ts                   every table's row type (the Kysely `Database`)
 *   migrations/NNN_*.ts         the schema's steps, in order, recorded in PRAGMA user_version
 *   history.ts                  the append-only history of changes
 *   letters/                    the letters repository: save (row, commitments, search, history in one
 *                               transaction), read, the register's page query, the bulk import
 *   importJson/                 carrying a data folder's JSON store over, once, in one transaction,
 *                               checked record by record, the old store/ renamed and kept
 *   records/                    the address book and replies: one row each, their children, history
 *   register/                   the Register the services use: every repository, the dashboard, the
 *                               commitments register, reminders, references, documents, the history
 *   transaction.ts              write transactions (BEGIN IMMEDIATE; SQLite's own error kept)
 *   backup/                     backups (online backup API, checked), their schedule, restore
 *
 * The lock that keeps a second app off the data folder is the services' (dataDirLock.ts): it covers
 * the whole folder, not just this file.
 */
export { openDatabase } from './openDatabase';
export type { OpenDatabaseResult, SqlStore } from './openDatabase';
export { DamagedRegisterError } from './openProblems';
export type { DatabaseProblem, DatabaseProblemKind } from './openProblems';
export { checkInWorker, CheckFailedError } from './checkInWorker';
export type { CheckPragma } from './checkInWorker';
export { SCHEMA_VERSION } from './migrations';
export { APPLICATION_ID } from './migrate';
export type { SqlMigration } from './migrate';
export type { Database } from './schema';
export { appendHistory, historyOf } from './history';
export type { FieldChange, HistoryAction, HistoryEntry, HistoryRecordType } from './history';
export { createLetterRepository, VersionConflictError } from './letters/letterRepository';
export type { LetterRepository, SaveLetterOptions, SavedLetter, StoredLetter } from './letters/letterRepository';
export type { LetterPage, LetterPageQuery } from './letters/queryLetters';
export { UnreadableLetterError } from './letters/letterRows';
export { ftsQuery } from './searchQuery';
export { sortKey } from './sortKey';
export { createRegister, OFFICE_DOC, PREFERENCES_DOC } from './register/register';
export type { Register, Writer } from './register/register';
export type { DocSpec } from './register/docStore';
export type { CommitmentPage, CommitmentPageQuery } from './register/commitmentQueries';
export type { HistoryQuery } from './register/historyQueries';
export { UnreadableRecordError } from './records/recordTable';
export { importJsonStore, setAsideFailedImport, ImportError, lastImport, IMPORT_MARKER, IMPORT_REASON } from './importJson';
export type { ImportJsonOptions, ImportReport, ImportErrorKind, RegisterAfterImportError, JsonImportNote, JsonStoreSpec, ImportProgress, ImportStep } from './importJson';
