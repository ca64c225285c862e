import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../../../electron/core/deadlines/computeDeadline';

describe('computeDeadline, as existing callers use it', () => {
  it('counts calendar days without rolling forward, as it always has', () => {
    expect(computeDeadline({ kind: 'calendar', days: 14 }, '2022-03-17')).toBe('2022-03-31');
    expect(computeDeadline({ kind: 'calendar', days: 14 }, '2022-03-19')).toBe('2022-04-02');
  });

  it('skips weekends, and the holidays it is given as a set', () => {
    expect(computeDeadline({ kind: 'working', days: 10 }, '2022-03-17')).toBe('2022-03-31');
    expect(computeDeadline({ kind: 'working', days: 10 }, '2022-03-17', new Set(['2022-03-25']))).toBe('2022-04-01');
  });
});

/** The renderer imports electron/core, so the 12 MB holiday library must stay in services. */
describe('the holiday library', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

  it('is imported nowhere in electron/core', () => {
    const core = files('electron/core');
    expect(core.length).toBeGreaterThan(5);
    expect(core.filter((f) => /from\s+['"]date-holidays['"]|import\(\s*['"]date-holidays['"]/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('is imported by the bank holiday service (so the check above is looking for the right thing)', () => {
    expect(readFileSync('electron/services/deadlines/bankHolidays.ts', 'utf8')).toMatch(/from\s+['"]date-holidays['"]/);
  });
});
