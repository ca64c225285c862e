/**
 * Why a register file was not opened, in words an officer can act on (and support can search for).
 * Every message names the file and says it was left as it was: when a file is refused, nothing has
 * written to it, so it can still be restored from a backup or sent to support exactly as found.
 */
export type DatabaseProblemKind =
  | 'empty'
  | 'zero-filled'
  | 'not-sqlite'
  | 'truncated'
  | 'foreign'
  | 'newer-version'
  | 'damaged'
  | 'orphan-journal'
  | 'io';

export interface DatabaseProblem {
  file: string;
  kind: DatabaseProblemKind;
  message: string;
}

const untouched = 'Nothing in it has been changed.';

export const databaseProblems = {
  empty: (file: string): DatabaseProblem => ({
    file,
    kind: 'empty',
    message: `The register file “${file}” is empty (0 bytes): its contents have been lost. ${untouched}`,
  }),
  zeroFilled: (file: string): DatabaseProblem => ({
    file,
    kind: 'zero-filled',
    message: `The register file “${file}” has been overwritten with zero bytes, as a failing disk or a sync program can leave a file. ${untouched}`,
  }),
  notSqlite: (file: string): DatabaseProblem => ({
    file,
    kind: 'not-sqlite',
    message: `The file “${file}” is not a Correspondence Desk register (it is not a SQLite database at all). ${untouched}`,
  }),
  truncated: (file: string, size: number, expected: number): DatabaseProblem => ({
    file,
    kind: 'truncated',
    message: `The register file “${file}” has been cut short: it holds ${size.toLocaleString('en-GB')} bytes of the ${expected.toLocaleString('en-GB')} it should. ${untouched}`,
  }),
  foreign: (file: string): DatabaseProblem => ({
    file,
    kind: 'foreign',
    message: `The file “${file}” is a SQLite database made by another program, not a Correspondence Desk register. ${untouched}`,
  }),
  newerVersion: (file: string, found: number, known: number): DatabaseProblem => ({
    file,
    kind: 'newer-version',
    message: `The register file “${file}” was written by a newer version of Correspondence Desk (register version ${found}; this version reads up to ${known}). Update the app to open it. ${untouched}`,
  }),
  damaged: (file: string, detail: string): DatabaseProblem => ({
    file,
    kind: 'damaged',
    message: `The register file “${file}” is damaged (SQLite’s check says: ${detail}). ${untouched}`,
  }),
  orphanJournal: (file: string, journal: string): DatabaseProblem => ({
    file,
    kind: 'orphan-journal',
    message: `The register file “${file}” is missing, but its journal “${journal}” is still there: the register has been moved or deleted. A new register was not started, so that journal can still be recovered.`,
  }),
  io: (file: string, err: unknown): DatabaseProblem => ({
    file,
    kind: 'io',
    message: `The register file “${file}” could not be read (${err instanceof Error ? err.message : String(err)}). ${untouched}`,
  }),
};

/**
 * The register opened, but its check (run after the open, off the main thread) found it damaged or could
 * not read it: every write refuses with this, so nothing is written to it, and `problem` is what the
 * open itself would have returned had it waited for the check.
 */
export class DamagedRegisterError extends Error {
  constructor(readonly problem: DatabaseProblem) {
    super(`${problem.message} Nothing can be saved to it now: restore a backup of the register to carry on.`);
    this.name = 'DamagedRegisterError';
  }
}
