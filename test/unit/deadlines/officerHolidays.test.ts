import { describe, expect, it } from 'vitest';
import type { DeadlineEvent } from '../../../electron/core/deadlines/deadlineHistory';
import { effectiveDeadline } from '../../../electron/core/deadlines/deadlineHistory';
import type { WorkingCalendar } from '../../../electron/core/deadlines/workingCalendar';
import { recomputeDeadlines, type DeadlineSubject } from '../../../electron/services/deadlines/bankHolidays';
import { calendar, working } from './calendars';

const closure = { date: '2022-03-25', name: 'Office closure' };
const withClosure = calendar({ added: [closure] });
const without = calendar();

describe('a holiday the office adds or removes', () => {
  it('moves a deadline when added, and back when removed', () => {
    expect(working(10, '2022-03-17', without).date).toBe('2022-03-31');
    expect(working(10, '2022-03-17', withClosure).date).toBe('2022-04-01');
    expect(working(10, '2022-03-17', withClosure).skipped).toContainEqual({ date: '2022-03-25', reason: 'Office closure' });
    // Taken off the list, or struck out with `removed`: either way the day is worked again.
    expect(working(10, '2022-03-17', calendar({ added: [] })).date).toBe('2022-03-31');
    expect(working(10, '2022-03-17', calendar({ added: [closure], removed: ['2022-03-25'] })).date).toBe('2022-03-31');
  });

  it('can strike out a bank holiday the office works after all', () => {
    expect(working(10, '2022-05-27', without).date).toBe('2022-06-14');
    expect(working(10, '2022-05-27', calendar({ removed: ['2022-06-03'] })).date).toBe('2022-06-13');
  });

  it('makes no difference on a weekend', () => {
    expect(working(10, '2022-03-17', calendar({ added: [{ date: '2022-03-26', name: 'Office closure' }] })).date).toBe('2022-03-31');
  });
});

type Letter = { ref: string } & Omit<DeadlineSubject, 'id' | 'current'>;
const extension: DeadlineEvent = { kind: 'extension', days: 5, dayKind: 'working', reason: 'Awaiting advice', by: 'Jo Bloggs', at: '2022-03-20T09:00:00Z' };
const override: DeadlineEvent = { kind: 'override', date: '2022-04-08', reason: 'Agreed', by: 'Jo Bloggs', at: '2022-03-20T09:00:00Z' };

const letters: Letter[] = [
  { ref: 'A', rule: { kind: 'working', days: 10 }, start: '2022-03-17', manualDate: null, events: [] }, // 31 March → 1 April
  { ref: 'B', rule: { kind: 'working', days: 10 }, start: '2022-04-01', manualDate: null, events: [] }, // after the closure
  { ref: 'C', rule: null, start: '2022-03-10', manualDate: '2022-03-25', events: [] }, // a date chosen by hand stays
  { ref: 'D', rule: { kind: 'calendar', days: 14 }, start: '2022-03-11', manualDate: null, events: [] }, // lands on the closure, rolls to Monday
  { ref: 'E', rule: null, start: '2022-03-10', manualDate: null, events: [] }, // no deadline
  { ref: 'F', rule: { kind: 'working', days: 5 }, start: '2022-03-14', manualDate: null, events: [extension] }, // 21 March + 5 → 28 → 29 March
  { ref: 'G', rule: { kind: 'working', days: 10 }, start: '2022-03-17', manualDate: null, events: [override] }, // overridden
];

/** Each letter with the deadline it has stored: the one worked out on `cal`. */
const storedOn = (cal: WorkingCalendar) => (l: Letter): DeadlineSubject => ({ id: l.ref, ...l, current: effectiveDeadline(l, cal).date });

describe('recomputeDeadlines', () => {
  it('reports exactly the deadlines an added holiday moves', () => {
    expect(recomputeDeadlines(letters, storedOn(without), without, withClosure)).toEqual([
      { id: 'A', before: '2022-03-31', after: '2022-04-01' },
      { id: 'D', before: '2022-03-25', after: '2022-03-28' },
      { id: 'F', before: '2022-03-28', after: '2022-03-29' },
    ]);
  });

  it('reports them moving back when it is removed', () => {
    expect(recomputeDeadlines(letters, storedOn(withClosure), withClosure, without)).toEqual([
      { id: 'A', before: '2022-04-01', after: '2022-03-31' },
      { id: 'D', before: '2022-03-28', after: '2022-03-25' },
      { id: 'F', before: '2022-03-29', after: '2022-03-28' },
    ]);
  });

  it('reports nothing once the stored dates are up to date, or when nothing changed', () => {
    expect(recomputeDeadlines(letters, storedOn(withClosure), without, withClosure)).toEqual([]);
    expect(recomputeDeadlines(letters, storedOn(without), without, without)).toEqual([]);
  });

  it('compares with the old calendar when no date was stored', () => {
    const unstored = (l: Letter): DeadlineSubject => ({ id: l.ref, ...l, current: null });
    expect(recomputeDeadlines(letters, unstored, without, withClosure).map((c) => c.id)).toEqual(['A', 'D', 'F']);
  });
});
