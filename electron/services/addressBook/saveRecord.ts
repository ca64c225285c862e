import { UserError } from '../../core/errors';
import type { Letter } from '../../core/letters/letterSchema';
import { StoreValidationError } from '../../store';
import type { HistoryAction, Register } from '../../store/sql';
import type { ServiceContext } from '../context';

type Tables = Pick<Register, 'organisations' | 'contacts' | 'signatories' | 'ccGroups' | 'replies'>;
type RecordOf<K extends keyof Tables> = Parameters<Tables[K]['save']>[1];

/** A store validation failure as per-field messages the form can show. */
export function asFormError(err: unknown): unknown {
  if (!(err instanceof StoreValidationError)) return err;
  const fieldErrors: Record<string, string> = {};
  for (const issue of err.issues) fieldErrors[issue.path.join('.') || '_'] ??= issue.message;
  return new UserError(Object.values(fieldErrors)[0] ?? 'That record is not valid.', fieldErrors);
}

/** Save an address-book record or a reply with its history row; returns what the register kept. */
export async function saveRecord<K extends keyof Tables>(ctx: ServiceContext, kind: K, record: RecordOf<K>, action: HistoryAction = 'edit'): Promise<RecordOf<K>> {
  const register = ctx.register();
  const table = register[kind] as unknown as { save(trx: unknown, r: RecordOf<K>, o: object): Promise<RecordOf<K>> };
  try {
    return await register.write((trx) => table.save(trx, record, { by: ctx.officer(), action, at: ctx.nowIso() }));
  } catch (err) {
    throw asFormError(err);
  }
}

/** Save a letter with its history row (what changed, who, why); returns the letter as the register kept it. */
export async function saveLetter(ctx: ServiceContext, letter: Letter, action: HistoryAction = 'edit', reason: string | null = null): Promise<Letter> {
  try {
    return (await ctx.register().letters.saveLetter(letter, { by: ctx.officer(), action, reason })).letter;
  } catch (err) {
    throw asFormError(err);
  }
}
