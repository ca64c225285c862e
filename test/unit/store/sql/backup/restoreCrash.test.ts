import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLetterRepository, openDatabase } from '../../../../../electron/store/sql';
import { backupRegister, finishInterruptedRestore, RESTORE_STEPS } from '../../../../../electron/store/sql/backup';
import type { RestoreStep } from '../../../../../electron/store/sql/backup';
import { clock, fixtureLetters, namesIn } from '../helpers';
import { addAttachment, folderWithRegister, saveTemplate, treeText } from './backupHelpers';
import { bundleChild, spawnChild, untilKilled } from './childProcess';

let child: Awaited<ReturnType<typeof bundleChild>>;
beforeAll(async () => {
  child = await bundleChild(path.join(import.meta.dirname, 'restoreCrashChild.ts'));
});
afterAll(() => child.remove());

/** A folder whose live register, attachments and templates all differ from its one backup. */
async function folderToRestore() {
  const { folder, store, repo } = await folderWithRegister(5);
  await addAttachment(folder, 'scan.pdf', 'in the backup');
  await saveTemplate(folder, 'thanks.json', 'Thanks');
  const backup = await backupRegister(store, { folder, clock });
  await repo.saveLetter({ ...fixtureLetters(1, 9)[0]!, id: 'only-live', threadId: 'only-live', reference: 'MO/2026/777' }, { by: 'Test', action: 'create' });
  await addAttachment(folder, 'later.pdf', 'only live');
  await saveTemplate(folder, 'thanks.json', 'Thank you');
  await store.close();
  return { folder, backup };
}

async function hasLiveOnlyLetter(file: string): Promise<boolean> {
  const opened = await openDatabase(file);
  if (!opened.ok) throw new Error(opened.problem.message);
  try {
    return (await createLetterRepository(opened.store, clock).getLetter('only-live')) !== undefined;
  } finally {
    await opened.store.close();
  }
}

describe('a restore killed at each of its steps', () => {
  it.each(RESTORE_STEPS.map((step) => [step]))('leaves the old register or the restored one after a kill at %s, never neither', { timeout: 30_000 }, async (step: RestoreStep) => {
    const { folder, backup } = await folderToRestore();
    await untilKilled(spawnChild(child.file, [folder.root, backup.id, step]));

    const outcome = await finishInterruptedRestore(folder);
    const committed = step !== 'staged';
    expect(outcome.outcome).toBe(committed ? 'finished' : 'abandoned');
    expect((await namesIn(folder.root)).filter((n) => n.startsWith('restoring'))).toEqual([]);
    expect(await hasLiveOnlyLetter(folder.register)).toBe(!committed);
    expect(Object.keys(await treeText(folder.attachments))).toHaveLength(committed ? 1 : 2);
    expect(await fsp.readFile(path.join(folder.templates, 'thanks.json'), 'utf8')).toBe(committed ? 'Thanks' : 'Thank you');
    if (committed) {
      // And the register it replaced is whole in replaced/, with what only it had.
      const [replaced] = await namesIn(folder.replaced);
      const dir = path.join(folder.replaced, replaced!);
      expect(await hasLiveOnlyLetter(path.join(dir, 'register.sqlite3'))).toBe(true);
      expect(Object.keys(await treeText(path.join(dir, 'attachments')))).toHaveLength(2);
      expect(await fsp.readFile(path.join(dir, 'templates', 'thanks.json'), 'utf8')).toBe('Thank you');
    }
  });
});
