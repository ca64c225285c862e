import { describe, expect, it } from 'vitest';
import { appendHistory, createLetterRepository } from '../../../../../electron/store/sql';
import type { LetterRepository } from '../../../../../electron/store/sql';
import { backupRegister, describeRestore, restoreRegisterBackup } from '../../../../../electron/store/sql/backup';
import { clock, fixtureLetters, open } from '../helpers';
import { addAttachment, folderWithRegister, saveTemplate } from './backupHelpers';

async function edit(repo: LetterRepository, id: string, subject: string): Promise<string> {
  const letter = (await repo.getLetter(id))!;
  await repo.saveLetter({ ...letter, subject }, { by: 'Test', action: 'edit' });
  return letter.reference;
}

describe('describeRestore', () => {
  it('says what a restore would undo: changes, letters, attachments and templates since the backup', async () => {
    const { folder, store, repo } = await folderWithRegister(30);
    await saveTemplate(folder, 'thanks.json', '{"title":"Thanks"}');
    await addAttachment(folder, 'old.pdf', 'kept in the backup');
    const backup = await backupRegister(store, { folder, clock });

    const ids = fixtureLetters(30).map((l) => l.id);
    const edited = [await edit(repo, ids[3]!, 'First edit'), await edit(repo, ids[7]!, 'Second edit'), await edit(repo, ids[3]!, 'Third edit')];
    const fresh = { ...fixtureLetters(1, 99)[0]!, id: 'new-letter', threadId: 'new-letter', reference: 'MO/2026/999' };
    await repo.saveLetter(fresh, { by: 'Test', action: 'create' });
    await appendHistory(store.db, { at: clock.now().toISOString(), by: 'Test', recordType: 'doc', recordId: 'office', action: 'edit', changes: [], reason: null });
    const attachment = await addAttachment(folder, 'reply.pdf', 'arrived after the backup');
    await saveTemplate(folder, 'thanks.json', '{"title":"Thank you"}');
    await saveTemplate(folder, 'chaser.json', '{"title":"Chaser"}');

    const preview = await describeRestore(store, backup, folder);
    expect(preview.restorable).toBe(true);
    expect(preview.now).toEqual({ letters: 31, replies: 0, contacts: 0, history: 35 });
    expect(preview.inBackup).toEqual({ letters: 30, replies: 0, contacts: 0, history: 30 });
    expect(preview.changesUndone).toBe(5);
    expect(preview.changesBroughtBack).toBe(0);
    // Most recently changed first, each letter once.
    expect(preview.letters).toEqual({ count: 3, changes: 4, references: ['MO/2026/999', edited[2], edited[1]] });
    expect(preview.attachmentsOnlyNow).toEqual([attachment]);
    expect(preview.templatesChanged.sort()).toEqual(['chaser.json', 'thanks.json']);
    expect(preview.sentence).toBe(
      `Restoring the backup of 2 February 2026, 10:00 will undo 5 changes made since, including changes to 3 letters (MO/2026/999, ${edited[2]}, ${edited[1]}). ` +
        'The backup does not have 1 attachment added since or 2 templates added or changed since. ' +
        `The register it replaces will be kept, with its attachments and templates, in ${folder.replaced}.`,
    );
  });

  it('lists at most 20 letters and says how many more', async () => {
    const { folder, store, repo } = await folderWithRegister(30);
    const backup = await backupRegister(store, { folder, clock });
    const ids = fixtureLetters(30).map((l) => l.id);
    for (const id of ids.slice(0, 25)) await edit(repo, id, `Edited ${id}`);
    const preview = await describeRestore(store, backup, folder);
    expect(preview.letters.count).toBe(25);
    expect(preview.letters.references).toHaveLength(20);
    expect(preview.sentence).toMatch(/^Restoring the backup of 2 February 2026, 10:00 will undo 25 changes made since, to 25 letters \([^)]*, and 5 others\)\. The register/);
  });

  it('says when nothing would be undone, and when the register cannot be compared', async () => {
    const { folder, store } = await folderWithRegister(5);
    const backup = await backupRegister(store, { folder, clock });
    const same = await describeRestore(store, backup, folder);
    expect(same.changesUndone).toBe(0);
    expect(same.sentence).toBe(`Restoring the backup of 2 February 2026, 10:00 will undo nothing: the register has not changed since. The register it replaces will be kept, with its attachments and templates, in ${folder.replaced}.`);
    const unknown = await describeRestore(null, backup, folder);
    expect(unknown.now).toBeNull();
    expect(unknown.changesUndone).toBeNull();
    expect(unknown.sentence).toMatch(/^The register cannot be read now, so what restoring the backup of 2 February 2026, 10:00 would undo cannot be shown\./);
  });

  it('counts by shared history, not by the highest id, once the register was itself restored from an older backup', async () => {
    const { folder, store, repo } = await folderWithRegister(10);
    const ids = fixtureLetters(10).map((l) => l.id);
    const older = await backupRegister(store, { folder, clock });
    await edit(repo, ids[0]!, 'Lost by the restore');
    await edit(repo, ids[1]!, 'Lost by the restore');
    const newer = await backupRegister(store, { folder, clock });
    await store.close();
    await restoreRegisterBackup(folder, older.id, clock);
    const again = await open(folder.register);
    // The same ids as the newer backup's two edits, but different rows.
    await edit(createLetterRepository(again, clock), ids[5]!, 'After the restore');

    const preview = await describeRestore(again, newer, folder);
    expect(preview.changesUndone).toBe(1);
    expect(preview.changesBroughtBack).toBe(2);
    expect(preview.letters.count).toBe(1);
    expect(preview.sentence).toContain('will undo 1 change made since, to 1 letter (');
    expect(preview.sentence).toContain('It brings back 2 changes that the register no longer has.');
  });
});
