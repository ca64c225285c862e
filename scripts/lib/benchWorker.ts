import { RESULT_PREFIX } from './benchOperations';
import type { WorkerResult } from './benchOperations';

/**
 * One step of `npm run bench` in a process of its own: `node <bundle>/benchWorker.mjs <mode> <args>`
 * (benchWorkers.ts builds the bundle; `tsx scripts/lib/benchWorker.ts <mode> <args>` works too).
 * A fresh process is how the app starts, so cold opens and memory are measured here; warm operations
 * too, so that each store is timed in a process holding that store alone, as the app would. Only the
 * modules of the store asked for are loaded, so neither store's memory counts the other's code.
 * Prints its result as the last line of stdout, after RESULT_PREFIX.
 */

const [mode, ...args] = process.argv.slice(2);
const dir = args[0]!;
const numberArg = (i: number) => {
  const n = Number(args[i]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`benchWorker ${mode}: argument ${i + 1} must be a positive whole number`);
  return n;
};

async function run(): Promise<WorkerResult> {
  switch (mode) {
    case 'build-sqlite':
      return (await import('./benchBuild')).buildSqlite(numberArg(1), dir);
    case 'build-json':
      return (await import('./benchBuild')).buildJson(numberArg(1), dir);
    case 'cold-sqlite':
      return (await import('./benchSqlite')).coldSqlite(dir);
    case 'phases-sqlite':
      return (await import('./benchSqlite')).phasesSqlite(dir, args[1] !== 'without-quick-check');
    case 'open-as-is-sqlite':
      return (await import('./benchSqlite')).openAsIsSqlite(dir);
    case 'warm-sqlite':
      return (await import('./benchSqlite')).warmSqlite(dir, numberArg(1), numberArg(2));
    case 'cold-json':
      return (await import('./benchJson')).coldJson(dir);
    case 'warm-json':
      return (await import('./benchJson')).warmJson(dir, numberArg(1), numberArg(2));
    default:
      throw new Error(`benchWorker: unknown mode ${String(mode)}`);
  }
}

const result = await run();
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
