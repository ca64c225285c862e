/** Run `fn` repeatedly and report median and 95th percentile in milliseconds. */
export async function measure(runs: number, fn: (i: number) => Promise<unknown>): Promise<{ median: number; p95: number; runs: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), runs };
}

export function report(rows: { name: string; size: string; median: number; p95: number; runs: number }[]): void {
  const fmt = (n: number) => n.toFixed(2).padStart(9);
  console.log(`${'benchmark'.padEnd(44)} ${'data size'.padEnd(34)} ${'median ms'.padStart(9)} ${'p95 ms'.padStart(9)}  runs`);
  for (const r of rows) console.log(`${r.name.padEnd(44)} ${r.size.padEnd(34)} ${fmt(r.median)} ${fmt(r.p95)}  ${r.runs}`);
}
