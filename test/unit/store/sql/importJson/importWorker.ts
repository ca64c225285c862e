import { systemClock } from '../../../../../electron/core/clock';
import { collections, docs, migrations, SCHEMA_VERSION } from '../../../../../electron/services/storeSpec';
import { dataFolder } from '../../../../../electron/store/dataFolder';
import { createRegister, ImportError, importJsonStore, openDatabase } from '../../../../../electron/store/sql';

/**
 * Run by importCrash.test.ts in a child process, which kills it with SIGKILL at a random moment: opens
 * the data folder's register as the app does, prints "ready", imports the JSON store (printing its progress
 * as it goes, "writing 500/600"), and prints the outcome as one line of JSON.
 */
const folder = dataFolder(process.argv[2]!);
const opened = await openDatabase(folder.register);
if (!opened.ok) {
  console.error(opened.problem.message);
  process.exit(2);
}
const register = await createRegister(opened.store, systemClock);
process.stdout.write('ready\n');
const started = performance.now();
const onProgress = ({ step, done, total }: { step: string; done: number; total: number }) => void process.stdout.write(`${step} ${done}/${total}\n`);
try {
  const report = await importJsonStore({ folder, register, spec: { collections, docs, migrations, schemaVersion: SCHEMA_VERSION }, clock: systemClock, by: 'Crash test', onProgress });
  process.stdout.write(`${JSON.stringify({ report, ms: performance.now() - started })}\n`);
} catch (err) {
  if (!(err instanceof ImportError)) throw err;
  process.stdout.write(`${JSON.stringify({ error: { kind: err.kind, message: err.message } })}\n`);
}
await opened.store.close();
