import Papa from 'papaparse';
import { formatDateTime } from '../../core/dates/britishDate';
import { ACTION_LABELS, fieldLabel, RECORD_TYPE_LABELS, valueText, type HistoryEntryView } from '../../core/history/history';

export const HISTORY_CSV_HEADER = ['When', 'Officer', 'Record type', 'Record', 'Action', 'Field', 'Before', 'After', 'Reason'] as const;

/**
 * The history as spreadsheet rows: one per field changed (an entry that changed no field, a send say, gets
 * one row), so a filter on Field or Officer in Excel answers "who changed this deadline". Times are London
 * time as the app shows them.
 */
export function historyCsvRows(entries: readonly HistoryEntryView[]): string[][] {
  return entries.flatMap((e) => {
    const common = [formatDateTime(e.at), e.by, RECORD_TYPE_LABELS[e.recordType] ?? e.recordType, e.recordLabel, ACTION_LABELS[e.action] ?? e.action];
    const reason = e.reason ?? '';
    if (e.changes.length === 0) return [[...common, '', '', '', reason]];
    return e.changes.map((c) => [...common, fieldLabel(c.field), valueText(c.before), valueText(c.after), reason]);
  });
}

/**
 * CSV text for Excel: CRLF lines, every field quoted where needed (papaparse), and a cell that starts with
 * = + - @ (or a tab or return) escaped so a spreadsheet never runs it as a formula: an officer's text, or a
 * hostile subject in a letter that came in, must not become a command. The caller adds the BOM.
 */
export function toCsv(rows: readonly (readonly string[])[], header = true): string {
  return Papa.unparse(header ? [[...HISTORY_CSV_HEADER], ...rows.map((r) => [...r])] : rows.map((r) => [...r]), { newline: '\r\n', escapeFormulae: true, quotes: false });
}
