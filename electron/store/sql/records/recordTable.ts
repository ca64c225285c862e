import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { StoreValidationError } from '../../validationError';
import { appendHistory, fieldChanges } from '../history';
import type { HistoryAction, HistoryRecordType } from '../history';
import type { Database } from '../schema';

/** The tables that hold one record per row in the common shape (id, version, times, columns, `data`). */
export type RecordTableName = 'organisations' | 'contacts' | 'signatories' | 'cc_groups' | 'replies';

export interface RecordRow {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  data: string;
  [column: string]: unknown;
}

interface TimedRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * How one kind of record becomes a row and back. `columns` are the fields that have a column of their own
 * (and so are not repeated in `data`); `restore` puts them back. `children` are rows in other tables that
 * belong to the record (a group's members, a reply's answers), replaced on each save.
 */
export interface RecordMapping<T extends TimedRecord> {
  table: RecordTableName;
  recordType: HistoryRecordType;
  /** The name a validation error gives (the JSON store's collection name, which forms already know). */
  label: string;
  schema: z.ZodType<T>;
  columns(record: T): { columns: Record<string, unknown>; omit: readonly string[] };
  restore(row: RecordRow): Record<string, unknown>;
  children?: {
    write(trx: Kysely<Database>, record: T): Promise<void>;
    read(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>>;
  };
}

export interface SaveOptions {
  by: string;
  action: HistoryAction;
  reason?: string | null;
  at: string;
}

export interface RecordTable<T extends TimedRecord> {
  get(id: string): Promise<T | undefined>;
  getMany(ids: readonly string[]): Promise<Map<string, T>>;
  /** Rows already selected (selectAll) from this table, as records, children included. */
  fromRows(rows: readonly RecordRow[]): Promise<T[]>;
  /** Validate, write the row and its children, and the history row, in the caller's transaction. */
  save(trx: Kysely<Database>, record: T, options: SaveOptions): Promise<T>;
}

/** Thrown when a stored row no longer passes its schema: a bug or a hand edit, never an officer's doing. */
export class UnreadableRecordError extends Error {
  constructor(label: string, id: string, detail: string) {
    super(`The stored ${label} record ${id} cannot be read: ${detail}`);
    this.name = 'UnreadableRecordError';
  }
}

export function recordTable<T extends TimedRecord>(db: Kysely<Database>, m: RecordMapping<T>): RecordTable<T> {
  // The table name is one of five fixed names; Kysely cannot type a query over "any of these tables", so
  // the row is typed here once, by RecordRow, rather than at each caller.
  const from = (on: Kysely<Database>) => on.selectFrom(m.table as 'organisations').selectAll();

  const parse = (row: RecordRow, children: Record<string, unknown> | undefined): T => {
    const parsed = m.schema.safeParse({
      ...(JSON.parse(row.data) as Record<string, unknown>),
      ...m.restore(row),
      ...children,
      id: row.id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
    if (!parsed.success) throw new UnreadableRecordError(m.label, row.id, parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; '));
    return parsed.data;
  };

  const fromRowsOn = async (on: Kysely<Database>, rows: readonly RecordRow[]): Promise<T[]> => {
    const children = m.children && rows.length > 0 ? await m.children.read(on, rows.map((r) => r.id)) : undefined;
    return rows.map((r) => parse(r, children?.get(r.id) ?? (m.children ? {} : undefined)));
  };

  const readOne = async (on: Kysely<Database>, id: string): Promise<{ record: T; version: number } | undefined> => {
    const row = (await from(on).where('id', '=', id).executeTakeFirst()) as RecordRow | undefined;
    if (!row) return undefined;
    return { record: (await fromRowsOn(on, [row]))[0]!, version: row.version };
  };

  return {
    get: async (id) => (await readOne(db, id))?.record,
    async getMany(ids) {
      if (ids.length === 0) return new Map();
      const rows = (await from(db).where('id', 'in', [...new Set(ids)]).execute()) as RecordRow[];
      return new Map((await fromRowsOn(db, rows)).map((r) => [r.id, r]));
    },
    fromRows: (rows) => fromRowsOn(db, rows),

    async save(trx, input, options) {
      const checked = m.schema.safeParse(input);
      if (!checked.success) throw new StoreValidationError(m.label, checked.error.issues, { recordId: input.id });
      const record = checked.data;
      const old = await readOne(trx, record.id);
      const { columns, omit } = m.columns(record);
      const rest = { ...record } as Record<string, unknown>;
      for (const key of ['id', 'createdAt', 'updatedAt', ...omit]) delete rest[key];
      const row = { ...columns, id: record.id, created_at: record.createdAt, updated_at: record.updatedAt, data: JSON.stringify(rest), version: (old?.version ?? 0) + 1 };
      const table = m.table as 'organisations';
      if (old) await trx.updateTable(table).set(row as never).where('id', '=', record.id).execute();
      else await trx.insertInto(table).values(row as never).execute();
      await m.children?.write(trx, record);
      const flat = (r: T) => {
        const { updatedAt: _u, ...fields } = r;
        return fields as Record<string, unknown>;
      };
      const changes = fieldChanges(old ? flat(old.record) : null, flat(record));
      if (changes.length > 0 || options.action !== 'edit') {
        await appendHistory(trx, { at: options.at, by: options.by, recordType: m.recordType, recordId: record.id, action: old || options.action !== 'edit' ? options.action : 'create', changes, reason: options.reason ?? null });
      }
      return (await readOne(trx, record.id))!.record;
    },
  };
}
