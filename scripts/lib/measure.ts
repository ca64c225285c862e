/** Median and 95th percentile of some timings (or any figures), by the nearest-rank method. */
export function stats(values: readonly number[]): { median: number; p95: number; runs: number } {
  if (values.length === 0) throw new Error('stats: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

/** Run `fn` `runs` times, one after another; the milliseconds each run took. */
export async function sample(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Run `fn` repeatedly and report median and 95th percentile in milliseconds. */
export async function measure(runs: number, fn: (i: number) => Promise<unknown>): Promise<{ median: number; p95: number; runs: number }> {
  return stats(await sample(runs, fn));
}
