/**
 * Why carrying a JSON data folder over stopped, and what that means for the register the caller opened:
 *
 *   'unreadable'    a file of the JSON store cannot be read (the message names it)
 *   'invalid'       a record or document does not pass its schema, two records share an id, a record
 *                   names one that is not there, or a migration step failed
 *   'newer-version' the JSON store was written by a newer version of the app
 *   'write-failed'  SQLite refused the import (a full disk, a constraint): the transaction rolled back
 *   'not-empty'     the register already holds records that are not this store's import
 *   'mismatch'      the records read back from the register are not the ones in the JSON store
 *   'rename-failed' everything was imported and checked, but store/ could not be renamed
 *
 * `register` says what the caller does with the register:
 *   'untouched' nothing was written to it (a rolled-back transaction writes nothing); do not let the app
 *               work on it, as the office's records are still only in store/: show the message, and the
 *               next start tries again
 *   'discard'   it holds an import that failed its check: close it and set it aside
 *               (setAsideFailedImport), so that the next start imports again from the untouched store/
 *   'keep'      it holds the office's records: carry on with it and show the message as a note
 */
export type ImportErrorKind = 'unreadable' | 'invalid' | 'newer-version' | 'write-failed' | 'not-empty' | 'mismatch' | 'rename-failed';
export type RegisterAfterImportError = 'untouched' | 'discard' | 'keep';

const REGISTER_AFTER: Record<ImportErrorKind, RegisterAfterImportError> = {
  unreadable: 'untouched',
  invalid: 'untouched',
  'newer-version': 'untouched',
  'write-failed': 'untouched',
  'not-empty': 'keep',
  mismatch: 'discard',
  'rename-failed': 'keep',
};

export class ImportError extends Error {
  readonly kind: ImportErrorKind;
  readonly register: RegisterAfterImportError;
  /** The file concerned, relative to the data folder with forward slashes (e.g. "store/letters/07.json"), when there is one. */
  readonly file: string | null;

  constructor(kind: ImportErrorKind, message: string, options: { file?: string | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ImportError';
    this.kind = kind;
    this.register = REGISTER_AFTER[kind];
    this.file = options.file ?? null;
  }
}

/** Said of every failure that leaves the JSON store as it was, so the officer knows nothing was lost. */
export const NOTHING_CHANGED = 'Nothing was changed: your records stay in the old JSON store (the store folder) until they can be carried over.';
