import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { Clock } from '../../core/clock';
import { NotFoundError, UserError } from '../../core/errors';
import { MAX_TEMPLATE_BYTES, tooLargeMessage } from '../../core/templates/limits';
import { parseTemplate } from '../../core/templates/parseTemplate';
import { copyIdAndName, firstFreeId, idFromName, isTemplateId } from '../../core/templates/templateIds';
import { newTemplateSource, withName } from '../../core/templates/templateSources';
import type { LetterTemplate, TemplateDetail, TemplateSummary } from '../../core/templates/types';
import { atomicWrite, fsyncDir } from '../../store/atomicWrite';
import { errorCode } from '../../store/fsSeam';
import { fileNameOf, TemplateCache, templateIdsIn, templatePath } from './templateFiles';
import type { LoadedTemplate } from './templateFiles';

export interface TemplateDeps {
  /** The templates shipped with the app; read-only. */
  builtInDir: string;
  /** The officer's own templates, `<dataDir>/templates`; created when first needed. */
  userDir: string;
  clock: Clock;
}

export type TemplateHandlers = ReturnType<typeof templateHandlers>;

const BUILT_IN_READ_ONLY = 'Built-in templates cannot be changed; duplicate it to make your own.';

function assertId(id: unknown): asserts id is string {
  if (!isTemplateId(id)) throw new UserError('That is not a valid template name; template names use lower-case letters, digits and hyphens.');
}

function summaryOf(t: LoadedTemplate): TemplateSummary {
  const r = t.result;
  return r.ok
    ? { id: t.id, name: r.template.name, description: r.template.description, builtIn: t.builtIn, problems: [] }
    : { id: t.id, name: r.name, description: '', builtIn: t.builtIn, problems: r.problems };
}

const detailOf = (t: LoadedTemplate): TemplateDetail => ({ ...summaryOf(t), source: t.source, template: t.result.ok ? t.result.template : null });

export function templateHandlers(deps: TemplateDeps) {
  const { builtInDir, userDir, clock } = deps;
  const cache = new TemplateCache();

  const isBuiltIn = async (id: string) => (await templateIdsIn(builtInDir)).includes(id);
  const takenIds = async () => new Set([...(await templateIdsIn(builtInDir)), ...(await userIds())]);

  /**
   * The user's template ids. A user file with a built-in's id (copied in by hand, or a built-in added by a
   * newer version of the app) is renamed to a free copy id, so both stay visible and nothing is lost.
   */
  async function userIds(): Promise<string[]> {
    const builtIns = new Set(await templateIdsIn(builtInDir));
    const ids = await templateIdsIn(userDir);
    const out: string[] = [];
    for (const id of ids) {
      if (!builtIns.has(id)) {
        out.push(id);
        continue;
      }
      const free = copyIdAndName(id, id, new Set([...builtIns, ...ids, ...out])).id;
      try {
        await fsp.rename(templatePath(userDir, id), templatePath(userDir, free));
        out.push(free);
      } catch {
        // Left where it is; it will be tried again next time, and the built-in stays usable meanwhile.
      }
    }
    return out;
  }

  async function load(id: string): Promise<LoadedTemplate> {
    assertId(id);
    if (await isBuiltIn(id)) return cache.load(builtInDir, id, true);
    if ((await templateIdsIn(userDir)).includes(id)) return cache.load(userDir, id, false);
    throw new NotFoundError('That template');
  }

  /** Writes the officer's text exactly as given, and returns it parsed. */
  async function write(id: string, source: string): Promise<TemplateDetail> {
    const bytes = Buffer.byteLength(source, 'utf8');
    if (bytes > MAX_TEMPLATE_BYTES) throw new UserError(capitalise(tooLargeMessage(bytes)));
    await fsp.mkdir(userDir, { recursive: true });
    await atomicWrite(templatePath(userDir, id), source);
    cache.forget(userDir, id);
    return detailOf({ id, builtIn: false, source, result: parseTemplate(source, fileNameOf(id), { id, builtIn: false }) });
  }

  return {
    async list(): Promise<TemplateSummary[]> {
      const builtIns = await Promise.all((await templateIdsIn(builtInDir)).map((id) => cache.load(builtInDir, id, true)));
      const users = await Promise.all((await userIds()).map((id) => cache.load(userDir, id, false)));
      const byName = (a: TemplateSummary, b: TemplateSummary) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id);
      return [...builtIns.map(summaryOf).sort(byName), ...users.map(summaryOf).sort(byName)];
    },

    async get(id: string): Promise<TemplateDetail> {
      return detailOf(await load(id));
    },

    /**
     * Saves the officer's text even when it has problems, so nothing typed is lost; the problems come back
     * with it. A null id saves a new template, with an id made from its name; an id with no file yet (say,
     * removed in the meantime) is created rather than refused, for the same reason.
     */
    async save(input: { id: string | null; source: string }): Promise<TemplateDetail> {
      if (input.id === null) {
        const parsed = parseTemplate(input.source, 'new-template.md', { id: 'new-template', builtIn: false });
        const name = parsed.ok ? parsed.template.name : parsed.name;
        return write(firstFreeId(idFromName(name), await takenIds()).id, input.source);
      }
      assertId(input.id);
      if (await isBuiltIn(input.id)) throw new UserError(BUILT_IN_READ_ONLY);
      return write(input.id, input.source);
    },

    async duplicate(id: string): Promise<TemplateDetail> {
      const original = await load(id);
      const copy = copyIdAndName(id, summaryOf(original).name, await takenIds());
      return write(copy.id, withName(original.source, copy.name));
    },

    async create(): Promise<TemplateDetail> {
      const { id, n } = firstFreeId('new-template', await takenIds());
      return write(id, newTemplateSource(n === 1 ? 'New template' : `New template ${n}`));
    },

    /** Moves the file to `.deleted` rather than deleting it: an officer's work can always be recovered. */
    async remove(id: string): Promise<void> {
      assertId(id);
      if (await isBuiltIn(id)) throw new UserError('Built-in templates cannot be removed.');
      if (!(await templateIdsIn(userDir)).includes(id)) throw new NotFoundError('That template');
      const binDir = path.join(userDir, '.deleted');
      await fsp.mkdir(binDir, { recursive: true });
      // No colons: Windows does not allow them in file names.
      const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
      let target = path.join(binDir, `${id}-${stamp}.md`);
      for (let n = 2; await exists(target); n++) target = path.join(binDir, `${id}-${stamp}-${n}.md`);
      await fsp.rename(templatePath(userDir, id), target);
      cache.forget(userDir, id);
      await fsyncDir(userDir);
      await fsyncDir(binDir);
    },

    /** The template for a new letter; a template with problems cannot be used, and the officer is told why. */
    async getUsable(id: string): Promise<LetterTemplate> {
      const loaded = await load(id);
      if (loaded.result.ok) return loaded.result.template;
      const [first, ...rest] = loaded.result.problems;
      const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
      throw new UserError(`The template “${loaded.result.name}” cannot be used until it is fixed: ${first?.message ?? 'it could not be read.'}${more}`);
    },
  };
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.lstat(p);
    return true;
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return false;
    throw err;
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
