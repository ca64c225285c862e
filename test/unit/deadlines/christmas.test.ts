import { describe, expect, it } from 'vitest';
import { england, region, weekendsOnly, working } from './calendars';

/** Christmas to New Year is where substitute days pile up and where a deadline crosses into the next year. */
describe('Christmas to New Year', () => {
  it('10 working days from 20 December 2022 skip Boxing Day, both substitute days and the weekends', () => {
    const c = working(10, '2022-12-20');
    expect(c.date).toBe('2023-01-06');
    expect(c.skipped.filter((s) => s.reason !== 'weekend')).toEqual([
      { date: '2022-12-26', reason: 'Boxing Day' },
      { date: '2022-12-27', reason: 'Christmas Day (substitute day)' },
      { date: '2023-01-02', reason: 'New Year’s Day (substitute day)' },
    ]);
    expect(working(10, '2022-12-20', weekendsOnly).date).toBe('2023-01-03');
  });

  it('10 working days from 22 December 2025: Christmas, Boxing Day and New Year’s Day fall on weekdays', () => {
    expect(working(10, '2025-12-22').date).toBe('2026-01-08');
    // Scotland also keeps Friday 2 January.
    expect(working(10, '2025-12-22', region('scotland')).date).toBe('2026-01-09');
  });

  it('10 working days from 24 December 2026 skip the Boxing Day substitute on Monday 28 December', () => {
    const c = working(10, '2026-12-24');
    expect(c.date).toBe('2027-01-12');
    expect(c.skipped.filter((s) => s.reason !== 'weekend').map((s) => s.date)).toEqual(['2026-12-25', '2026-12-28', '2027-01-01']);
    expect(c.skipped).toContainEqual({ date: '2026-12-26', reason: 'weekend' });
    // Scotland: 2 January 2027 is a Saturday, so Monday 4 January is off too.
    expect(working(10, '2026-12-24', region('scotland')).date).toBe('2027-01-13');
  });

  it('2027: both Christmas Day and Boxing Day have substitutes, then New Year’s Day 2028 too', () => {
    const c = working(5, '2027-12-24', england());
    expect(c.skipped.filter((s) => s.reason !== 'weekend').map((s) => s.date)).toEqual(['2027-12-27', '2027-12-28', '2028-01-03']);
    expect(c.date).toBe('2028-01-05');
  });
});
