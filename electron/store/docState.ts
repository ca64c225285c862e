import { Low } from 'lowdb';
import { DurableJsonFile } from './durableJsonFile';
import type { FileParser } from './durableJsonFile';
import type { StoreFs } from './fsSeam';
import { docFile, labelOf } from './layout';
import { problems, StoreFileError } from './problems';
import { deepFreeze, isPlainObject, keepUnknownFields } from './records';
import type { DocSpec } from './types';
import { StoreValidationError, formatIssues } from './validationError';
import { CoalescingWriter } from './writeQueue';

export type DocValue = Record<string, unknown>;

/**
 * A singleton document. Values must be JSON objects: a file holding `null` or nothing is always
 * treated as damage, and lowdb skips writing falsy data, so scalars could not round-trip safely.
 */
export class DocState {
  readonly spec: DocSpec;
  live: DocValue;
  durable: DocValue;
  readonly writer: CoalescingWriter;
  private readonly low: Low<DocValue>;

  constructor(storeDir: string, spec: DocSpec, fs: StoreFs, onWritten: () => void) {
    this.spec = spec;
    this.live = this.durable = checkDoc(spec, spec.initial, true, `initial value of document "${spec.name}"`);
    const file = docFile(storeDir, spec.name);
    this.low = new Low<DocValue>(new DurableJsonFile(file, labelOf(storeDir, file), docParser(spec), fs), this.live);
    this.writer = new CoalescingWriter(async () => {
      const snapshot = this.live;
      this.low.data = snapshot;
      try {
        await this.low.write();
      } catch (err) {
        // Undo the failed change in memory unless a later putDoc has replaced it.
        if (this.live === snapshot) this.live = this.durable;
        throw err;
      }
      this.durable = snapshot;
      onWritten();
    });
  }

  async load(): Promise<void> {
    await this.low.read();
    this.live = this.durable = this.low.data;
  }
}

/** Validate a document value; throws StoreValidationError. Keeps unknown top-level fields. */
export function checkDoc(spec: DocSpec, value: unknown, fromCaller: boolean, what = `document "${spec.name}"`): DocValue {
  const result = spec.schema.safeParse(value);
  if (!result.success) throw new StoreValidationError(spec.name, result.error.issues);
  const merged = keepUnknownFields(value, result.data);
  if (!isPlainObject(merged)) throw new Error(`store: the ${what} must be a JSON object`);
  return deepFreeze(fromCaller ? structuredClone(merged) : merged);
}

function docParser(spec: DocSpec): FileParser<DocValue> {
  return (raw, label) => {
    const result = spec.schema.safeParse(raw);
    if (!result.success) throw new StoreFileError(problems.wrongShape(label, formatIssues(result.error.issues)));
    const merged = keepUnknownFields(raw, result.data);
    if (!isPlainObject(merged)) throw new StoreFileError(problems.wrongShape(label, 'it should contain a single object'));
    return deepFreeze(merged);
  };
}
