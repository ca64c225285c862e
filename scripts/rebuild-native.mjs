#!/usr/bin/env node
// Part of `npm start`: better-sqlite3 compiled for Electron's ABI, kept apart from node_modules.
//
// One copy of node_modules serves two runtimes: vitest, the benchmark and the browser harness run the
// register in Node 20, the app runs it in Electron 45, and a native module built for one will not load in
// the other. So node_modules keeps the Node build (what `npm ci` compiled), and this script builds a second
// copy for Electron, in .native/electron-<version>/, which the main process loads (see
// electron/store/sql/connection.ts, useNativeBinding). It runs only where the Electron binary exists, and
// does nothing once the copy for this Electron version is built.
import { cp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const electronVersion = require('electron/package.json').version;
const target = join(root, '.native', `electron-${electronVersion}`);
const binding = join(target, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

const exists = (p) => stat(p).then(() => true, () => false);

if (await exists(binding)) process.exit(0);
const source = dirname(require.resolve('better-sqlite3/package.json'));
await rm(target, { recursive: true, force: true });
await mkdir(join(target, 'node_modules'), { recursive: true });
await cp(source, join(target, 'node_modules', 'better-sqlite3'), { recursive: true, filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`) });
const { version } = require('better-sqlite3/package.json');
await writeFile(join(target, 'package.json'), JSON.stringify({ name: 'correspondence-desk-native', private: true, dependencies: { 'better-sqlite3': version } }, null, 2));
const { rebuild } = require('@electron/rebuild');
try {
  await rebuild({ buildPath: target, electronVersion, onlyModules: ['better-sqlite3'], force: true, buildFromSource: true });
} catch (err) {
  await rm(target, { recursive: true, force: true });
  console.error(
    `Could not compile better-sqlite3 for Electron ${electronVersion}: ${err instanceof Error ? err.message : String(err)}\n` +
      'It needs python3, make and a C++ compiler (on Windows, the Visual Studio Build Tools), and Electron’s headers from electronjs.org. The tests (npm test) do not need this step.',
  );
  process.exit(1);
}
console.log(`better-sqlite3 compiled for Electron ${electronVersion} in ${target}`);
