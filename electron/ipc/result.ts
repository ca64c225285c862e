/** What every API call returns: a value, or a message a person can read (plus per-field messages for forms). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
