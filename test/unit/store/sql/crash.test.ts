import { spawn } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyOf } from '../../../../electron/store/sql';
import { seededRandom } from '../../../../scripts/lib/random';
import { fixtureLetters, openRepository, registerQuery, TODAY } from './helpers';

const WRITER = path.join(import.meta.dirname, 'crashWriter.ts');

/** Start the writer and kill it with SIGKILL once it has acknowledged `after` saves; the numbers it acknowledged. */
function killDuringSaves(file: string, first: number, after: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: number[] = [];
    let pending = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) acknowledged.push(Number(line));
      if (acknowledged.length >= after && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`the writer stopped by itself (${code}): ${errors}`))));
  });
}

describe('a crash in the middle of saving', () => {
  it('loses no acknowledged save and leaves a sound file, kill after kill', { timeout: 120_000 }, async () => {
    const { store, repo, file } = await openRepository();
    await repo.importLetters(fixtureLetters(100), { by: 'Test', reason: null });
    await store.close();
    const rnd = seededRandom(3);
    const acknowledged: number[] = [];
    let killsWithLog = 0;
    for (let round = 0; round < 5; round++) {
      const first = round * 10_000;
      const acked = await killDuringSaves(file, first, rnd.int(5, 60));
      acknowledged.push(...acked);
      // The kill left the last commits in the write-ahead log: the open must take them from there.
      if ((await fsp.stat(`${file}-wal`).catch(() => null))?.size) killsWithLog++;

      // With the log the kill left, openDatabase runs quick_check before it opens the file for writing and
      // refuses a damaged file, so opening at all says it is sound.
      const again = await openRepository(file);
      expect(again.store.raw.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const i of acknowledged) expect((await again.repo.getLetter(`crash-${i}`))?.subject, `save ${i}`).toBe(`Saved ${i}`);
      const last = acked.at(-1)!;
      const shared = (await again.repo.getLetter('letter-0'))!.subject;
      // The edit acknowledged last is there, or a later one the kill interrupted after its commit.
      expect(Number(shared.replace('Edited ', ''))).toBeGreaterThanOrEqual(last);
      const history = await historyOf(again.store.db, 'letter', `crash-${last}`);
      expect(history.map((h) => h.action)).toEqual(['create']);
      const page = await again.repo.queryLetters(registerQuery({ query: `saved ${last}` }), TODAY);
      expect(page.rows.map((r) => r.id)).toContain(`crash-${last}`);
      await again.store.close();
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);
    expect(killsWithLog).toBe(5);
  });
});
