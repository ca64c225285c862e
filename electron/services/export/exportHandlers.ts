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
import { passReadiness, readinessReport, withReadinessOverride } from '../../core/readiness/gate';
import type { ReadinessOverride } from '../../core/readiness/overrideSchema';
import { saveLetter } from '../addressBook/saveRecord';
import type { createMutex } from '../mutex';

type ExportHandlers = Pick<Handlers, 'export.letter' | 'export.startBatch' | 'export.batchStatus'>;

interface ExportDeps {
  documentOf: (letter: Letter) => Promise<LetterDocument>;
  /** The letters' lock, held while an override is added to a letter. */
  lock: ReturnType<typeof createMutex>;
}

/**
 * Letters out as Word documents: one through a save dialog, or many into a folder as a background job the
 * window polls for progress. Each is checked first (core/readiness): one letter with warnings needs a
 * reason, and a batch skips the letters that would print the wrong text and lists the warnings of the rest.
 * In a batch one failure is recorded and the rest carry on, and an existing file is never replaced (the new
 * one is numbered instead). File names take the subject as printed, placeholders filled.
 */
export function exportHandlers(ctx: ServiceContext, { documentOf, lock }: ExportDeps): ExportHandlers & { whenIdle(): Promise<void> } {
  const jobs = new Map<string, BatchStatus>();
  const running = new Set<Promise<void>>();

  const docx = async (document: LetterDocument) => {
    try {
      return await renderLetterDocx(document);
    } catch (err) {
      if (err instanceof ExportTooLargeError) throw new UserError(err.message);
      throw err;
    }
  };
  const find = async (id: string) => {
    const l = await ctx.register().letters.getLetter(id);
    if (!l || l.deletedAt) throw new NotFoundError('That letter');
    return l;
  };
  // Only the override is added: the letter's text and updatedAt stay as they were, so a window editing it
  // does not see a change it did not make.
  const keepOverride = (id: string, override: ReadinessOverride) =>
    lock(async () => {
      await saveLetter(ctx, withReadinessOverride(await find(id), override), 'edit', override.reason);
    });

  async function runBatch(job: BatchStatus, folder: string, ids: string[]) {
    for (const id of ids) {
      const letter = await ctx.register().letters.getLetter(id);
      const reference = letter?.reference ?? id;
      try {
        if (!letter || letter.deletedAt) throw new NotFoundError('That letter');
        const document = await documentOf(letter);
        const report = readinessReport(letter, document, 'export');
        if (report.blocked) {
          job.skipped.push({ reference, problems: report.problems.filter((p) => p.blocking).map((p) => p.message) });
        } else {
          const file = await writeNewFile(folder, letterFileName(letter.reference, document.subject), await docx(document));
          job.written.push({ reference, file: basename(file) });
          const open = report.problems.filter((p) => !p.overridden);
          if (open.length > 0) job.warnings.push({ reference, problems: open.map((p) => p.message) });
        }
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
    'export.letter': async ({ id, overrideReason }) => {
      const letter = await find(id);
      const document = await documentOf(letter);
      const passed = passReadiness(readinessReport(letter, document, 'export'), overrideReason, { at: ctx.nowIso(), by: ctx.officer() });
      const data = await docx(document);
      const chosen = await ctx.platform.chooseSavePath({
        title: 'Export letter as a Word document',
        defaultName: letterFileName(letter.reference, document.subject),
        filterName: 'Word document',
        extensions: ['docx'],
      });
      if (!chosen) return { status: 'cancelled' as const };
      const path = extname(chosen).toLowerCase() === '.docx' ? resolve(chosen) : `${resolve(chosen)}.docx`;
      // The save dialog has already asked the officer before replacing a file of that name.
      await atomicWrite(path, data);
      // Kept once the file exists: a cancelled export went nowhere, so there is nothing to account for.
      if (passed) await keepOverride(id, passed);
      return { status: 'saved' as const, path };
    },
    'export.startBatch': async ({ ids }) => {
      const folder = await ctx.platform.chooseFolder({ title: `Choose a folder for ${ids.length} letters` });
      if (!folder) return null;
      const job: BatchStatus = { jobId: randomUUID(), folder: resolve(folder), total: ids.length, done: 0, written: [], failed: [], skipped: [], warnings: [], finished: false };
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
