import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { letterFileName } from '../../../electron/core/export/fileName';
import { writeNewFile } from '../../../electron/export/writeNewFile';

/** Writing an export never replaces a file already there, never leaves debris, never leaves the folder. */
let root: string;
let folder: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'desk-write-'));
  folder = join(root, 'a', 'b', 'exports');
  await mkdir(folder, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const data = (s: string) => new TextEncoder().encode(s);
/** Every file under root, relative to it: to see that nothing was written anywhere else. */
async function allFiles(dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name))).sort();
}

describe('writeNewFile', () => {
  it('writes the data under the name asked for', async () => {
    const path = await writeNewFile(folder, 'MCO1 Letter.docx', data('first'));
    expect(path).toBe(join(folder, 'MCO1 Letter.docx'));
    expect(await readFile(path, 'utf8')).toBe('first');
  });

  it('numbers a second file of the same name and keeps the first as it was', async () => {
    const a = await writeNewFile(folder, 'MCO1 Letter.docx', data('first'));
    const b = await writeNewFile(folder, 'MCO1 Letter.docx', data('second'));
    const c = await writeNewFile(folder, 'MCO1 Letter.docx', data('third'));
    expect([a, b, c].map((p) => relative(folder, p))).toEqual(['MCO1 Letter.docx', 'MCO1 Letter (2).docx', 'MCO1 Letter (3).docx']);
    expect(await Promise.all([a, b, c].map((p) => readFile(p, 'utf8')))).toEqual(['first', 'second', 'third']);
  });

  it('gives each of many simultaneous writes of one name its own file', async () => {
    const paths = await Promise.all(Array.from({ length: 8 }, (_, i) => writeNewFile(folder, 'Same.docx', data(`copy ${i}`))));
    expect(new Set(paths).size).toBe(8);
    const contents = await Promise.all(paths.map((p) => readFile(p, 'utf8')));
    expect(contents.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `copy ${i}`).sort());
  });

  it('leaves no temporary files behind, after success or failure', async () => {
    await writeNewFile(folder, 'One.docx', data('x'));
    await writeNewFile(folder, 'One.docx', data('y'));
    await expect(writeNewFile(folder, '../Escape.docx', data('z'))).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['One (2).docx', 'One.docx']);
  });

  it('keeps a hostile subject inside the chosen folder', async () => {
    for (const subject of ['../../etc/passwd', '..\\..\\Windows\\win.ini', '/absolute/path', '....//....//x', '~/.ssh/id_rsa']) {
      const path = await writeNewFile(folder, letterFileName('MCO1', subject), data(subject));
      expect(dirname(path), subject).toBe(folder);
    }
    expect((await allFiles()).every((f) => f.startsWith(join('a', 'b', 'exports')))).toBe(true);
    expect(await allFiles()).toHaveLength(5);
  });

  it('refuses a raw name that would climb out of the folder, writing nothing', async () => {
    for (const name of ['../Escape.docx', '../../Escape.docx', 'sub/dir.docx']) {
      await expect(writeNewFile(folder, name, data('z')), name).rejects.toThrow(/Unsafe file name/);
    }
    expect(await allFiles()).toEqual([]);
  });
});
