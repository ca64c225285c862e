import { describe, expect, it } from 'vitest';
import { deadlineEventSchema, effectiveDeadline, type DeadlineEvent } from '../../../electron/core/deadlines/deadlineHistory';
import { calendar, england } from './calendars';

const by = { by: 'Jo Bloggs', at: '2022-03-30T09:15:00Z' };
const extendDays = (days: number, dayKind: 'calendar' | 'working', reason = 'Awaiting legal advice'): DeadlineEvent => ({ kind: 'extension', days, dayKind, reason, ...by });
const rule10 = { rule: { kind: 'working' as const, days: 10 }, start: '2022-03-17', manualDate: null };

describe('effectiveDeadline', () => {
  it('applies extensions and overrides in order, each from the date as it then stood', () => {
    const events: DeadlineEvent[] = [
      extendDays(5, 'working'),
      // 00:30 on 2 April in London, still 1 April in UTC: the step must say 2 April.
      { kind: 'override', date: '2022-04-14', reason: 'Agreed with the Commissioner’s office', by: 'Sam Patel', at: '2022-04-01T23:30:00Z' },
      extendDays(2, 'working', 'Easter'),
      { kind: 'extension-to', date: '2022-04-29', reason: 'Further information requested', by: 'Jo Bloggs', at: '2022-04-19T10:00:00+01:00' },
      { kind: 'extension-to', date: '2022-04-23', reason: 'Typed in error', by: 'Jo Bloggs', at: '2022-04-20T10:00:00Z' },
    ];
    const result = effectiveDeadline({ ...rule10, events }, england());
    expect(result.date).toBe('2022-04-23');
    expect(result.steps.map((s) => [s.label, s.date])).toEqual([
      ['Deadline rule: 10 working days', '2022-03-31'],
      ['Extended by 5 working days', '2022-04-07'],
      ['Overridden', '2022-04-14'],
      ['Extended by 2 working days', '2022-04-20'], // past Good Friday and Easter Monday
      ['Extended to 29 April 2022', '2022-04-29'],
      ['Extended to 23 April 2022 (earlier than before)', '2022-04-23'],
    ]);
    expect(result.steps.map((s) => s.explanation)).toEqual([
      '10 working days from 17 March 2022, skipping the weekends of 19–20 March and 26–27 March 2022 → 31 March 2022',
      '5 working days from 31 March 2022, skipping the weekend of 2–3 April 2022 → 7 April 2022; extended by Jo Bloggs on 30 March 2022: Awaiting legal advice',
      'Changed from 7 April 2022 to 14 April 2022 by Sam Patel on 2 April 2022: Agreed with the Commissioner’s office',
      '2 working days from 14 April 2022, skipping the weekend of 16–17 April 2022; Good Friday, 15 April 2022; and Easter Monday, 18 April 2022 → 20 April 2022; extended by Jo Bloggs on 30 March 2022: Easter',
      'Extended from 20 April 2022 to 29 April 2022 by Jo Bloggs on 19 April 2022: Further information requested',
      'Extended from 29 April 2022 to 23 April 2022 by Jo Bloggs on 20 April 2022: Typed in error, which is earlier than the deadline it replaces (not a working day: a weekend)',
    ]);
  });

  it('lets an extension flow through a holiday added later', () => {
    const input = { ...rule10, events: [extendDays(5, 'working')] };
    expect(effectiveDeadline(input, england()).date).toBe('2022-04-07');
    expect(effectiveDeadline(input, calendar({ added: [{ date: '2022-04-05', name: 'Office closure' }] })).date).toBe('2022-04-08');
    // A holiday before the base deadline moves the base, and the extension counts on from there.
    const moved = effectiveDeadline(input, calendar({ added: [{ date: '2022-03-25', name: 'Office closure' }] }));
    expect(moved.steps.map((s) => s.date)).toEqual(['2022-04-01', '2022-04-08']);
  });

  it('keeps an overridden date whatever the calendar does', () => {
    const input = { ...rule10, events: [{ kind: 'override', date: '2022-04-08', reason: 'Agreed', ...by } satisfies DeadlineEvent] };
    expect(effectiveDeadline(input, calendar({ added: [{ date: '2022-04-08', name: 'Office closure' }] })).date).toBe('2022-04-08');
    expect(effectiveDeadline(input, calendar({ added: [{ date: '2022-04-08', name: 'Office closure' }] })).steps[1]?.explanation).toBe(
      'Changed from 31 March 2022 to 8 April 2022 by Jo Bloggs on 30 March 2022: Agreed (not a working day: Office closure)',
    );
  });

  it('starts from a date entered by hand, and extends it by calendar days with roll-forward', () => {
    const input = { rule: null, start: '2022-03-17', manualDate: '2022-03-31', events: [extendDays(16, 'calendar')] };
    const rolled = effectiveDeadline(input, england(true));
    expect(rolled.steps.map((s) => [s.label, s.date])).toEqual([
      ['Date entered by hand', '2022-03-31'],
      ['Extended by 16 calendar days', '2022-04-19'],
    ]);
    expect(rolled.steps[0]?.explanation).toBe('Set by hand to 31 March 2022');
    expect(effectiveDeadline(input, england(false)).date).toBe('2022-04-16');
  });

  it('has nothing to extend without a date, but an override gives it one', () => {
    const none = { rule: null, start: '2022-03-17', manualDate: null };
    expect(effectiveDeadline({ ...none, events: [] }, england())).toEqual({ date: null, steps: [] });
    expect(effectiveDeadline({ ...none, events: [extendDays(5, 'working')] }, england())).toEqual({ date: null, steps: [] });
    const set = effectiveDeadline({ ...none, events: [extendDays(5, 'working'), { kind: 'override', date: '2022-04-14', reason: 'Asked by phone', ...by }, extendDays(1, 'working')] }, england());
    expect(set.date).toBe('2022-04-19');
    expect(set.steps.map((s) => s.explanation)[0]).toBe('Changed to 14 April 2022 by Jo Bloggs on 30 March 2022: Asked by phone');
  });

  it('applies events in the order given, not sorted', () => {
    const override: DeadlineEvent = { kind: 'override', date: '2022-04-14', reason: 'Agreed', ...by };
    expect(effectiveDeadline({ ...rule10, events: [override, extendDays(1, 'working')] }, england()).date).toBe('2022-04-19');
    expect(effectiveDeadline({ ...rule10, events: [extendDays(1, 'working'), override] }, england()).date).toBe('2022-04-14');
  });
});

