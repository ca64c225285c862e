import { z } from 'zod';
import type { DocSpec } from '../register/docStore';
import { OFFICE_DOC, PREFERENCES_DOC } from '../register/register';
import type { Register } from '../register/register';
import { checksum, digestOf } from './checksum';
import { ImportError } from './importError';
import { BATCH, yieldToEventLoop } from './progress';
import type { ProgressListener } from './progress';
import type { JsonSource } from './readJsonStore';
import { COLLECTION_TARGETS, DOC_TARGETS } from './targets';

/** Every record's checksum, by collection, as the JSON store gives it; and one digest of them all. */
export interface SourceChecksums {
  records: Map<string, Map<string, string>>;
  digest: string;
}

export function sourceChecksums(source: JsonSource): SourceChecksums {
  const records = new Map<string, Map<string, string>>();
  const lines: string[] = [];
  for (const [collection, list] of source.collections) {
    const sums = new Map<string, string>();
    for (const r of list) {
      const sum = checksum(r);
      sums.set(r.id, sum);
      lines.push(`${collection}\t${r.id}\t${sum}`);
    }
    records.set(collection, sums);
  }
  for (const [name, value] of source.docs) lines.push(`doc\t${name}\t${checksum(value)}`);
  return { records, digest: digestOf(lines) };
}

/** Enough to say what is wrong without a message the size of the register. */
const MAX_FINDINGS = 10;

const countersRows = z.object({ counters: z.record(z.string(), z.number().int()) });

/**
 * Read everything back through the register, as the app will, and compare: the number of rows of each
 * table with the number of records, each record's checksum with its JSON original's, the documents and
 * the counters. Any difference is an ImportError ('mismatch') listing the first findings. Takes the
 * checksums rather than the records, so that the records need not stay in memory while ten years of
 * letters are read back.
 */
export async function verifyImport(register: Register, docs: ReadonlyMap<string, unknown>, sums: SourceChecksums, onProgress: ProgressListener = () => undefined): Promise<void> {
  const findings: string[] = [];
  const total = [...sums.records.values()].reduce((n, m) => n + m.size, 0);
  let done = 0;
  const note = (finding: string) => {
    if (findings.length < MAX_FINDINGS) findings.push(finding);
  };

  for (const target of COLLECTION_TARGETS) {
    const expected = sums.records.get(target.collection) ?? new Map<string, string>();
    const row = await register.db.selectFrom(target.table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(row.n) !== expected.size) note(`${target.collection}: ${expected.size} in the JSON store, ${Number(row.n)} in the register`);
    const ids = [...expected.keys()];
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      let read: readonly { id: string }[];
      try {
        read = await target.readBack(register, chunk);
      } catch (err) {
        note(`${target.collection}: reading back failed (${err instanceof Error ? err.message : String(err)})`);
        break;
      }
      const got = new Map(read.map((r) => [r.id, r]));
      for (const id of chunk) {
        const back = got.get(id);
        if (!back) note(`${target.collection} record "${id}" is missing`);
        else if (checksum(back) !== expected.get(id)) note(`${target.collection} record "${id}" reads back differently`);
      }
      done += chunk.length;
      onProgress({ step: 'checking', done, total });
      await yieldToEventLoop();
    }
  }

  for (const [name, spec] of [
    [DOC_TARGETS.office, OFFICE_DOC],
    [DOC_TARGETS.preferences, PREFERENCES_DOC],
  ] as [string, DocSpec<unknown>][]) {
    const value = docs.get(name);
    const row = await register.db.selectFrom('docs').select('data').where('name', '=', spec.name).executeTakeFirst();
    if (value === undefined) {
      if (row) note(`document ${name} is in the register but not in the JSON store`);
      continue;
    }
    const back = row ? spec.schema.safeParse(JSON.parse(row.data)) : null;
    if (!back?.success) note(`document ${name} is missing or unreadable in the register`);
    else if (checksum(back.data) !== checksum(spec.schema.parse(value))) note(`document ${name} reads back differently`);
  }

  const counters = docs.get(DOC_TARGETS.counters);
  const expectedCounters = counters === undefined ? {} : countersRows.parse(counters).counters;
  const rows = await register.db.selectFrom('reference_counters').selectAll().execute();
  const storedCounters = Object.fromEntries(rows.map((r) => [r.stem_key, Number(r.sequence)]));
  if (checksum(storedCounters) !== checksum(expectedCounters)) note(`the reference counters differ (${Object.keys(expectedCounters).length} in the JSON store, ${rows.length} in the register)`);

  if (findings.length > 0) {
    throw new ImportError(
      'mismatch',
      `Your records were copied from the old JSON register, but the copy did not check out: ${findings.join('; ')}. The old store folder was left as it was; the new register is set aside and the records carried over again on the next start.`,
    );
  }
}
