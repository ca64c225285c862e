import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, expect } from 'vitest';
import { z } from 'zod';
import { fixedClock } from '../../../electron/core/clock';
import { openStore } from '../../../electron/store';
import { shardFileName, shardOf } from '../../../electron/store/shardHash';
import type { CollectionSpec, DocSpec, Migration, OpenStoreOptions, Store } from '../../../electron/store';

const made: string[] = [];
const openStores: Store[] = [];

afterEach(async () => {
  for (const store of openStores.splice(0)) await store.close().catch(() => undefined);
  for (const dir of made.splice(0)) await fsp.rm(dir, { recursive: true, force: true });
});

export async function tempDataDir(): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cd-store-'));
  made.push(dir);
  return dir;
}

export const contactSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  email: z.email().optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export const letterSchema = z.object({
  id: z.string(),
  subject: z.string(),
  contactId: z.string(),
});
export type Letter = z.infer<typeof letterSchema>;

export const settingsSchema = z.object({
  signatory: z.string(),
  pageSize: z.enum(['A4', 'Letter']),
});
export type Settings = z.infer<typeof settingsSchema>;

export const collections: CollectionSpec[] = [
  { name: 'contacts', shards: 8, schema: contactSchema },
  { name: 'letters', shards: 32, schema: letterSchema },
];
export const docs: DocSpec[] = [
  { name: 'settings', schema: settingsSchema, initial: { signatory: 'The Mayor', pageSize: 'A4' } },
];

export const START = '2024-03-17T09:00:00.000Z';

export function baseOptions(dataDir: string, extra: Partial<OpenStoreOptions> = {}): OpenStoreOptions {
  return {
    dataDir,
    schemaVersion: 1,
    collections,
    docs,
    migrations: [] as Migration[],
    clock: fixedClock(START),
    ...extra,
  };
}

/** Open and insist on success; the store is closed after the test. */
export async function openOk(opts: OpenStoreOptions): Promise<Store> {
  const result = await openStore(opts);
  if (!result.ok) throw new Error(`expected ok, got ${result.problem.kind}: ${result.problem.message}`);
  openStores.push(result.store);
  return result.store;
}

export interface Entry {
  type: 'file' | 'dir';
  sha256?: string;
  mtimeMs: number;
  ino: number;
}

/** Every entry under `dir` (including temp files and empty folders) with content hash and mtime. */
export async function snapshotTree(dir: string, prefix = ''): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>();
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const stat = await fsp.stat(full);
    if (entry.isDirectory()) {
      out.set(rel, { type: 'dir', mtimeMs: stat.mtimeMs, ino: stat.ino });
      for (const [k, v] of await snapshotTree(full, rel)) out.set(k, v);
    } else {
      const sha256 = createHash('sha256').update(await fsp.readFile(full)).digest('hex');
      out.set(rel, { type: 'file', sha256, mtimeMs: stat.mtimeMs, ino: stat.ino });
    }
  }
  return out;
}

export async function expectTreeUnchanged(dir: string, before: Map<string, Entry>): Promise<void> {
  const after = await snapshotTree(dir);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [rel, entry] of before) expect(after.get(rel), rel).toEqual(entry);
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, JSON.stringify(value));
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await fsp.readFile(file, 'utf8')) as unknown;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A record's shard file, relative to the store (or a backup) folder. */
export function shardRel(collection: string, id: string, shards: number): string {
  return `${collection}/${shardFileName(shardOf(id, shards), shards)}`;
}

/** Relative path → inode of every file under `dir` (backup.json included). */
export async function inodes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const [rel, entry] of await snapshotTree(dir)) if (entry.type === 'file') out.set(rel, entry.ino);
  return out;
}

export interface MarkerJson {
  createdAt: string;
  linked: number;
  copied: number;
  manifest: Record<string, { size: number; mtimeMs: number; ino: string; sha256: string }>;
}

export async function readMarker(backupDir: string): Promise<MarkerJson> {
  return (await readJson(path.join(backupDir, 'backup.json'))) as MarkerJson;
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