describe('deadline event schema', () => {
  it('accepts each kind of change', () => {
    for (const e of [
      { kind: 'override', date: '2022-04-14', reason: 'Agreed', by: 'Jo Bloggs', at: '2022-03-30T09:15:00.000Z' },
      { kind: 'extension', days: 5, dayKind: 'working', reason: 'Agreed', by: 'Jo Bloggs', at: '2022-03-30T10:15:00+01:00' },
      { kind: 'extension-to', date: '2022-04-29', reason: 'Agreed', by: 'Jo Bloggs', at: '2022-03-30T09:15:00Z' },
    ]) {
      expect(deadlineEventSchema.parse(e)).toEqual(e);
    }
  });

  it('refuses a change without a reason or author, with an impossible date or day count, or of an unknown kind', () => {
    const ok = { kind: 'extension', days: 5, dayKind: 'working', reason: 'Agreed', by: 'Jo Bloggs', at: '2022-03-30T09:15:00Z' };
    expect(deadlineEventSchema.safeParse(ok).success).toBe(true);
    expect(deadlineEventSchema.safeParse({ ...ok, reason: '   ' }).success).toBe(false);
    expect(deadlineEventSchema.safeParse({ ...ok, by: '' }).success).toBe(false);
    expect(deadlineEventSchema.safeParse({ ...ok, days: 0 }).success).toBe(false);
    expect(deadlineEventSchema.safeParse({ ...ok, days: 2.5 }).success).toBe(false);
    expect(deadlineEventSchema.safeParse({ ...ok, dayKind: 'weekdays' }).success).toBe(false);
    expect(deadlineEventSchema.safeParse({ ...ok, at: '30/03/2022' }).success).toBe(false);
    expect(deadlineEventSchema.safeParse({ kind: 'override', date: '2022-02-30', reason: 'x', by: 'y', at: ok.at }).success).toBe(false);
    expect(deadlineEventSchema.safeParse({ ...ok, kind: 'postpone' }).success).toBe(false);
  });
});
