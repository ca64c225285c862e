import { spawn } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { build } from 'vite';
import { CLOCK_OFFSET_ENV, clockOffset } from './benchFixture';
import { RESULT_PREFIX } from './benchOperations';
import type { WorkerResult } from './benchOperations';

export type RunWorker = (mode: string, args: readonly (string | number)[]) => Promise<WorkerResult>;

const REPO = path.resolve(import.meta.dirname, '../..');

/**
 * benchWorker.ts built as the app's main process is built (Vite, the npm packages left as imports, as
 * electron-vite does for main) and run with plain Node, not through tsx: tsx's loader adds some 60 MB
 * to a process's resident memory and compiles each module as it loads, so the figures would be tsx's
 * as much as the app's. The bundle goes into a folder of `root`, with a node_modules link to the
 * project's, so that its imports of the packages resolve as they do from the project.
 */
export async function startWorkers(root: string): Promise<{ run: RunWorker; close(): Promise<void> }> {
  await fsp.mkdir(root, { recursive: true });
  const outDir = await fsp.mkdtemp(path.join(root, 'worker-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: REPO,
    build: {
      ssr: path.join(REPO, 'scripts/lib/benchWorker.ts'),
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'benchWorker.mjs' } },
    },
  });
  await fsp.symlink(path.join(REPO, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
  const entry = path.join(outDir, 'benchWorker.mjs');
  // One clock for every worker of this run, so it runs forward from one process to the next.
  const offset = clockOffset();

  const run: RunWorker = (mode, args) =>
    new Promise((resolve, reject) => {
      // Building holds the whole fixture and the store at once; measuring keeps Node's own heap limit, as the app does.
      const heap = mode.startsWith('build-') ? ['--max-old-space-size=8192'] : [];
      const child = spawn(process.execPath, [...heap, entry, mode, ...args.map(String)], {
        stdio: ['ignore', 'pipe', 'inherit'],
        // The bundle no longer sits in the project, so it is told where the project is (for templates/).
        env: { ...process.env, DESK_BENCH_REPO: REPO, [CLOCK_OFFSET_ENV]: String(offset) },
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
        if (code !== 0 || !line) return reject(new Error(`bench worker ${mode} ${args.join(' ')} failed (exit ${code})\n${out.slice(-2000)}`));
        resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as WorkerResult);
      });
    });
  return { run, close: () => fsp.rm(outDir, { recursive: true, force: true }) };
}
