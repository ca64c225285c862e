/** Where an import is, for a "carrying your records over" screen: `done` of `total` records in this step. */
export type ImportStep = 'reading' | 'writing' | 'checking' | 'renaming';
export interface ImportProgress {
  step: ImportStep;
  done: number;
  total: number;
}
export type ProgressListener = (progress: ImportProgress) => void;

/**
 * Let the event loop run between batches. SQLite's calls are synchronous, and a chain of awaits on
 * promises that are already resolved never reaches the event loop either: without this, an import of
 * ten years of letters would keep Electron's main process from answering for the whole of it.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Records per batch between two yields: a few tens of milliseconds of work. */
export const BATCH = 500;
