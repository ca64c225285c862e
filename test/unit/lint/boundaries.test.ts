import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The process-boundary lint rules must actually fire: lint small snippets as if they lived in each layer. */
const eslint = new ESLint({ cwd: process.cwd() });
async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('process boundaries', () => {
  it('keep electron/core free of electron, the file system and React', async () => {
    expect(await restricted('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await restricted('electron/core/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n")).toHaveLength(1);
    expect(await restricted('electron/core/x.ts', "import fs from 'fs';\nexport const f = fs;\n")).toHaveLength(1);
    expect(await restricted('electron/core/x.ts', "import { useState } from 'react';\nexport const u = useState;\n")).toHaveLength(1);
    expect(await restricted('electron/core/x.ts', "import { openStore } from '../store';\nexport const o = openStore;\n")).toHaveLength(1);
    expect(await restricted('electron/core/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toHaveLength(0);
  });

  it('keep electron/store on core alone', async () => {
    expect(await restricted('electron/store/sql/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await restricted('electron/store/sql/x.ts', "import { createServices } from '../../services/createServices';\nexport const c = createServices;\n")).toHaveLength(1);
    expect(await restricted('electron/store/x.ts', "import { contract } from '../ipc/contract';\nexport const c = contract;\n")).toHaveLength(1);
    expect(await restricted('electron/store/sql/x.ts', "import { letterRecord } from '../../core/letters/letterSchema';\nexport const l = letterRecord;\n")).toHaveLength(0);
    expect(await restricted('electron/store/sql/register/x.ts', "import { preferencesSchema } from '../../../core/settings/preferences';\nexport const p = preferencesSchema;\n")).toHaveLength(0);
    expect(await restricted('electron/store/sql/x.ts', "import BetterSqlite3 from 'better-sqlite3';\nexport const b = BetterSqlite3;\n")).toHaveLength(0);
  });

  it('keep the renderer free of electron and node, and the IPC contract type-only', async () => {
    expect(await restricted('renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).toHaveLength(1);
    expect(await restricted('renderer/src/x.ts', "import { join } from 'node:path';\nexport const j = join;\n")).toHaveLength(1);
    expect(await restricted('renderer/src/x.ts', "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n")).toHaveLength(1);
    expect(await restricted('renderer/src/x.ts', "import { contract } from '../../electron/ipc/contract';\nexport const c = contract;\n")).toHaveLength(1);
    expect(await restricted('renderer/src/x.ts', "import type { DeskApi } from '../../electron/ipc/contract';\nexport type D = DeskApi;\n")).toHaveLength(0);
    expect(await restricted('renderer/src/x.ts', "import { createServices } from '../../electron/services/createServices';\nexport const c = createServices;\n")).toHaveLength(1);
    expect(await restricted('renderer/src/x.ts', "import { suggestSalutation } from '../../electron/core/addressBook/salutation';\nexport const s = suggestSalutation;\n")).toHaveLength(0);
  });
});
