import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLetterRepository } from '../../../../../electron/store/sql';
import { backupRegister, DamagedBackupError, finishInterruptedRestore, restoreRegisterBackup } from '../../../../../electron/store/sql/backup';
import { clock, fixtureLetters, namesIn, open, sha256 } from '../helpers';
import { addAttachment, folderWithRegister, saveTemplate, treeText } from './backupHelpers';

describe('restoreRegisterBackup', () => {
  it('puts the backup in place and keeps the register, attachments and templates it replaces', async () => {
    const { folder, store, repo } = await folderWithRegister(10);
    const kept = await addAttachment(folder, 'scan.pdf', 'in the backup');
    await saveTemplate(folder, 'thanks.json', '{"title":"Thanks"}');
    const backup = await backupRegister(store, { folder, clock });
    const inBackup = { attachments: await treeText(folder.attachments), templates: await treeText(folder.templates) };

    const extra = { ...fixtureLetters(1, 5)[0]!, id: 'after-backup', threadId: 'after-backup', reference: 'MO/2026/500' };
    await repo.saveLetter(extra, { by: 'Test', action: 'create' });
    const added = await addAttachment(folder, 'reply.pdf', 'after the backup');
    await saveTemplate(folder, 'thanks.json', '{"title":"Thank you"}');
    const replacedAttachments = await treeText(folder.attachments);
    await store.close();

    const { replacedDir, restored } = await restoreRegisterBackup(folder, backup.id, clock);
    expect(restored.id).toBe(backup.id);
    expect(path.dirname(replacedDir)).toBe(folder.replaced);
    expect(await treeText(folder.attachments)).toEqual(inBackup.attachments);
    expect(await treeText(folder.templates)).toEqual(inBackup.templates);
    expect(Object.keys(await treeText(folder.attachments))).toEqual([kept]);

    // What it replaced is all there, as it was.
    expect(await treeText(path.join(replacedDir, 'attachments'))).toEqual(replacedAttachments);
    expect(await treeText(path.join(replacedDir, 'attachments'))).toHaveProperty([added]);
    expect(await fsp.readFile(path.join(replacedDir, 'templates', 'thanks.json'), 'utf8')).toBe('{"title":"Thank you"}');
    const old = await open(path.join(replacedDir, 'register.sqlite3'));
    expect(await createLetterRepository(old, clock).getLetter('after-backup')).toBeDefined();
    expect(JSON.parse(await fsp.readFile(path.join(replacedDir, 'replaced.json'), 'utf8'))).toMatchObject({ byBackup: backup.id, backupCreatedAt: backup.createdAt });

    const again = await open(folder.register);
    expect(await createLetterRepository(again, clock).getLetter('after-backup')).toBeUndefined();
    expect(again.raw.pragma('journal_mode', { simple: true }), 'back in WAL mode once opened').toBe('wal');
    expect((again.raw.prepare('SELECT count(*) AS n FROM letters').get() as { n: number }).n).toBe(10);
    // The restored files share nothing with the backup: changing one cannot change the other.
    const live = (await fsp.stat(path.join(folder.attachments, ...kept.split('/')), { bigint: true })).ino;
    expect(live).not.toBe((await fsp.stat(path.join(backup.path, 'attachments', ...kept.split('/')), { bigint: true })).ino);
    expect((await namesIn(folder.root)).filter((n) => n.startsWith('restoring'))).toEqual([]);
  });

  it('touches nothing when the backup is damaged, and names the file', async () => {
    const { folder, store } = await folderWithRegister(10);
    const rel = await addAttachment(folder, 'scan.pdf', 'in the backup');
    const backup = await backupRegister(store, { folder, clock });
    await store.close();
    const damaged = path.join(backup.path, 'attachments', ...rel.split('/'));
    await fsp.writeFile(damaged, 'not what was backed up');
    const before = await namesIn(folder.root);
    const registerBefore = await fsp.readFile(folder.register);

    const attempt = restoreRegisterBackup(folder, backup.id, clock);
    await expect(attempt).rejects.toBeInstanceOf(DamagedBackupError);
    await expect(attempt).rejects.toThrow(damaged);
    expect(await namesIn(folder.root)).toEqual(before);
    expect((await fsp.readFile(folder.register)).equals(registerBefore)).toBe(true);
  });

  it('refuses a damaged register copy, an unknown backup, and one from a newer version', async () => {
    const { folder, store } = await folderWithRegister(10);
    const backup = await backupRegister(store, { folder, clock });
    await store.close();
    await expect(restoreRegisterBackup(folder, '20990101-000000-000', clock)).rejects.toThrow(/There is no complete backup called 20990101-000000-000 in .*register-backups, so nothing was restored\./);
    await expect(restoreRegisterBackup(folder, '../store', clock)).rejects.toThrow(/There is no complete backup called/);

    const manifestFile = path.join(backup.path, 'backup.json');
    const manifest = JSON.parse(await fsp.readFile(manifestFile, 'utf8')) as { appSchemaVersion: number };
    await fsp.writeFile(manifestFile, JSON.stringify({ ...manifest, appSchemaVersion: 999 }));
    await expect(restoreRegisterBackup(folder, backup.id, clock)).rejects.toThrow(/was made by a newer version of Correspondence Desk \(register version 999; this version reads up to \d+\), so it cannot be restored here\. Nothing was changed\./);
    await fsp.writeFile(manifestFile, JSON.stringify(manifest));

    const copy = path.join(backup.path, 'register.sqlite3');
    const handle = await fsp.open(copy, 'r+');
    await handle.write(Buffer.alloc(8192, 0x5a), 0, 8192, 4096);
    await handle.close();
    await expect(restoreRegisterBackup(folder, backup.id, clock)).rejects.toThrow(`The backup file ${copy} cannot be trusted: its contents have changed since the backup was made.`);
    // With a manifest that vouches for the damaged bytes, integrity_check still refuses them.
    const files = { ...(manifest as unknown as { files: Record<string, object> }).files, 'register.sqlite3': { size: (await fsp.stat(copy)).size, sha256: await sha256(copy) } };
    await fsp.writeFile(manifestFile, JSON.stringify({ ...manifest, files }));
    await expect(restoreRegisterBackup(folder, backup.id, clock)).rejects.toThrow(new RegExp(`^The backup file ${copy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be trusted: (it failed SQLite's integrity check|SQLite cannot read it)`));
    expect(await fsp.stat(folder.replaced).catch(() => null)).toBeNull();
  });

  it('finishes a restore cut short after its commit point and undoes one cut short before it', async () => {
    const { folder, store } = await folderWithRegister(3);
    const backup = await backupRegister(store, { folder, clock });
    await store.close();

    const before = restoreRegisterBackup(folder, backup.id, clock, { onStep: (step) => { if (step === 'staged') throw new Error('stopped'); } });
    await expect(before).rejects.toThrow('stopped');
    expect(await finishInterruptedRestore(folder)).toEqual({ outcome: 'none' });

    // A failure between moves, like a crash there, leaves restoring/ for the next open to finish.
    const after = restoreRegisterBackup(folder, backup.id, clock, { onStep: (step) => { if (step === 'register-aside') throw new Error('stopped'); } });
    await expect(after).rejects.toThrow('stopped');
    expect(await fsp.stat(folder.register).catch(() => null), 'the register is missing until the open finishes').toBeNull();
    const finished = await finishInterruptedRestore(folder);
    expect(finished.outcome).toBe('finished');
    expect(await fsp.stat(folder.register)).toBeTruthy();
    await open(folder.register);
  });
});
