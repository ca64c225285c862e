import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { build } from 'esbuild';

export type Child = ChildProcessByStdio<null, Readable, Readable>;

const require = createRequire(import.meta.url);

/**
 * A crash test's child, bundled into one file. Started with `node --import tsx`, a child spends about
 * two seconds loading a few hundred modules (date-fns alone is hundreds of files) before it does
 * anything, which made fifty kills take minutes; bundled it starts in a fraction of that. esbuild is the
 * one tsx itself uses. better-sqlite3 stays outside the bundle (its native binding is found from its own
 * folder), imported by its full path so that the bundle can live in a temporary folder; and a link to
 * the project's node_modules goes beside the bundle, as the register's check resolves better-sqlite3
 * from where its module is, to load it in a worker thread (electron/store/sql/checkInWorker.ts).
 */
export async function bundleChild(entry: string): Promise<{ file: string; remove(): Promise<void> }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cd-child-'));
  const file = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    logLevel: 'warning',
    plugins: [
      {
        name: 'native-modules-by-path',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: require.resolve('better-sqlite3'), external: true }));
        },
      },
    ],
  });
  await fsp.symlink(path.dirname(path.dirname(require.resolve('better-sqlite3/package.json'))), path.join(dir, 'node_modules'), 'dir');
  // rm removes the link, never what it points to.
  return { file, remove: () => fsp.rm(dir, { recursive: true, force: true }) };
}

export function spawnChild(file: string, args: string[]): Child {
  return spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves once the child was killed by SIGKILL (its own or ours); rejects if it stopped any other way. */
export function untilKilled(child: Child): Promise<void> {
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the child stopped by itself (${code}): ${errors}`))));
  });
}
