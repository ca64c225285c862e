import { z } from 'zod';
import { formatDateTime } from '../dates/britishDate';
import { formatIsoDate, ISO_DATE } from '../dates/londonDate';
import { isoDate } from '../letters/isoDate';
import type { LetterStatus } from '../letters/letterSchema';
import { STATUS_LABELS } from '../letters/status';

/** The kinds of record the history speaks of, and the words the screens use for them. */
export const HISTORY_RECORD_TYPES = ['letter', 'reply', 'organisation', 'contact', 'signatory', 'cc-group', 'doc'] as const;
export type HistoryRecordType = (typeof HISTORY_RECORD_TYPES)[number];

export const RECORD_TYPE_LABELS: Record<HistoryRecordType, string> = {
  letter: 'Letter',
  reply: 'Reply',
  organisation: 'Organisation',
  contact: 'Contact',
  signatory: 'Signatory',
  'cc-group': 'CC group',
  doc: 'Settings',
};

export type HistoryAction =
  | 'create'
  | 'edit'
  | 'archive'
  | 'unarchive'
  | 'bin'
  | 'restore'
  | 'purge'
  | 'sign-off'
  | 'send'
  | 'reply'
  | 'deadline'
  | 'commitment-status'
  | 'import';

export const ACTION_LABELS: Record<HistoryAction, string> = {
  create: 'Created',
  edit: 'Changed',
  archive: 'Archived',
  unarchive: 'Brought back from the archive',
  bin: 'Moved to the bin',
  restore: 'Restored from the bin',
  purge: 'Removed for good',
  'sign-off': 'Sign-off recorded',
  send: 'Sent',
  reply: 'Reply recorded',
  deadline: 'Deadline changed',
  'commitment-status': 'Commitment status changed',
  import: 'Carried over from the old register',
};

/** One field's value before and after; null before = added, null after = removed. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One row of the history: who did what to which record, when, and why where they were asked. */
export interface HistoryEntry {
  id: number;
  at: string;
  by: string;
  recordType: HistoryRecordType;
  recordId: string;
  action: HistoryAction;
  changes: FieldChange[];
  reason: string | null;
}

/** An entry as the screens show it: with the record named (a letter by its reference, a person by name). */
export interface HistoryEntryView extends HistoryEntry {
  recordLabel: string;
  /** The letter to open for this entry (the letter itself, or the letter a reply answers), if any. */
  letterId: string | null;
}

export interface HistoryPageView {
  rows: HistoryEntryView[];
  total: number;
}

export const historyFilterSchema = z
  .object({
    by: z.string().max(200).nullable().default(null),
    recordType: z.enum(HISTORY_RECORD_TYPES).nullable().default(null),
    dateFrom: isoDate.nullable().default(null),
    dateTo: isoDate.nullable().default(null),
  })
  .strict();
export type HistoryFilter = z.output<typeof historyFilterSchema>;

/** A field's name as an officer reads it: `commitment:<id>` is that commitment, camelCase becomes words. */
export function fieldLabel(field: string): string {
  if (field.startsWith('commitment:')) return 'Commitment';
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A value in a sentence or a spreadsheet cell: a date as `17 March 2022`, a time as London time, a letter's
 * status in words, other text as it is, anything else as compact JSON.
 */
export function valueText(value: unknown, max = 2000): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'string' && ISO_DATE.test(value)) text = formatIsoDate(value);
  else if (typeof value === 'string' && ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) text = formatDateTime(value);
  else if (typeof value === 'string' && value in STATUS_LABELS) text = STATUS_LABELS[value as LetterStatus];
  else text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const quote = (v: unknown, max = 80) => {
  const t = valueText(v, max);
  return t === '' ? 'nothing' : `“${t}”`;
};
const isPlain = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * One change in a sentence an officer can read: a short value before and after; a long or structured one
 * (the body, the recipient block) only named, as its whole text would drown the list. A commitment says
 * its wording and where it now stands.
 */
export function describeChange(c: FieldChange): string {
  if (c.field.startsWith('commitment:')) {
    const after = c.after as { text?: string; history?: { status?: string }[] } | null;
    const before = c.before as { text?: string } | null;
    if (!after) return `Commitment ${quote(before?.text)} removed`;
    const status = after.history?.[after.history.length - 1]?.status;
    return `Commitment ${quote(after.text)}${before ? '' : ' added'}${status ? `: ${status.replace('-', ' ')}` : ''}`;
  }
  const label = fieldLabel(c.field);
  if (isPlain(c.before) && isPlain(c.after) && valueText(c.before).length <= 80 && valueText(c.after).length <= 80) return `${label}: ${quote(c.before)} → ${quote(c.after)}`;
  return `${label} changed`;
}
