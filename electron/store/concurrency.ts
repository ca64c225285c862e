/**
 * Run `task` over `items` with at most `limit` running at once. Rejects with the first failure;
 * after one, no further task is started, and the rejection waits for those already running, so
 * none is left unobserved and nothing is still reading when the caller reports the problem.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
}

/** Like `items.every(test)` for an async test, at most `limit` at once; stops starting tests after a false. */
export async function everyLimited<T>(items: readonly T[], limit: number, test: (item: T) => Promise<boolean>): Promise<boolean> {
  let ok = true;
  await forEachLimited(items, limit, async (item) => {
    if (ok && !(await test(item))) ok = false;
  });
  return ok;
}

/** `items.map(task)` for an async task, at most `limit` at once, results in the order of `items`. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  const indexed = items.map((item, index) => ({ item, index }));
  await forEachLimited(indexed, limit, async ({ item, index }) => {
    out[index] = await task(item);
  });
  return out;
}
