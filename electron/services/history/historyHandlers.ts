import { open, rename, rm } from 'node:fs/promises';
import { addCalendarDays } from '../../core/deadlines/calendarMath';
import { londonDayStart } from '../../core/dates/londonDate';
import type { HistoryFilter } from '../../core/history/history';
import type { Handlers } from '../../ipc/contract';
import type { HistoryQuery } from '../../store/sql';
import type { ServiceContext } from '../context';
import { historyCsvRows, toCsv } from './historyCsv';

/** London days to the instants the history is stored in. */
export function historyQuery(f: HistoryFilter): HistoryQuery {
  return {
    by: f.by,
    recordType: f.recordType,
    fromIso: f.dateFrom ? londonDayStart(f.dateFrom) : null,
    beforeIso: f.dateTo ? londonDayStart(addCalendarDays(f.dateTo, 1)) : null,
  };
}

/** The Excel BOM: without it Excel reads UTF-8 as the PC's old code page, and "Hon. Siân Berry" comes out garbled. */
const BOM = '\uFEFF';

export function historyHandlers(ctx: ServiceContext): Pick<Handlers, 'history.ofLetter' | 'history.list' | 'history.officers' | 'history.exportCsv'> {
  return {
    'history.ofLetter': async ({ id }) => ctx.register().history.ofLetter(id),
    'history.list': async ({ limit, offset, ...filter }) => ctx.register().history.page(historyQuery(filter), limit, offset),
    'history.officers': async () => ctx.register().history.officers(),
    'history.exportCsv': async (filter) => {
      const path = await ctx.platform.chooseSavePath({ title: 'Export the history as CSV', defaultName: `History ${ctx.nowIso().slice(0, 10)}.csv`, filterName: 'CSV (Excel)', extensions: ['csv'] });
      if (!path) return { status: 'cancelled' as const };
      const target = path.toLowerCase().endsWith('.csv') ? path : `${path}.csv`;
      // Written a batch at a time to a temporary file, then renamed: ten years of history never sits in
      // memory as one string, and a failure (a full disk) never leaves half a file under the chosen name.
      const temp = `${target}.${process.pid}.partial`;
      const file = await open(temp, 'w');
      let rows = 0;
      try {
        await file.write(BOM + toCsv([]));
        for await (const batch of ctx.register().history.all(historyQuery(filter))) {
          const lines = historyCsvRows(batch);
          rows += lines.length;
          if (lines.length > 0) await file.write(`\r\n${toCsv(lines, false)}`);
        }
        await file.write('\r\n');
        await file.sync();
        await file.close();
        await rename(temp, target);
      } catch (err) {
        await file.close().catch(() => undefined);
        await rm(temp, { force: true });
        throw err;
      }
      return { status: 'saved' as const, path: target, rows };
    },
  };
}
