import type { StoreProblem, StoreProblemKind } from './types';

/** Thrown by file readers for every bad file, so callers can never mistake damage for "no data yet". */
export class StoreFileError extends Error {
  readonly problem: StoreProblem;
  constructor(problem: StoreProblem, options?: { cause?: unknown }) {
    super(problem.message, options);
    this.name = 'StoreFileError';
    this.problem = problem;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function problem(file: string, kind: StoreProblemKind, message: string): StoreProblem {
  return { file, kind, message };
}

// The messages are shown to office staff, so they say what is wrong and what probably caused it,
// in plain words, and always name the file so support can find it.
export const problems = {
  empty: (file: string) =>
    problem(file, 'empty', `${file} is empty (0 bytes); it may have been cut short by a crash or a full disk.`),
  blank: (file: string, bytes: number) =>
    problem(
      file,
      'empty',
      `${file} contains only blank space (${plural(bytes, 'byte')}) and no data; it may have been cut short by a crash or a full disk.`,
    ),
  truncated: (file: string, bytes: number) =>
    problem(
      file,
      'truncated',
      `${file} stops part-way through its data (${plural(bytes, 'byte')}); it was probably cut short by a crash or a full disk.`,
    ),
  null: (file: string) =>
    problem(
      file,
      'null',
      `${file} contains only the word "null" instead of data; it may have been damaged by a crash or by another program.`,
    ),
  nulBytes: (file: string) =>
    problem(
      file,
      'nul-bytes',
      `${file} contains blank (zero) bytes instead of text; this usually happens when the computer lost power while saving.`,
    ),
  notJson: (file: string, detail: string) =>
    problem(
      file,
      'not-json',
      `${file} is not readable data (${detail}); it may have been edited by hand or damaged.`,
    ),
  wrongShape: (file: string, detail: string) =>
    problem(
      file,
      'wrong-shape',
      `${file} does not have the layout Correspondence Desk expects (${detail}); it may have been edited by hand or written by another program.`,
    ),
  newerVersion: (file: string, found: number, supported: number) =>
    problem(
      file,
      'newer-version',
      `${file} was written by a newer version of Correspondence Desk (data version ${found}; this app reads up to ${supported}). Update the app, or restore a backup.`,
    ),
  metaMissing: (file: string) =>
    problem(
      file,
      'io',
      `${file} is missing, although the store folder contains data files; the folder may be incomplete or copied from elsewhere. Restore a backup, or contact support.`,
    ),
  storeMissing: (file: string) =>
    problem(
      file,
      'io',
      `The ${file} folder is missing or empty, but backups exist; the data may have been moved or deleted. Restore the newest backup, or contact support.`,
    ),
  io: (file: string, err: unknown) =>
    problem(file, 'io', `${file} could not be read or written (${describeError(err)}).`),
  migrationFailed: (file: string, detail: string) =>
    problem(
      file,
      'wrong-shape',
      `The data could not be updated to the new version (${detail}); nothing was changed. Restore a backup, or contact support.`,
    ),
};

export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}
