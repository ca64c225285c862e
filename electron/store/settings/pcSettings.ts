import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { Low } from 'lowdb';
import { fsyncDir } from '../atomicWrite';
import { DurableJsonFile } from '../durableJsonFile';
import { errorCode, nodeFs } from '../fsSeam';
import type { StoreFs } from '../fsSeam';
import { describeError, problems, StoreFileError } from '../problems';
import { deepFreeze, isPlainObject } from '../records';
import { formatStamp, unusedName } from '../stamp';
import type { StoreProblemKind } from '../types';
import { StoreValidationError } from '../validationError';
import { defaultPcSettings, fieldNames, MAX_SETTINGS_BYTES, officerNameSchema, pcSettingsFields, pcSettingsSchema, PC_SETTINGS_VERSION } from './pcSettingsSchema';
import type { PcSettingsData, PcSettingsField } from './pcSettingsSchema';

export type PcSettingsChange = Partial<PcSettingsData> | ((current: Readonly<PcSettingsData>) => Partial<PcSettingsData>);

export interface PcSettings {
  readonly file: string;
  /**
   * Set when the file could not be read, or parts of it: a sentence for the user saying what was reset and
   * where the old file was kept. Null when the file was fine or did not exist yet.
   */
  readonly problem: string | null;
  /** Where the unreadable file was kept, or null. */
  readonly keptAs: string | null;
  get(): Readonly<PcSettingsData>;
  /**
   * Change some fields (a shallow merge: to change one list's state, pass a function that spreads
   * `current.lists`). Changes are applied one at a time in call order, a function seeing the result of the
   * ones before. Rejects with a StoreValidationError, changing nothing, when the result is not valid; and
   * with an Error saying so when the file cannot be written (a full disk): the settings then stay as they
   * were, in memory and on disk.
   */
  update(change: PcSettingsChange): Promise<PcSettingsData>;
}

export interface OpenPcSettingsOptions {
  /** The operating system's name for the user (electron/services/officerName.ts): the store knows no platforms. */
  defaultOfficerName: string;
  fs?: StoreFs;
  now?: () => Date;
}

/** What lowdb keeps: the settings, the version, and fields a newer version added, kept for it. */
type SettingsFile = PcSettingsData & { version: number } & Record<string, unknown>;

/**
 * Open this PC's settings file (settingsFile() in dataFolder.ts). Never throws because of what the file
 * holds: a file that cannot be read at all is moved aside to `settings.json.bad-<stamp>` and the defaults are
 * used; a file with some bad fields is copied there, and only those fields get their defaults, so that a
 * bad window size does not also forget which data folder to open. Either way `problem` says so.
 */
