import { spawn } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataFolder } from '../../../../../electron/store/dataFolder';
import type { DataFolder } from '../../../../../electron/store/dataFolder';
import { IMPORTED_STORE_PREFIX } from '../../../../../electron/store/dataFolder';
import { lastImport, openDatabase } from '../../../../../electron/store/sql';
import { readMarker } from '../../../../../electron/store/sql/importJson/marker';
import { seededRandom } from '../../../../../scripts/lib/random';
import { tempDir } from '../helpers';
import { contentsOf, openRegister, tableCounts } from './importHelpers';
import { fixtureContents, writeSchema1Folder } from './jsonFolder';

const WORKER = path.join(import.meta.dirname, 'importWorker.ts');
const LETTERS = 600;
/** Where the kills fall, round after round; `ms` is the most the kill waits after that line. */
const MOMENTS = [
  { after: 'ready', nth: 1, ms: 30 },
  { after: 'writing', nth: 1, ms: 10 },
  { after: 'checking', nth: 1, ms: 10 },
  { after: 'renaming', nth: 1, ms: 5 },
  { after: 'reading', nth: 1, ms: 50 },
  { after: 'checking', nth: 5, ms: 10 },
];

interface Outcome {
  report?: { counts: Record<string, number>; importedFrom: string; resumed: boolean } | null;
  ms?: number;
  error?: { kind: string; message: string };
}

/** A moment to kill the worker: `ms` after the `nth` line it prints that starts with `after` ("ready", "writing", ...). */
interface KillAt {
  after: string;
  nth: number;
  ms: number;
}

/** Run the worker on `root`, killing it with SIGKILL at `kill` (null: it was killed before it finished). */
function runWorker(root: string, kill?: KillAt): Promise<Outcome | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errors = '';
    let armed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (kill && !armed && out.split('\n').filter((line) => line === kill.after || line.startsWith(`${kill.after} `)).length >= kill.nth) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), kill.ms);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return resolve(null);
      if (code !== 0) return reject(new Error(`the worker failed (${code}): ${errors}`));
      resolve(JSON.parse(out.split('\n').filter(Boolean).at(-1)!) as Outcome);
    });
  });
}

async function importedFolders(folder: DataFolder): Promise<string[]> {
  return (await fsp.readdir(folder.root)).filter((n) => n.startsWith(IMPORTED_STORE_PREFIX));
}

/** Where a killed import left the folder: nothing committed, committed but not renamed, or done. */
async function stateOf(folder: DataFolder): Promise<'not committed' | 'committed' | 'complete'> {
  const opened = await openDatabase(folder.register);
  if (!opened.ok) throw new Error(opened.problem.message);
  try {
    const marker = await readMarker(opened.store.db);
    if (marker === null) {
      // A kill before the commit: the transaction rolled back, not a row of it is there.
      const letters = await opened.store.db.selectFrom('letters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(letters.n)).toBe(0);
      return 'not committed';
    }
    if (marker === 'unreadable') throw new Error('unreadable marker');
    return marker.state === 'complete' ? 'complete' : 'committed';
  } finally {
    await opened.store.close();
  }
}

describe('a kill during the import of a JSON data folder', () => {
  let template: string;
  let original: Map<string, string>;

  beforeAll(async () => {
    template = await tempDir();
    await writeSchema1Folder(template, fixtureContents(LETTERS, { organisations: 20, contacts: 200, ccGroups: 4 }, 5));
    original = await contentsOf(path.join(template, 'store'));
  }, 120_000);

  it('never loses store/, and the next start always ends with everything imported', { timeout: 400_000 }, async () => {
    const rnd = seededRandom(10);
    const seen = { 'not committed': 0, committed: 0, complete: 0 };
    for (let round = 0; round < 10; round++) {
      const root = await tempDir();
      await fsp.cp(template, root, { recursive: true });
      const folder = dataFolder(root);
      // A moment in each step in turn, a little random: opening, reading, writing (before the commit),
      // checking (after it), renaming. One after the import finished by itself is a state to check too.
      const kill = MOMENTS[round % MOMENTS.length]!;
      const killed = await runWorker(root, { ...kill, ms: rnd.int(0, kill.ms) });
      expect(killed?.error).toBeUndefined();

      // Whatever the moment, the old store is whole: under its own name, or renamed once its import was complete.
      const state = await stateOf(folder);
      seen[state]++;
      const renamedAlready = await importedFolders(folder);
      const stillThere = await fsp.stat(folder.jsonStore).then(() => true, () => false);
      expect(renamedAlready.length + (stillThere ? 1 : 0), `round ${round} (${state})`).toBe(1);
      if (state === 'not committed') expect(stillThere).toBe(true);
      const kept = stillThere ? folder.jsonStore : path.join(root, renamedAlready[0]!);
      expect(await contentsOf(kept), `round ${round} (${state})`).toEqual(original);

      const outcome = await runWorker(root);
      expect(outcome?.error, `round ${round}`).toBeUndefined();
      if (!stillThere) expect(outcome!.report).toBeNull();
      else expect(outcome!.report).toMatchObject({ counts: { letters: LETTERS }, resumed: state === 'committed' });

      expect(await fsp.stat(folder.jsonStore).catch(() => null)).toBeNull();
      const renamed = await importedFolders(folder);
      expect(renamed).toHaveLength(1);
      expect(await contentsOf(path.join(root, renamed[0]!))).toEqual(original);
      const register = await openRegister(folder);
      expect(await tableCounts(register)).toMatchObject({ letters: LETTERS, letters_fts: LETTERS, organisations: 20, contacts: 200 });
      expect(await lastImport(register)).toMatchObject({ folderName: renamed[0], counts: { letters: LETTERS } });
      await register.sql.close();
    }
    // The kills fell both before the commit and between the commit and the rename.
    expect(seen['not committed']).toBeGreaterThan(0);
    expect(seen.committed).toBeGreaterThan(0);
  });
});
