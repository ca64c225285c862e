import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLetterRepository, openDatabase } from '../../../../../electron/store/sql';
import { listRegisterBackups, removeUnfinishedBackups, verifyRegisterBackup } from '../../../../../electron/store/sql/backup';
import { seededRandom } from '../../../../../scripts/lib/random';
import { clock } from '../helpers';
import { addAttachment, backupFolderNames, folderWithRegister, saveTemplate } from './backupHelpers';
import { bundleChild, spawnChild, untilKilled } from './childProcess';
import type { Child } from './childProcess';

const KILLS = 50;

let writer: Awaited<ReturnType<typeof bundleChild>>;
beforeAll(async () => {
  writer = await bundleChild(path.join(import.meta.dirname, 'backupCrashWriter.ts'));
});
afterAll(() => writer.remove());

interface Round {
  saved: number[];
  backups: number;
}

/** Start the writer, let it run for `ms` once its register is open, and kill it: what it acknowledged. */
async function killAfter(root: string, first: number, ms: number): Promise<Round> {
  const child: Child = spawnChild(writer.file, [root, String(first)]);
  const killed = untilKilled(child);
  const round: Round = { saved: [], backups: 0 };
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), ms);
      else if (line.startsWith('saved ')) round.saved.push(Number(line.slice(6)));
      else if (line.startsWith('backup ')) round.backups++;
    }
  });
  await killed;
  return round;
}

describe('kill -9 while saving and backing up', () => {
  it(`loses no acknowledged save and leaves no half-made backup, ${KILLS} kills`, { timeout: 180_000 }, async () => {
    const { folder, store } = await folderWithRegister(40);
    await addAttachment(folder, 'scan.pdf', 'A scanned reply\n'.repeat(500));
    await saveTemplate(folder, 'thanks.json', '{"title":"Thanks"}');
    await store.close();

    const rnd = seededRandom(10);
    const acknowledged = new Set<number>();
    const verified = new Set<string>();
    let killsMidBackup = 0;
    let backupsMade = 0;
    for (let round = 0; round < KILLS; round++) {
      const { saved, backups } = await killAfter(folder.root, round * 100_000, rnd.int(20, 450));
      for (const n of saved) acknowledged.add(n);
      backupsMade += backups;
      if ((await backupFolderNames(folder)).some((n) => n.endsWith('.partial'))) killsMidBackup++;

      // Every backup listed is whole: every file as its manifest says, and a register that passes
      // integrity_check. A complete backup is never written again, so each is checked when it first appears.
      for (const backup of await listRegisterBackups(folder)) {
        expect(backup.id).toMatch(/^\d{8}-\d{6}-\d{3}(-\d+)?$/);
        if (verified.has(backup.id)) continue;
        await verifyRegisterBackup(backup);
        verified.add(backup.id);
      }
      // What the kill left half-made goes at the next open.
      await removeUnfinishedBackups(folder);
      expect((await backupFolderNames(folder)).filter((n) => /\.(partial|removing)$/.test(n))).toEqual([]);

      const opened = await openDatabase(folder.register);
      if (!opened.ok) throw new Error(`round ${round}: ${opened.problem.message}`);
      try {
        expect(opened.store.raw.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        const present = new Set((opened.store.raw.prepare("SELECT id FROM letters WHERE id LIKE 'kill-%'").pluck().all() as string[]).map((id) => Number(id.slice(5))));
        const lost = [...acknowledged].filter((n) => !present.has(n));
        expect(lost, `round ${round}: acknowledged saves missing`).toEqual([]);
        // The round's last letters, saved just before the kill, read back whole through the schema.
        const repo = createLetterRepository(opened.store, clock);
        for (const n of saved.slice(-3)) expect((await repo.getLetter(`kill-${n}`))?.subject).toBe(`Saved ${n}`);
      } finally {
        await opened.store.close();
      }
    }
    expect(acknowledged.size).toBeGreaterThan(KILLS);
    // Both kinds of moment were hit: backups finished between kills, and kills in the middle of one.
    expect(backupsMade, 'backups completed').toBeGreaterThanOrEqual(5);
    expect(killsMidBackup, 'kills that landed in the middle of a backup').toBeGreaterThanOrEqual(10);
    const left = await listRegisterBackups(folder);
    expect(left.length).toBeGreaterThan(0);
    for (const backup of left) await verifyRegisterBackup(backup);
  });
});
