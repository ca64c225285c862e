import { randomUUID } from 'node:crypto';
import { basename, extname, resolve } from 'node:path';
import { letterFileName } from '../../core/export/fileName';
import { NotFoundError, UserError } from '../../core/errors';
import type { Letter } from '../../core/letters/letterSchema';
import type { BatchStatus } from '../../core/export/batchStatus';
import { ExportTooLargeError, renderLetterDocx } from '../../export/docx/letterDocx';
import { writeNewFile } from '../../export/writeNewFile';
import type { Handlers } from '../../ipc/contract';
import { atomicWrite } from '../../store/atomicWrite';
import type { ServiceContext } from '../context';
import type { LetterDocument } from '../../core/letters/documentModel';

type ExportHandlers = Pick<Handlers, 'export.letter' | 'export.startBatch' | 'export.batchStatus'>;

/**
 * Letters out as Word documents: one through a save dialog, or many into a folder as a background job the
 * window polls for progress. In a batch one failure is recorded and the rest carry on, and an existing file
 * is never replaced (the new one is numbered instead).
 */
export function exportHandlers(ctx: ServiceContext, documentOf: (letter: Letter) => LetterDocument): ExportHandlers & { whenIdle(): Promise<void> } {
  const jobs = new Map<string, BatchStatus>();
  const running = new Set<Promise<void>>();

  const docx = async (letter: Letter) => {
    try {
      return await renderLetterDocx(documentOf(letter));
    } catch (err) {
      if (err instanceof ExportTooLargeError) throw new UserError(err.message);
      throw err;
    }
  };
  const find = (id: string) => {
    const l = ctx.store().get<Letter>('letters', id);
    if (!l || l.deletedAt) throw new NotFoundError('That letter');
    return l;
  };

  async function runBatch(job: BatchStatus, folder: string, ids: string[]) {
    for (const id of ids) {
      const letter = ctx.store().get<Letter>('letters', id);
      const reference = letter?.reference ?? id;
      try {
        if (!letter || letter.deletedAt) throw new NotFoundError('That letter');
        const file = await writeNewFile(folder, letterFileName(letter.reference, letter.subject), await docx(letter));
        job.written.push({ reference, file: basename(file) });
      } catch (err) {
        job.failed.push({ reference, error: err instanceof UserError ? err.message : `Could not be written: ${err instanceof Error ? err.message : String(err)}` });
      }
      job.done += 1;
      // Let other requests (the progress poll, the officer's edits) in between letters.
      await new Promise((r) => setImmediate(r));
    }
    job.finished = true;
  }

  return {
    'export.letter': async ({ id }) => {
      const letter = find(id);
      const data = await docx(letter);
      const chosen = await ctx.platform.chooseSavePath({
        title: 'Export letter as a Word document',
        defaultName: letterFileName(letter.reference, letter.subject),
        filterName: 'Word document',
        extensions: ['docx'],
      });
      if (!chosen) return { status: 'cancelled' as const };
      const path = extname(chosen).toLowerCase() === '.docx' ? resolve(chosen) : `${resolve(chosen)}.docx`;
      // The save dialog has already asked the officer before replacing a file of that name.
      await atomicWrite(path, data);
      return { status: 'saved' as const, path };
    },
    'export.startBatch': async ({ ids }) => {
      const folder = await ctx.platform.chooseFolder({ title: `Choose a folder for ${ids.length} letters` });
      if (!folder) return null;
      const job: BatchStatus = { jobId: randomUUID(), folder: resolve(folder), total: ids.length, done: 0, written: [], failed: [], finished: false };
      jobs.set(job.jobId, job);
      const run = runBatch(job, job.folder, ids).finally(() => running.delete(run));
      running.add(run);
      return { jobId: job.jobId, total: job.total };
    },
    'export.batchStatus': async ({ jobId }) => {
      const job = jobs.get(jobId);
      if (!job) throw new UserError('That export is no longer known; it may have finished before the app restarted.');
      return structuredClone(job);
    },
    whenIdle: async () => {
      await Promise.all([...running]);
    },
  };
}
