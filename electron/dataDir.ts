import { isAbsolute, resolve } from 'node:path';

export const DATA_DIR_ENV = 'CORRESPONDENCE_DESK_DATA_DIR';

/**
 * Where the data lives: `--data-dir <path>` or `--data-dir=<path>` on the command line, else the
 * CORRESPONDENCE_DESK_DATA_DIR environment variable, else the folder chosen on this PC (the PC settings'
 * registerFolder), else the app's userData folder. Tests use the overrides; an office that keeps its
 * register on a shared drive chooses that folder once in the app.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string, savedFolder?: string | null): string {
  const i = argv.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='));
  const fromArgs = i === -1 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice('--data-dir='.length) : argv[i + 1];
  // A flag with no folder must not quietly open the default data (someone meant another folder).
  if (i !== -1 && (!fromArgs?.trim() || fromArgs.startsWith('--'))) throw new Error('--data-dir needs a folder, e.g. --data-dir "D:\\Correspondence"');
  const chosen = fromArgs?.trim() || env[DATA_DIR_ENV]?.trim() || savedFolder?.trim() || userData;
  return isAbsolute(chosen) ? chosen : resolve(chosen);
}
