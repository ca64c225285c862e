import type { Kysely } from 'kysely';
import type { DataFolder } from '../../dataFolder';
import { listFilesRecursive } from '../../layout';
import { openReadOnly } from '../connection';
import type { RawDatabase } from '../connection';
import type { SqlStore } from '../openDatabase';
import type { Database } from '../schema';
import { BACKUP_REGISTER, treeDir, underDir } from './backupLayout';
import { readStoredBackup } from './backupList';
import type { RegisterBackup } from './backupList';
import { canRestoreSchema } from './checkCopy';
import { hashFile } from './fileCopies';
import { historyKey, sharedHistoryUpTo } from './historyLineage';
import type { HistoryKey } from './historyLineage';
import type { Manifest, RegisterCounts } from './manifest';
import { factsOfLive } from './registerFacts';
import { restoreSentence } from './restoreSentence';

/** What a restore of `backup` would lose, for the officer to read before confirming it. */
export interface RestorePreview {
  backup: RegisterBackup;
  /** False when this version of the app cannot open the backup's register (a newer version made it). */
  restorable: boolean;
  /** The live register's counts, or null when there is no register open to compare (it could not be opened). */
  now: RegisterCounts | null;
  inBackup: RegisterCounts;
  /** Changes (history rows) in the live register that the backup does not have; null when unknown. */
  changesUndone: number | null;
  /** Changes in the backup that the live register no longer has (it was itself restored from an older backup). */
  changesBroughtBack: number | null;
  /** Letters created or changed since, by the changes undone; `references` the most recently changed 20. */
  letters: { count: number; changes: number; references: string[] };
  /** Attachment files (under attachments/) there now that the backup does not have. */
  attachmentsOnlyNow: string[];
  /** Templates (under templates/) added or changed since the backup. */
  templatesChanged: string[];
  /** The preview in one paragraph, for the confirmation. */
  sentence: string;
}

export const REFERENCES_SHOWN = 20;

/**
 * Compare the live register (`store`, or null when it could not be opened) and its files with a backup.
 * Reads only: the backup's register through a read-only connection (it is one file in rollback-journal
 * mode, so reading it leaves nothing beside it), the live one in one read transaction, so the numbers
 * are of one moment even while the app goes on saving.
 */
export async function describeRestore(store: SqlStore | null, which: Pick<RegisterBackup, 'id'>, folder: DataFolder): Promise<RestorePreview> {
  // Found again by its id, whatever else the caller passed: a path from the window is never trusted.
  const stored = await readStoredBackup(folder, which.id);
  if (stored === null) throw new Error(`There is no complete backup called ${which.id} in ${folder.registerBackups}.`);
  const { backup, manifest } = stored;
  const files = await filesChangedSince(folder, manifest);
  const restorable = canRestoreSchema(manifest.appSchemaVersion);
  const copy = openReadOnly(underDir(backup.path, BACKUP_REGISTER));
  try {
    // A newer version's register may have tables this version does not know how to compare.
    const history = store && restorable ? await compareHistory(store.db, copy) : null;
    const preview: Omit<RestorePreview, 'sentence'> = {
      backup,
      restorable,
      now: history?.now ?? null,
      inBackup: manifest.counts,
      changesUndone: history?.undone ?? null,
      changesBroughtBack: history?.broughtBack ?? null,
      letters: history?.letters ?? { count: 0, changes: 0, references: [] },
      ...files,
    };
    return { ...preview, sentence: restoreSentence(preview, folder) };
  } finally {
    copy.close();
  }
}

interface HistoryComparison {
  now: RegisterCounts;
  undone: number;
  broughtBack: number;
  letters: RestorePreview['letters'];
}

async function compareHistory(db: Kysely<Database>, copy: RawDatabase): Promise<HistoryComparison> {
  const backupKey = copy.prepare('SELECT at, by, record_type, record_id, action FROM history WHERE id = ?');
  const backupMax = Number((copy.prepare('SELECT coalesce(max(id), 0) AS n FROM history').get() as { n: number }).n);
  const backupReference = copy.prepare('SELECT reference FROM letters WHERE id = ?');
  return db.transaction().execute(async (trx) => {
    const facts = await factsOfLive(trx);
    const shared = await sharedHistoryUpTo(
      { maxId: facts.historyMaxId, keyAt: async (id) => historyKey(await trx.selectFrom('history').select(['at', 'by', 'record_type', 'record_id', 'action']).where('id', '=', id).executeTakeFirst()) },
      { maxId: backupMax, keyAt: async (id): Promise<HistoryKey> => historyKey(backupKey.get(id) as Parameters<typeof historyKey>[0]) },
    );
    const since = trx.selectFrom('history').where('history.id', '>', shared);
    const undone = await since.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const letterRows = since.where('history.record_type', '=', 'letter');
    const letters = await letterRows.select((eb) => [eb.fn.countAll<number>().as('changes'), eb.fn.count<number>('history.record_id').distinct().as('count')]).executeTakeFirstOrThrow();
    const recent = await letterRows
      .leftJoin('letters', 'letters.id', 'history.record_id')
      .select((eb) => ['history.record_id as id', 'letters.reference as reference', eb.fn.max('history.id').as('last')])
      .groupBy(['history.record_id', 'letters.reference'])
      .orderBy('last', 'desc')
      .limit(REFERENCES_SHOWN)
      .execute();
    const broughtBack = Number((copy.prepare('SELECT count(*) AS n FROM history WHERE id > ?').get(shared) as { n: number }).n);
    return {
      now: facts.counts,
      undone: Number(undone.n),
      broughtBack,
      letters: {
        count: Number(letters.count),
        changes: Number(letters.changes),
        // A letter removed for good since has no row now; the backup may still know its reference.
        references: recent.map((r) => r.reference ?? (backupReference.get(r.id) as { reference: string } | undefined)?.reference ?? `a letter since removed (${r.id})`),
      },
    };
  });
}

/** The files a restore would take away: attachments the backup lacks, templates it holds differently or not at all. */
async function filesChangedSince(folder: DataFolder, manifest: Manifest): Promise<Pick<RestorePreview, 'attachmentsOnlyNow' | 'templatesChanged'>> {
  const attachmentsOnlyNow = (await listFilesRecursive(treeDir(folder, 'attachments'))).filter((rel) => !(`attachments/${rel}` in manifest.files));
  const templatesChanged: string[] = [];
  for (const rel of await listFilesRecursive(treeDir(folder, 'templates'))) {
    const entry = manifest.files[`templates/${rel}`];
    // Templates are small: their bytes are compared, where a date could be off after a copy.
    const live = entry ? await hashFile(underDir(treeDir(folder, 'templates'), rel)) : null;
    if (!entry || (live !== null && live.sha256 !== entry.sha256)) templatesChanged.push(rel);
  }
  return { attachmentsOnlyNow, templatesChanged };
}
