/**
 * Carrying a data folder's JSON store (versions before the SQLite register) over into the register, once,
 * on the first open of such a folder: see importJsonStore.ts for the steps and why a kill at any moment is
 * safe, importError.ts for what each failure means to the caller, marker.ts for the note the app shows.
 */
export { importJsonStore, setAsideFailedImport } from './importJsonStore';
export type { ImportJsonOptions, ImportReport } from './importJsonStore';
export { ImportError } from './importError';
export type { ImportErrorKind, RegisterAfterImportError } from './importError';
export { lastImport, IMPORT_MARKER } from './marker';
export type { JsonImportNote } from './marker';
export type { JsonStoreSpec } from './readJsonStore';
export { IMPORT_REASON } from './writeImport';
export type { ImportProgress, ImportStep, ProgressListener } from './progress';
