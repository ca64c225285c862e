import type { DeskApi, MethodName } from './contract';

/**
 * Build the object the renderer sees as `window.desk`: one named function per method, each forwarding to
 * `invoke`. The preload passes Electron's IPC; the browser test harness passes a Playwright binding. The
 * renderer never gets a generic "send anything" function.
 */
export function buildDeskApi(names: readonly MethodName[], invoke: (name: MethodName, input: unknown) => Promise<unknown>): DeskApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of names) api[name] = (input: unknown) => invoke(name, input);
  return Object.freeze(api) as DeskApi;
}
