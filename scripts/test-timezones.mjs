// Runs the deadline and letter unit tests once per time zone. A deadline is a day in London, so the answers
// must not change with the machine's zone: a laptop left on New York time, a CI box on UTC, or an officer
// travelling to Auckland (a day ahead, and in summer when London is in winter). Each run is a separate
// process because TZ is read once, when Node starts.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Pacific/Auckland'];
const TESTS = ['test/unit/dates', 'test/unit/deadlines', 'test/unit/letters', 'test/unit/commitments', 'test/unit/services/tracking.test.ts'];

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));

function run(zone) {
  return new Promise((resolve) => {
    console.log(`\n=== TZ=${zone} ===`);
    const child = spawn(process.execPath, [vitest, 'run', ...TESTS, ...process.argv.slice(2)], {
      cwd: root,
      env: { ...process.env, TZ: zone },
      stdio: 'inherit',
    });
    child.on('error', (err) => {
      console.error(`Could not start vitest for ${zone}: ${err.message}`);
      resolve(1);
    });
    // A run killed by a signal has no exit code; it still failed.
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

// One at a time: the runs share the terminal.
const results = [];
for (const zone of ZONES) results.push({ zone, code: await run(zone) });

console.log('\nTime zone runs:');
for (const { zone, code } of results) console.log(`  ${code === 0 ? 'passed' : `FAILED (exit ${code})`}  ${zone}`);
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
