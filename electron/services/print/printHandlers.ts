import { safeFileStem } from '../../core/export/fileName';
import { UserError } from '../../core/errors';
import { packItem, type PackData } from '../../core/signoff/pack';
import { readinessReport } from '../../core/readiness/gate';
import type { Handlers } from '../../ipc/contract';
import { atomicWrite } from '../../store/atomicWrite';
import type { ServiceContext } from '../context';
import type { LetterReader } from '../letters/letterDetail';

/** How many pages a PDF has: each page object is `/Type /Page` (the tree nodes are `/Pages`). */
export function pdfPageCount(bytes: Uint8Array): number {
  return (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/**
 * Signatory packs: the data the print view renders, and printing that view through the system dialog or to
 * a PDF. The page itself (the renderer's print view, with its print styles) is what gets printed, so the
 * pack on paper is the pack on screen. A letter that would print the wrong text is left out (signatories
 * should not sign a `{{placeholder}}`), and the page says which and why; other warnings go with the pack.
 */
export function printHandlers(ctx: ServiceContext, reader: LetterReader): Pick<Handlers, 'print.packData' | 'print.savePdf' | 'print.printDialog'> {
  return {
    'print.packData': async ({ ids }) => {
      const pack: PackData = { items: [], skipped: [], warnings: [] };
      for (const id of ids) {
        const letter = await reader.find(id);
        if (letter.deletedAt) throw new UserError(`${letter.reference} is in the bin and cannot be printed.`);
        const document = await reader.documentOf(letter);
        const report = readinessReport(letter, document, 'pack');
        const note = (blocking: boolean) => ({
          id,
          reference: letter.reference,
          problems: report.problems.filter((p) => (blocking ? p.blocking : !p.overridden)).map((p) => p.message),
        });
        if (report.blocked) {
          pack.skipped.push(note(true));
          continue;
        }
        pack.items.push(packItem(letter, document));
        if (report.problems.some((p) => !p.overridden)) pack.warnings.push(note(false));
      }
      return pack;
    },
    'print.savePdf': async ({ suggestedName }) => {
      const pdf = await ctx.platform.printToPdf();
      const path = await ctx.platform.chooseSavePath({ title: 'Save the pack as PDF', defaultName: `${safeFileStem(suggestedName)}.pdf`, filterName: 'PDF', extensions: ['pdf'] });
      if (!path) return { status: 'cancelled' as const };
      const target = path.toLowerCase().endsWith('.pdf') ? path : `${path}.pdf`;
      await atomicWrite(target, pdf);
      return { status: 'saved' as const, path: target, pages: pdfPageCount(pdf) };
    },
    'print.printDialog': async () => {
      await ctx.platform.printPage();
      return null;
    },
  };
}
