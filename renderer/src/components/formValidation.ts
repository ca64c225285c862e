import type { z } from 'zod';

type Errors = Record<string, string>;

/**
 * Check a form with the same zod schema the main process uses, so the officer sees the message before
 * saving and the two can never disagree. `rename` maps a schema field to the form field that edits it
 * (the `addressLines` array is edited as the `addressText` textarea).
 */
export function schemaErrors(schema: z.ZodType, input: unknown, rename: Record<string, string> = {}): Errors {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Errors = {};
  for (const issue of result.error.issues) {
    const first = String(issue.path[0] ?? '_');
    errors[rename[first] ?? issue.path.join('.')] ??= issue.message;
  }
  return errors;
}

/** Field messages from the main process, renamed the same way. */
export function renameErrors(fieldErrors: Errors, rename: Record<string, string> = {}): Errors {
  const out: Errors = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const first = path.split('.')[0] ?? path;
    out[rename[first] ?? path] = message;
  }
  return out;
}
