import { describe, expect, it } from 'vitest';
import { londonDate } from '../../../electron/core/dates/londonDate';
import { checkManualReference, checkReferencePattern, DEFAULT_REFERENCE_PATTERN, nextReference } from '../../../electron/core/letters/reference';

const next = (date: string, existing: string[] = [], lastIssued = 0, pattern = DEFAULT_REFERENCE_PATTERN) =>
  nextReference({ pattern, prefix: 'MCO', date, lastIssued, existing }).reference;

describe('nextReference', () => {
  it('numbers the letters of a day in the office format', () => {
    expect(next('2022-03-17')).toBe('MCO220317-01');
    expect(next('2022-03-17', ['MCO220317-01'])).toBe('MCO220317-02');
    expect(next('2022-03-18', ['MCO220317-01', 'MCO220317-02'])).toBe('MCO220318-01');
  });

  it('never reuses a number, even when the letter that had it is gone', () => {
    expect(next('2022-03-17', [], 2)).toBe('MCO220317-03');
    expect(next('2022-03-17', ['MCO220317-07'], 2)).toBe('MCO220317-08');
  });

  it('grows past the padding rather than refusing the hundredth letter', () => {
    expect(next('2022-03-17', ['MCO220317-99'])).toBe('MCO220317-100');
  });

  it('follows a custom format, counting per month when the day is not in it', () => {
    const pattern = '{prefix}/{yyyy}/{MM}/{nnn}';
    expect(next('2022-03-17', ['MCO/2022/03/004', 'MCO/2022/02/009'], 0, pattern)).toBe('MCO/2022/03/005');
  });

  it('ignores references that only look alike', () => {
    expect(next('2022-03-17', ['MCO220317-0x', 'XMCO220317-05', 'MCO220317-05A'])).toBe('MCO220317-01');
  });
});

describe('allocation date in Europe/London', () => {
  it.each([
    // GMT in winter: London = UTC
    ['2022-03-17T23:59:59Z', '2022-03-17'],
    ['2022-03-18T00:00:00Z', '2022-03-18'],
    // BST in summer: London = UTC+1, so 23:30 UTC is already tomorrow
    ['2022-06-30T22:59:59Z', '2022-06-30'],
    ['2022-06-30T23:30:00Z', '2022-07-01'],
    // The night the clocks go forward (27 March 2022, 01:00 UTC) and back (30 October 2022, 01:00 UTC)
    ['2022-03-27T00:30:00Z', '2022-03-27'],
    ['2022-03-26T23:30:00Z', '2022-03-26'],
    ['2022-10-29T23:30:00Z', '2022-10-30'],
    ['2022-10-30T23:30:00Z', '2022-10-30'],
  ])('%s is %s in London', (instant, date) => {
    expect(londonDate(new Date(instant))).toBe(date);
  });

  it('gives consecutive references either side of midnight London time', () => {
    const before = londonDate(new Date('2022-06-30T22:50:00Z'));
    const after = londonDate(new Date('2022-06-30T23:10:00Z'));
    const first = next(before);
    expect(first).toBe('MCO220630-01');
    expect(next(after, [first])).toBe('MCO220701-01');
  });
});

describe('checks', () => {
  it('accepts good formats and refuses bad ones with a reason', () => {
    expect(checkReferencePattern('{prefix}{yyMMdd}-{nn}')).toBeNull();
    expect(checkReferencePattern('{prefix}{yyMMdd}')).toMatch(/sequence/);
    expect(checkReferencePattern('{prefix}{nn}{nn}')).toMatch(/sequence/);
    expect(checkReferencePattern('{prefix}{week}-{nn}')).toMatch(/unknown part \{week\}/);
    expect(checkReferencePattern('{prefix} {nn}')).toMatch(/only letters/);
  });
  it('checks a typed reference', () => {
    expect(checkManualReference('MCO200114-03')).toBeNull();
    expect(checkManualReference('')).toMatch(/Enter/);
    expect(checkManualReference('../etc')).toMatch(/letters, digits/);
    expect(checkManualReference('x'.repeat(41))).toMatch(/40/);
  });
});
