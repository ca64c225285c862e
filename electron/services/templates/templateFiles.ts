import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { errorCode } from '../../store/fsSeam';
import { MAX_TEMPLATE_BYTES, tooLargeMessage } from '../../core/templates/limits';
import { parseTemplate } from '../../core/templates/parseTemplate';
import { ProblemList } from '../../core/templates/problemList';
import { isTemplateId } from '../../core/templates/templateIds';
import type { TemplateParseResult } from '../../core/templates/types';

/** One template file as read from disk: the officer's text (for the editor) and what parsing it gave. */
export interface LoadedTemplate {
  id: string;
  builtIn: boolean;
  source: string;
  result: TemplateParseResult;
}

export const fileNameOf = (id: string): string => `${id}.md`;

/**
 * The path of a template file. The id is checked again here, not only at the IPC boundary, because this is
 * the last line of defence between an id and the file system.
 */
export function templatePath(dir: string, id: string): string {
  if (!isTemplateId(id)) throw new Error(`Not a template id: ${JSON.stringify(id)}`);
  const resolved = path.resolve(dir, fileNameOf(id));
  if (path.dirname(resolved) !== path.resolve(dir)) throw new Error(`Template path escapes its folder: ${id}`);
  return resolved;
}

/**
 * The template ids in a folder: regular `.md` files whose names are valid ids. Everything else (other
 * files, README.md, temp files, symbolic links that could point anywhere, sub-folders such as
 * `.deleted`) is not a template. A missing folder simply has no templates yet.
 */
export async function templateIdsIn(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => e.name.slice(0, -'.md'.length))
    .filter(isTemplateId)
    .sort();
}

const failed = (file: string, id: string, message: string): TemplateParseResult => {
  const problems = new ProblemList(file);
  problems.add(null, message);
  return { ok: false, problems: problems.list(), name: id };
};

/** Reads and parses one template file. Never throws for a bad file: it becomes a listed problem. */
export async function readTemplate(dir: string, id: string, builtIn: boolean): Promise<LoadedTemplate> {
  const file = fileNameOf(id);
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(templatePath(dir, id));
  } catch (err) {
    const code = errorCode(err) ?? 'unknown error';
    return { id, builtIn, source: '', result: failed(file, id, `the file could not be read (${code}); check that it is not open in another program and that you have permission to read it.`) };
  }
  if (bytes.byteLength > MAX_TEMPLATE_BYTES) {
    return { id, builtIn, source: '', result: failed(file, id, tooLargeMessage(bytes.byteLength)) };
  }
  try {
    const source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { id, builtIn, source, result: parseTemplate(source, file, { id, builtIn }) };
  } catch {
    // Shown with replacement characters so the officer can still see and rescue the text.
    const source = new TextDecoder('utf-8').decode(bytes);
    return {
      id,
      builtIn,
      source,
      result: failed(file, id, 'the file is not saved as UTF-8 text (it may come from an older program); open it in a text editor and save it as UTF-8.'),
    };
  }
}

/**
 * Parsed templates, kept until their file changes, so listing templates (which the app does often)
 * costs a directory read and a stat per file. A file is taken as changed when its modification time,
 * size or inode differs: every save is an atomic write, which always gives the file a new inode, so even a
 * same-size save within the file system's clock resolution is noticed.
 */
export class TemplateCache {
  private readonly entries = new Map<string, { key: string; loaded: LoadedTemplate }>();

  async load(dir: string, id: string, builtIn: boolean): Promise<LoadedTemplate> {
    const full = templatePath(dir, id);
    let key: string;
    try {
      const s = await fsp.stat(full);
      key = `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      this.entries.delete(full);
      return readTemplate(dir, id, builtIn);
    }
    const hit = this.entries.get(full);
    if (hit && hit.key === key) return hit.loaded;
    const loaded = await readTemplate(dir, id, builtIn);
    this.entries.set(full, { key, loaded });
    return loaded;
  }

  forget(dir: string, id: string): void {
    this.entries.delete(templatePath(dir, id));
  }
}
