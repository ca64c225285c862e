import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { safeFileStem } from '../../core/export/fileName';
import { UserError } from '../../core/errors';
import type { Attachment } from '../../core/replies/replySchema';
import { fsyncDir } from '../../store/atomicWrite';

export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;

/** Files a reply might bring that open in a viewer and cannot run code. */
const VIEWABLE = new Set(['pdf', 'doc', 'docx', 'odt', 'rtf', 'txt', 'xls', 'xlsx', 'ods', 'csv', 'ppt', 'pptx', 'png', 'jpg', 'jpeg', 'gif', 'tif', 'tiff', 'eml', 'msg']);
export function isViewableDocument(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && VIEWABLE.has(name.slice(dot + 1).toLowerCase()) && !/[\u202A-\u202E\u2066-\u2069]/.test(name);
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function safeName(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).replace(/[^A-Za-z0-9]/g, '').slice(0, 10) : '';
  const stem = safeFileStem(dot > 0 ? name.slice(0, dot) : name);
  return ext ? `${stem}.${ext}` : stem;
}

/**
 * Files that came with replies, kept in `root` (the data folder's `attachments/`, see dataFolder.ts) as `<sha256>/<name>`: copied in (never moved
 * or linked, so the officer's original stays theirs), named by checksum so the same file attached twice is
 * stored once, and checked against that checksum before it is opened, so a file changed on disk is noticed.
 */
export function attachmentFiles(root: string) {
  const pathOf = (a: Attachment) => join(root, a.sha256, safeName(a.name));

  return {
    pathOf,
    async add(source: string): Promise<Attachment> {
      let info;
      try {
        info = await stat(source);
      } catch {
        throw new UserError(`The file ${basename(source)} could not be read.`);
      }
      if (!info.isFile()) throw new UserError(`${basename(source)} is not a file.`);
      if (info.size > MAX_ATTACHMENT_BYTES) throw new UserError(`${basename(source)} is larger than 200 MB and was not attached.`);
      const sha256 = await sha256Of(source);
      const name = basename(source).slice(0, 255);
      const attachment: Attachment = { id: randomUUID(), name, size: info.size, sha256 };
      const dir = join(root, sha256);
      const target = pathOf(attachment);
      const existing = await readdir(dir).catch(() => [] as string[]);
      if (!existing.includes(basename(target))) {
        await mkdir(dir, { recursive: true });
        const temp = join(dir, `.${randomUUID()}.tmp`);
        await copyFile(source, temp);
        // The copy must be the file the checksum was taken of: a file changed while being copied is refused.
        if ((await sha256Of(temp)) !== sha256) {
          await rm(temp, { force: true });
          throw new UserError(`${name} changed while it was being copied; try again.`);
        }
        await rename(temp, target);
        await fsyncDir(dir);
      }
      return attachment;
    },
    async verify(a: Attachment): Promise<string> {
      const path = pathOf(a);
      const actual = await sha256Of(path).catch(() => null);
      if (actual === null) throw new UserError(`The attachment ${a.name} is missing from the data folder.`);
      if (actual !== a.sha256) throw new UserError(`The attachment ${a.name} has been changed on disk since it was attached, so it was not opened.`);
      return path;
    },
  };
}
