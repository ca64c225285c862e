import { OPERATIONS } from './benchOperations';
import type { StoreKind } from './benchOperations';
import { stats } from './measure';

/** Every sample of one size's run: per store, per operation key. */
export interface SizeResult {
  letters: number;
  samples: Record<StoreKind, Record<string, number[]>>;
}

/** The size at which the goals are judged. */
export const GOAL_SIZE = 50_000;
const STORE_NAMES: Record<StoreKind, string> = { sqlite: 'SQLite', json: 'JSON store' };

const n = (x: number) => x.toLocaleString('en-GB');
const fig = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/**
 * The verdict on a SQLite figure against its goal: judged at 50,000 letters (pass / FAIL, on the median;
 * a p95 over the goal is said too); at other sizes shown in brackets, for the trend only.
 */
function verdict(goal: number | undefined, store: StoreKind, letters: number, median: number, p95: number): string {
  if (goal === undefined || store !== 'sqlite') return '';
  const within = median <= goal;
  if (letters !== GOAL_SIZE) return within ? '(within)' : '(over)';
  if (!within) return '**FAIL**';
  return p95 <= goal ? 'pass' : 'pass (p95 over)';
}

/** The main table: each operation, each size, both stores side by side, median and p95. */
export function resultsTable(results: readonly SizeResult[]): string {
  const lines = ['| operation | store | letters | median | p95 | runs | goal | SQLite at 50k |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |'];
  for (const op of OPERATIONS) {
    for (const r of results) {
      for (const store of op.stores) {
        const values = r.samples[store][op.key];
        if (!values || values.length === 0) continue;
        const s = stats(values);
        const unit = op.unit === 'MB' ? ' MB' : ' ms';
        const goal = op.goal === undefined ? '' : `≤ ${n(op.goal)}${unit}`;
        lines.push(`| ${op.label} | ${STORE_NAMES[store]} | ${n(r.letters)} | ${fig(s.median)}${unit} | ${fig(s.p95)}${unit} | ${s.runs} | ${goal} | ${verdict(op.goal, store, r.letters, s.median, s.p95)} |`);
      }
    }
  }
  return lines.join('\n');
}

/** A table of medians over fresh processes, one row per size, one column per sample key. */
function mediansTable(results: readonly SizeResult[], columns: readonly (readonly [string, string])[]): string {
  const lines = [`| letters | ${columns.map(([, label]) => label).join(' | ')} |`, `| ---: |${columns.map(() => ' ---: |').join('')}`];
  for (const r of results) {
    const cells = columns.map(([key]) => {
      const values = r.samples.sqlite[key];
      return values?.length ? `${fig(stats(values).median)} ms` : '';
    });
    lines.push(`| ${n(r.letters)} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Where SQLite's open goes, step by step, with the quick_check on the connection as openDatabase ran it, and without. */
export const phasesTable = (results: readonly SizeResult[]) =>
  mediansTable(results, [
    ['phase.header', 'read the header'],
    ['phase.connect', 'connect + pragmas'],
    ['phase.quickCheck', 'PRAGMA quick_check'],
    ['phase.migrate', 'migration check'],
    ['phase.register', 'createRegister'],
    ['phase.firstPage', 'first page + count'],
    ['phase.total', 'total'],
    ['phaseNoQuickCheck.firstPage', 'first page + count, run without quick_check'],
    ['phase.totalNoQuickCheck', 'total, run without quick_check'],
  ]);

/** The open as openDatabase does it now, which may leave the quick_check running while the first page is read. */
export const openAsIsTable = (results: readonly SizeResult[]) =>
  mediansTable(results, [
    ['asIs.openDatabase', 'openDatabase returns'],
    ['asIs.toFirstPage', 'first page read'],
    ['asIs.checkSettled', 'its quick_check done (if left running)'],
  ]);
