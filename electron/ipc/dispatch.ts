import { z } from 'zod';
import { UserError } from '../core/errors';
import { contract, type Handlers, type MethodName } from './contract';
import type { Result } from './result';

/** Zod issues keyed by the field path a form uses (`values.email` → `email`). */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.filter((p) => p !== 'values').join('.');
    out[path || '_'] ??= issue.message;
  }
  return out;
}

const isMethod = (name: string): name is MethodName => Object.hasOwn(contract, name);

/**
 * Validate, call, wrap. Used by the Electron IPC registration and, unchanged, by the browser test harness,
 * so both exercise the same boundary.
 */
export function createDispatcher(handlers: Handlers, log: (msg: string, err: unknown) => void = console.error) {
  return async function dispatch(name: string, raw: unknown): Promise<Result<unknown>> {
    if (!isMethod(name)) return { ok: false, error: `Unknown request “${String(name).slice(0, 60)}”.` };
    try {
      // Inside the try: a schema's own check (a refine) that throws must still come back as a Result.
      const parsed = contract[name].input.safeParse(raw ?? {});
      if (!parsed.success) {
        const fieldErrors = fieldErrorsFrom(parsed.error);
        const first = Object.values(fieldErrors)[0] ?? 'The request was not valid.';
        return { ok: false, error: first, fieldErrors };
      }
      // The cast is the one place the per-method pairing of input and handler cannot be seen by the compiler.
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof UserError) {
        return { ok: false, error: err.message, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}) };
      }
      if (err instanceof z.ZodError) {
        const fieldErrors = fieldErrorsFrom(err);
        return { ok: false, error: Object.values(fieldErrors)[0] ?? 'The data was not valid.', fieldErrors };
      }
      log(`Request ${name} failed`, err);
      return {
        ok: false,
        error: 'Something went wrong and the change was not saved. Nothing you typed has been lost; please try again.',
      };
    }
  };
}
