import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { dataFolder } from '../../electron/store/dataFolder';
import { benchClock, benchData } from './benchFixture';
import type { BenchData } from './benchFixture';
import type { WorkerResult } from './benchOperations';
import { seedRegister } from './seedRegister';
import { seedStore } from './seedStore';

/**
 * Build one store's data folder for `npm run bench`, in a process of its own (benchWorker.ts), from the
 * same deterministic fixture: the SQLite register through the app's register code, the JSON store
 * through the old openStore. Reports what went in, how long it took and how big it is on disk.
 */
function generate(count: number): { data: BenchData; facts: Record<string, number> } {
  const t0 = performance.now();
  const data = benchData(count);
  return {
    data,
    facts: {
      generateMs: performance.now() - t0,
      letters: data.letters.length,
      commitments: data.letters.reduce((n, l) => n + l.commitments.length, 0),
      replies: data.replies.length,
      sent: data.letters.filter((l) => l.status === 'sent' || l.status === 'closed').length,
      contacts: data.book.contacts.length,
      organisations: data.book.organisations.length,
      ccGroups: data.book.ccGroups.length,
    },
  };
}

export async function buildSqlite(count: number, dir: string): Promise<WorkerResult> {
  const { data, facts } = generate(count);
  const t0 = performance.now();
  const took = await seedRegister(dir, data.book, data.letters, data.replies, benchClock());
  const buildMs = performance.now() - t0;
  const bytes = (await fsp.stat(dataFolder(dir).register)).size;
  const steps = Object.fromEntries(Object.entries(took).map(([k, v]) => [`${k}Ms`, v]));
  return { samples: {}, facts: { ...facts, ...steps, buildMs, megabytes: bytes / 1e6 } };
}

export async function buildJson(count: number, dir: string): Promise<WorkerResult> {
  const { data, facts } = generate(count);
  const t0 = performance.now();
  await seedStore(dir, data.book, data.letters, data.replies, benchClock());
  const buildMs = performance.now() - t0;
  return { samples: {}, facts: { ...facts, buildMs, megabytes: (await treeBytes(path.join(dir, 'store'))) / 1e6 } };
}

async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? await treeBytes(p) : (await fsp.stat(p)).size;
  }
  return total;
}
