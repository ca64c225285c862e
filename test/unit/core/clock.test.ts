import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/clock';

describe('fixedClock', () => {
  it('advances only when told', () => {
    const c = fixedClock('2022-03-17T09:00:00Z');
    expect(c.now().toISOString()).toBe('2022-03-17T09:00:00.000Z');
    c.advance(60_000);
    expect(c.now().toISOString()).toBe('2022-03-17T09:01:00.000Z');
  });
});