export async function openPcSettings(file: string, options: OpenPcSettingsOptions): Promise<PcSettings> {
  const fs = options.fs ?? nodeFs;
  const now = options.now ?? (() => new Date());
  const officer = officerNameSchema.safeParse(options.defaultOfficerName);
  const defaults = defaultPcSettings(officer.success ? officer.data : 'Officer');

  let reset: PcSettingsField[] = [];
  const adapter = new DurableJsonFile<SettingsFile>(file, path.basename(file), (raw, label) => {
    const read = readSettings(raw, label, defaults);
    reset = read.reset;
    return read.file;
  }, fs);
  const low = new Low<SettingsFile>(adapter, { version: PC_SETTINGS_VERSION, ...defaults });

  let problem: string | null = null;
  let keptAs: string | null = null;
  const unreadable = async (why: string) => {
    low.data = { version: PC_SETTINGS_VERSION, ...defaults };
    keptAs = await keepAside(file, now(), fs, 'move');
    problem = keptAs
      ? `Your settings file (${file}) could not be read (${why}), so the defaults are used; the old file is kept as ${keptAs}.`
      : `Your settings file (${file}) could not be read (${why}), so the defaults are used.`;
  };
  const size = await fsp.stat(file).then((st) => st.size, (err: unknown) => (errorCode(err) === 'ENOENT' ? 0 : -1));
  if (size > MAX_SETTINGS_BYTES) {
    await unreadable(`it is ${(size / 1024 / 1024).toFixed(1)} MB, far larger than settings ever are`);
  } else {
    try {
      await low.read();
      if (reset.length > 0) {
        keptAs = await keepAside(file, now(), fs, 'copy');
        const what = reset.map((f) => fieldNames[f]).join(', ');
        problem = `Some of your settings in ${file} could not be read (${what}), so their defaults are used${keptAs ? `; the old file is kept as ${keptAs}` : ''}.`;
        // Written now, so that the next start reads good settings (and does not copy the file aside again).
        await low.write().catch(() => undefined);
      }
    } catch (err) {
      // Whatever went wrong, the app must start: a hostile file can make even JSON.parse fail in odd ways.
      await unreadable(err instanceof StoreFileError ? reasonFor(err) : describeError(err));
    }
  }

  let current = deepFreeze(settingsOf(low.data));
  let queue: Promise<unknown> = Promise.resolve();
  return {
    file,
    get problem() {
      return problem;
    },
    get keptAs() {
      return keptAs;
    },
    get: () => current,
    update: (change) => {
      const run = async () => {
        const patch = typeof change === 'function' ? change(current) : change;
        const checked = pcSettingsSchema.safeParse({ ...current, ...patch });
        if (!checked.success) throw new StoreValidationError('settings', checked.error.issues);
        const before = low.data;
        low.data = { ...before, ...checked.data, version: PC_SETTINGS_VERSION };
        try {
          await low.write();
        } catch (err) {
          low.data = before;
          const full = errorCode(err) === 'ENOSPC' || errorCode(err) === 'EDQUOT';
          throw new Error(
            `Your settings could not be saved to ${file} (${full ? 'the disk is full' : describeError(err)}); the change was not kept.`,
            { cause: err },
          );
        }
        current = deepFreeze(structuredClone(checked.data));
        return current;
      };
      const result = queue.then(run);
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

const reasons: Record<StoreProblemKind, string> = {
  empty: 'it is empty, perhaps cut short by a crash or a full disk',
  truncated: 'it stops part-way through, perhaps cut short by a crash or a full disk',
  null: 'it holds no settings',
  'nul-bytes': 'it holds zero bytes instead of text, as after a power cut while saving',
  'not-json': 'it is not a settings file: it may have been edited by hand or damaged',
  'wrong-shape': 'it is not a settings file: it may have been edited by hand or damaged',
  'newer-version': 'it was written by a newer version',
  io: 'it could not be opened',
};

function reasonFor(err: StoreFileError): string {
  return err.problem.kind === 'io' && err.cause ? `${reasons.io}: ${describeError(err.cause)}` : reasons[err.problem.kind];
}

/** Each field on its own: a good field is kept even when another is bad. Unknown fields are kept as they are. */
function readSettings(raw: unknown, label: string, defaults: PcSettingsData): { file: SettingsFile; reset: PcSettingsField[] } {
  if (!isPlainObject(raw)) throw new StoreFileError(problems.wrongShape(label, 'it is not a JSON object'));
  const settings: Record<string, unknown> = {};
  const reset: PcSettingsField[] = [];
  for (const [name, schema] of Object.entries(pcSettingsFields) as [PcSettingsField, (typeof pcSettingsFields)[PcSettingsField]][]) {
    const parsed = Object.hasOwn(raw, name) ? schema.safeParse(raw[name]) : { success: true as const, data: defaults[name] };
    if (parsed.success) settings[name] = parsed.data;
    else {
      settings[name] = defaults[name];
      reset.push(name);
    }
  }
  return { file: { ...keptUnknown(raw), ...(settings as PcSettingsData), version: PC_SETTINGS_VERSION }, reset };
}

/**
 * Fields a newer version added, to write back unchanged. Dropped: "__proto__" (no version of ours uses it,
 * and copied carelessly it replaces a prototype), and values that cannot be written again (one nested a
 * million deep parses, but JSON.stringify then overflows the stack).
 */
function keptUnknown(raw: Record<string, unknown>): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (Object.hasOwn(pcSettingsFields, name) || name === 'version' || name === '__proto__') continue;
    try {
      JSON.stringify(value);
    } catch {
      continue;
    }
    extra[name] = value;
  }
  return extra;
}

function settingsOf(data: SettingsFile): PcSettingsData {
  const { registerFolder, officerName, window, lists, remindersShown } = data;
  return { registerFolder, officerName, window, lists, remindersShown };
}

/**
 * Keep an unreadable settings file as `<name>.bad-<stamp>` beside it, for support. Moved when it is of no
 * use; copied when parts of it are still used. Null if that failed too: the defaults are used regardless.
 */
async function keepAside(file: string, now: Date, fs: StoreFs, how: 'move' | 'copy'): Promise<string | null> {
  const dir = path.dirname(file);
  try {
    const target = path.join(dir, await unusedName(dir, `${path.basename(file)}.bad-${formatStamp(now)}`));
    if (how === 'move') await fs.rename(file, target);
    else await fsp.copyFile(file, target, fsp.constants.COPYFILE_EXCL);
    await fsyncDir(dir, fs);
    return target;
  } catch {
    return null;
  }
}
