import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../../../electron/core/letters/richText';
import { backupRegister, DamagedBackupError, listRegisterBackups, verifyRegisterBackup } from '../../../../../electron/store/sql/backup';
import { DamagedRegisterError } from '../../../../../electron/store/sql';
import { clock, copyWithDamagedPage, fixtureLetters, open } from '../helpers';
import { addAttachment, backupFolderNames, folderWithRegister, inode, saveTemplate, treeText } from './backupHelpers';

describe('backupRegister', () => {
  it('copies the register as it stood at one moment while saves go on', async () => {
    const { folder, store, repo } = await folderWithRegister(1500);
    const template = fixtureLetters(1)[0]!;
    let acknowledged = 0;
    let backingUp = true;
    const saves = (async () => {
      for (let i = 0; backingUp; i++) {
        await repo.saveLetter({ ...template, id: `during-${i}`, threadId: `during-${i}`, reference: `DURING-${i}`, subject: `During ${i}`, body: [paragraph(`Text ${i} `.repeat(200))] }, { by: 'Test', action: 'create' });
        acknowledged++;
        // A save is all microtasks (better-sqlite3 is synchronous), so without this the loop would starve
        // the event loop, and the backup's steps with it; the app's saves arrive as separate IPC calls.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // Let some saves commit first: those must be in the copy whatever else happens.
    while (acknowledged < 3) await new Promise((resolve) => setImmediate(resolve));
    const before = acknowledged;
    const backup = await backupRegister(store, { folder, clock });
    const after = acknowledged;
    backingUp = false;
    await saves;
    expect(after - before, 'saves committed while the backup ran').toBeGreaterThan(0);

    const copy = new BetterSqlite3(path.join(backup.path, 'register.sqlite3'), { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true }), 'one self-contained file').toBe('delete');
      const count = (q: string) => (copy.prepare(q).get() as { n: number }).n;
      const during = count("SELECT count(*) AS n FROM letters WHERE id LIKE 'during-%'");
      expect(during).toBeGreaterThanOrEqual(before);
      expect(during).toBeLessThanOrEqual(acknowledged);
      // A letter without its history row, or the reverse, would be half of a save's transaction.
      expect(count('SELECT count(*) AS n FROM letters l WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.record_id = l.id)')).toBe(0);
      expect(count("SELECT count(DISTINCT record_id) AS n FROM history WHERE record_type = 'letter'")).toBe(count('SELECT count(*) AS n FROM letters'));
      expect(backup.counts.letters).toBe(1500 + during);
      expect(backup.counts.history).toBe(count('SELECT count(*) AS n FROM history'));
    } finally {
      copy.close();
    }
    await expect(verifyRegisterBackup(backup)).resolves.toBeDefined();
    expect(await backupFolderNames(folder)).toEqual([backup.id]);
  });

  // An index that no longer matches its table: every page reads, so only integrity_check (not the open's
  // quick_check) sees it. And pages overwritten with garbage, which SQLite fails to read at all.
  const damages: [string, (copy: string) => Promise<void>][] = [
    [
      'an index out of step with its table',
      async (copy) => {
        const db = new BetterSqlite3(copy);
        db.unsafeMode(true);
        db.pragma('writable_schema = ON');
        db.prepare("UPDATE sqlite_schema SET sql = replace(sql, '(at)', '(by)') WHERE name = 'history_by_time'").run();
        db.close();
      },
    ],
    [
      'pages of garbage',
      async (copy) => {
        const handle = await fsp.open(copy, 'r+');
        await handle.write(Buffer.alloc(10 * 4096, 0x5a), 0, 10 * 4096, 2 * 4096);
        await handle.close();
      },
    ],
  ];

  it.each(damages)('keeps no backup whose copy fails the check (%s), and names the file', async (kind, damage) => {
    const { folder, store } = await folderWithRegister(200);
    let damaged = '';
    const attempt = backupRegister(store, {
      folder,
      clock,
      afterCopy: async (copy) => {
        damaged = copy;
        await damage(copy);
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(DamagedBackupError);
    await expect(attempt).rejects.toThrow(`The backup file ${damaged} cannot be trusted`);
    if (kind.startsWith('an index')) await expect(attempt).rejects.toThrow(/it failed SQLite's integrity check \(.*history_by_time/);
    expect(damaged).toContain('.partial');
    expect(await listRegisterBackups(folder)).toEqual([]);
    expect(await backupFolderNames(folder), 'the partial backup is removed').toEqual([]);
    // The register itself was not touched, and the next backup is fine.
    expect(store.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    await backupRegister(store, { folder, clock });
    expect(await listRegisterBackups(folder)).toHaveLength(1);
  });

  it('takes the attachments and templates too, sharing unchanged files with the previous backup but never with the live ones', async () => {
    const { folder, store } = await folderWithRegister(10);
    const scan = await addAttachment(folder, 'scan.pdf', 'a scanned reply');
    const note = await addAttachment(folder, 'note.txt', 'a note');
    await saveTemplate(folder, 'thanks.json', '{"title":"Thanks"}');
    await saveTemplate(folder, 'chaser.json', '{"title":"Chaser"}');

    const first = await backupRegister(store, { folder, clock });
    expect(await treeText(path.join(first.path, 'attachments'))).toEqual(await treeText(folder.attachments));
    expect(await treeText(path.join(first.path, 'templates'))).toEqual(await treeText(folder.templates));
    const copyOf = (b: { path: string }, rel: string) => path.join(b.path, ...rel.split('/'));
    expect(await inode(copyOf(first, `attachments/${scan}`))).not.toBe(await inode(path.join(folder.attachments, scan)));

    // Unchanged: linked to the first backup's copy. Rewritten with the same bytes (a new inode): linked
    // after comparing hashes. Changed: copied afresh.
    await saveTemplate(folder, 'thanks.json', '{"title":"Thank you"}');
    await fsp.writeFile(path.join(folder.attachments, note), 'a note');
    const second = await backupRegister(store, { folder, clock });
    expect(await inode(copyOf(second, `attachments/${scan}`))).toBe(await inode(copyOf(first, `attachments/${scan}`)));
    expect(await inode(copyOf(second, `attachments/${note}`))).toBe(await inode(copyOf(first, `attachments/${note}`)));
    expect(await inode(copyOf(second, 'templates/chaser.json'))).toBe(await inode(copyOf(first, 'templates/chaser.json')));
    expect(await inode(copyOf(second, 'templates/thanks.json'))).not.toBe(await inode(copyOf(first, 'templates/thanks.json')));
    expect(await fsp.readFile(copyOf(second, 'templates/thanks.json'), 'utf8')).toBe('{"title":"Thank you"}');
    expect(await fsp.readFile(copyOf(first, 'templates/thanks.json'), 'utf8'), 'the first backup keeps what it had').toBe('{"title":"Thanks"}');

    // linkFiles: false makes every backup stand alone.
    const third = await backupRegister(store, { folder, clock, policy: { linkFiles: false } });
    expect(await inode(copyOf(third, `attachments/${scan}`))).not.toBe(await inode(copyOf(second, `attachments/${scan}`)));
    for (const b of [first, second, third]) await verifyRegisterBackup(b);

    const manifest = JSON.parse(await fsp.readFile(path.join(third.path, 'backup.json'), 'utf8')) as { files: Record<string, unknown>; appSchemaVersion: number };
    expect(Object.keys(manifest.files).sort()).toEqual(['attachments/' + note, 'attachments/' + scan, 'register.sqlite3', 'templates/chaser.json', 'templates/thanks.json'].sort());
    expect(manifest.appSchemaVersion).toBe(store.raw.pragma('user_version', { simple: true }));
  });

  it('is not fooled by a backup damaged since it was made: verify names the file', async () => {
    const { folder, store } = await folderWithRegister(10);
    const rel = await addAttachment(folder, 'scan.pdf', 'a scanned reply');
    const backup = await backupRegister(store, { folder, clock });
    const copy = path.join(backup.path, 'attachments', ...rel.split('/'));
    await fsp.writeFile(copy, 'something else');
    await expect(verifyRegisterBackup(backup)).rejects.toThrow(`The backup file ${copy} cannot be trusted: its contents have changed since the backup was made.`);
  });

  it('makes no backup of a register whose open check found damage', async () => {
    const { folder, store } = await folderWithRegister(300);
    await store.close();
    await copyWithDamagedPage(folder.register, folder.register);
    const damaged = await open(folder.register);
    await expect(backupRegister(damaged, { folder, clock })).rejects.toBeInstanceOf(DamagedRegisterError);
    expect(await backupFolderNames(folder)).toEqual([]);
  });

  it('lists only complete backups, newest first', async () => {
    const { folder, store } = await folderWithRegister(5);
    const first = await backupRegister(store, { folder, clock });
    const second = await backupRegister(store, { folder, clock });
    expect(second.id).toBe(`${first.id}-2`);
    await fsp.mkdir(path.join(folder.registerBackups, '20990101-000000-000.partial'));
    await fsp.mkdir(path.join(folder.registerBackups, '20990101-000000-001'));
    expect((await listRegisterBackups(folder)).map((b) => b.id)).toEqual([second.id, first.id]);
    await store.close();
    // A register that is not open cannot be backed up, and says so rather than leaving a partial backup.
    await expect(backupRegister(store, { folder, clock })).rejects.toThrow();
    expect((await backupFolderNames(folder)).filter((n) => n.endsWith('.partial'))).toEqual(['20990101-000000-000.partial']);
    await open(folder.register);
  });
});
