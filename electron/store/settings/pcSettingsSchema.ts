import { z } from 'zod';
import { isoDate } from '../../core/letters/isoDate';

/**
 * This PC's own settings: which data folder to open, who is using it, where the window was. They are kept
 * in the app's user-data folder, never in the data folder, which several PCs may share. Every field is
 * bounded, because the file is read before anything else and a hostile or damaged one must cost nothing.
 */
export const PC_SETTINGS_VERSION = 1;
/** 20,000 reminder keys of ~80 characters are 1.6 MB; a file much larger is not ours. */
export const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;
export const MAX_LISTS = 50;
export const MAX_COLUMNS = 100;
export const MAX_NOTIFIED = 20_000;

// Shown in the window and written into letters: no control or direction-changing characters.
const printable = (s: string) => !/[\p{Cc}\p{Cf}]/u.test(s);
/** An absolute path on Windows (D:\…, \\server\share) or elsewhere (/…): a relative one would depend on where the app was started. */
const absolutePath = (s: string) => /^(?:[A-Za-z]:[\\/]|\\\\[^\\]|\/)/.test(s);
/** Register and column names are ours (letters, replies, reference, dueDate…): plain identifiers, never "__proto__". */
const key = z.string().regex(/^[A-Za-z][\w.-]{0,63}$/, { error: 'Use a plain name.' });

export const registerFolderSchema = z
  .string()
  .max(4096)
  .refine(printable, { error: 'The folder name has characters that cannot be in a folder name.' })
  .refine(absolutePath, { error: 'Give the whole folder path, e.g. D:\\Correspondence.' })
  .nullable();

export const officerNameSchema = z.string().trim().min(1, { error: 'Enter a name.' }).max(200).refine(printable, { error: 'The name has characters that cannot be printed.' });

const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(1).max(100_000);
export const windowStateSchema = z.object({ x: coordinate, y: coordinate, width: extent, height: extent, maximised: z.boolean() }).nullable();

export const listStateSchema = z.object({
  sortColumn: key.nullable(),
  sortDirection: z.enum(['asc', 'desc']),
  columnWidths: z
    .record(key, z.number().min(0).max(10_000))
    .refine((widths) => Object.keys(widths).length <= MAX_COLUMNS, { error: `At most ${MAX_COLUMNS} columns.` }),
});

export const listsSchema = z.record(key, listStateSchema).refine((lists) => Object.keys(lists).length <= MAX_LISTS, { error: `At most ${MAX_LISTS} lists.` });

/** Which reminders this PC has shown, so each is shown once (it was the records store's 'reminders' document). */
export const remindersShownSchema = z.object({
  lastRun: isoDate.nullable(),
  notified: z.array(z.string().min(1).max(300)).max(MAX_NOTIFIED),
});

/** One schema per field, so that a bad field costs only itself when a file is read (see pcSettings.ts). */
export const pcSettingsFields = {
  registerFolder: registerFolderSchema,
  officerName: officerNameSchema,
  window: windowStateSchema,
  lists: listsSchema,
  remindersShown: remindersShownSchema,
} as const;

export const pcSettingsSchema = z.object(pcSettingsFields);

export type WindowState = NonNullable<z.output<typeof windowStateSchema>>;
export type ListState = z.output<typeof listStateSchema>;
export type RemindersShown = z.output<typeof remindersShownSchema>;
export type PcSettingsData = z.output<typeof pcSettingsSchema>;
export type PcSettingsField = keyof typeof pcSettingsFields;

/** What each field is called in a message to the user. */
export const fieldNames: Record<PcSettingsField, string> = {
  registerFolder: 'which data folder to open',
  officerName: "the officer's name",
  window: 'the window position',
  lists: 'the sorting and column widths of lists',
  remindersShown: 'which reminders have been shown',
};

export function defaultPcSettings(officerName: string): PcSettingsData {
  return { registerFolder: null, officerName, window: null, lists: {}, remindersShown: { lastRun: null, notified: [] } };
}
