/**
 * A template's id is its file name without `.md`. Keeping ids to lower-case letters, digits and hyphens
 * means an id can never name a path outside the templates folders (no `/`, `\`, `..` or drive letters)
 * and files behave the same on Windows, macOS and Linux, which differ about case.
 */
export const TEMPLATE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Names Windows reserves for devices, whatever the extension: `con.md` cannot be created there. */
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export const isTemplateId = (id: unknown): id is string =>
  typeof id === 'string' && TEMPLATE_ID_PATTERN.test(id) && !WINDOWS_DEVICE_NAMES.test(id);

const MAX_ID = 64;

/** The first of `base`, `base-2`, `base-3`, … that is not taken (shortening `base` to fit), and its number. */
export function firstFreeId(base: string, taken: ReadonlySet<string>): { id: string; n: number } {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const id = `${base.slice(0, MAX_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(id)) return { id, n };
  }
}

/** An id from a name: "Chasing an overdue reply" -> `chasing-an-overdue-reply`. */
export function idFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID)
    .replace(/-+$/, '');
  if (!slug) return 'template';
  return WINDOWS_DEVICE_NAMES.test(slug) ? `${slug}-template` : slug;
}

/**
 * The id and name of a copy: `x-copy` "Copy of X", then `x-copy-2` "Copy 2 of X", and so on. Copying a
 * copy counts on from the same original, rather than making "Copy of Copy of X".
 */
export function copyIdAndName(id: string, name: string, taken: ReadonlySet<string>): { id: string; name: string } {
  const baseId = id.replace(/-copy(-\d+)?$/, '');
  const baseName = name.replace(/^Copy( \d+)? of /, '');
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const copyId = `${baseId.slice(0, MAX_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(copyId)) return { id: copyId, name: n === 1 ? `Copy of ${baseName}` : `Copy ${n} of ${baseName}` };
  }
}
