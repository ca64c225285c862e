import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { atomicWrite } from '../../../../../electron/store/atomicWrite';
import { dataFolder } from '../../../../../electron/store/dataFolder';
import type { DataFolder } from '../../../../../electron/store/dataFolder';
import { listFilesRecursive } from '../../../../../electron/store/layout';
import type { LetterRepository, SqlStore } from '../../../../../electron/store/sql';
import { fixtureLetters, openRepository, tempDir } from '../helpers';

export interface TestFolder {
  folder: DataFolder;
  store: SqlStore;
  repo: LetterRepository;
}

/** A data folder of its own with a register of `letters` fixture letters (closed by the test teardown). */
export async function folderWithRegister(letters = 20): Promise<TestFolder> {
  const folder = dataFolder(await tempDir());
  const { store, repo } = await openRepository(folder.register);
  if (letters > 0) await repo.importLetters(fixtureLetters(letters), { by: 'Test', reason: null });
  return { folder, store, repo };
}

/** An attachment as the replies service stores it: attachments/<sha256>/<name>. Returns its path under attachments/. */
export async function addAttachment(folder: DataFolder, name: string, text: string): Promise<string> {
  const sha = createHash('sha256').update(text).digest('hex');
  const rel = `${sha}/${name}`;
  await fsp.mkdir(path.join(folder.attachments, sha), { recursive: true });
  await atomicWrite(path.join(folder.attachments, sha, name), text);
  return rel;
}

/** A template as the templates service saves it: replaced by rename. */
export async function saveTemplate(folder: DataFolder, name: string, text: string): Promise<void> {
  await fsp.mkdir(folder.templates, { recursive: true });
  await atomicWrite(path.join(folder.templates, name), text);
}

/** Every file under `dir` with its text, for comparing trees. */
export async function treeText(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of await listFilesRecursive(dir)) out[rel] = await fsp.readFile(path.join(dir, ...rel.split('/')), 'utf8');
  return out;
}

export async function inode(file: string): Promise<bigint> {
  return (await fsp.stat(file, { bigint: true })).ino;
}

/** The names in register-backups/, complete or not. */
export async function backupFolderNames(folder: DataFolder): Promise<string[]> {
  return (await fsp.readdir(folder.registerBackups).catch(() => [] as string[])).sort();
}
