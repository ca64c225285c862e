import { UserError } from '../../core/errors';
import { StoreValidationError } from '../../store';
import type { ServiceContext } from '../context';

/** Put a record and turn a store validation failure into per-field messages the form can show. */
export async function saveRecord<T extends { id: string }>(ctx: ServiceContext, collection: string, record: T): Promise<T> {
  try {
    await ctx.store().put(collection, record);
  } catch (err) {
    if (err instanceof StoreValidationError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of err.issues) fieldErrors[issue.path.join('.') || '_'] ??= issue.message;
      throw new UserError(Object.values(fieldErrors)[0] ?? 'That record is not valid.', fieldErrors);
    }
    throw err;
  }
  // Read back what the store kept (cleaned and defaulted by the schema) rather than echoing the input.
  return ctx.store().get<T>(collection, record.id) ?? record;
}
