import type { InputOf, MethodName, ResultOf } from '../../../electron/ipc/contract';

/** A failed call, carrying the service's message and per-field messages for forms. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Call the main process and unwrap the Result: hooks and forms deal in values and ApiErrors. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> {
  const result = await window.desk[method](input);
  if (!result.ok) throw new ApiError(result.error, result.fieldErrors);
  return result.value;
}
