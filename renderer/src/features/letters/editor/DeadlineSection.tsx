import { Group, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatIsoDate } from '../../../../../electron/core/dates/londonDate';
import { deadlineRuleSchema, type DeadlineRule } from '../../../../../electron/core/letters/deadlineRule';
import { DateField } from '../../../components/DateField';

type Mode = 'none' | 'rule' | 'date';

const DEFAULT_RULE: DeadlineRule = { kind: 'calendar', days: 14 };
const { minValue: MIN_DAYS, maxValue: MAX_DAYS } = deadlineRuleSchema.shape.days;
const DAYS_MESSAGE = `Enter a whole number of days from ${MIN_DAYS} to ${MAX_DAYS}.`;

/** The days typed, if the rule allows them (the same schema main checks), else null. */
function allowedDays(kind: DeadlineRule['kind'], typed: string | number): number | null {
  const days = typeof typed === 'number' ? typed : typed.trim() === '' ? NaN : Number(typed);
  const parsed = deadlineRuleSchema.safeParse({ kind, days });
  return parsed.success ? parsed.data.days : null;
}

/**
 * When a reply is asked for: a rule (14 calendar days, 10 working days) counted from the day the letter is
 * sent, or a date. The date in force, and how it was worked out, come from main after each save, because
 * only main knows the bank holidays, extensions and overrides.
 *
 * Switching between None, a rule and a date keeps the officer's last rule and date, so trying "A date" and
 * coming back does not turn 20 working days into the default 14 calendar days. A number of days the rule
 * does not allow (0, -3, 1000, 2.5) stays in the field with a message and is never saved.
 */
export function DeadlineSection(props: {
  rule: DeadlineRule | null;
  manualDate: string | null;
  effectiveDate: string | null;
  explanation: string | null;
  onChange: (v: { deadlineRule: DeadlineRule | null; deadlineManualDate: string | null }) => void;
  readOnly: boolean;
}) {
  const [lastRule, setLastRule] = useState<DeadlineRule>(props.rule ?? DEFAULT_RULE);
  const [lastDate, setLastDate] = useState<string | null>(props.manualDate);
  const [daysText, setDaysText] = useState<string | number>(props.rule?.days ?? DEFAULT_RULE.days);
  // "A date" chosen before any date is typed: the field shows, empty, until one is.
  const [wantsDate, setWantsDate] = useState(false);
  const [seenRule, setSeenRule] = useState(props.rule);
  const [seenDate, setSeenDate] = useState(props.manualDate);

  // Remember what the letter holds whenever it changes, from here or from a save.
  if (props.rule !== seenRule) {
    setSeenRule(props.rule);
    if (props.rule) {
      setLastRule(props.rule);
      if (allowedDays(props.rule.kind, daysText) !== props.rule.days) setDaysText(props.rule.days);
    }
  }
  if (props.manualDate !== seenDate) {
    setSeenDate(props.manualDate);
    if (props.manualDate) setLastDate(props.manualDate);
  }

  const mode: Mode = props.rule ? 'rule' : props.manualDate || wantsDate ? 'date' : 'none';
  const daysProblem = props.rule && allowedDays(props.rule.kind, daysText) === null ? DAYS_MESSAGE : null;
  const choose = (m: Mode) => {
    setWantsDate(m === 'date');
    if (m === 'none') props.onChange({ deadlineRule: null, deadlineManualDate: null });
    if (m === 'rule') {
      setDaysText(lastRule.days);
      props.onChange({ deadlineRule: lastRule, deadlineManualDate: null });
    }
    if (m === 'date') props.onChange({ deadlineRule: null, deadlineManualDate: lastDate ?? props.effectiveDate });
  };

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        Reply deadline
      </Text>
      <SegmentedControl
        aria-label="Deadline"
        value={mode}
        disabled={props.readOnly}
        data={[
          { value: 'none', label: 'None' },
          { value: 'rule', label: 'Days after sending' },
          { value: 'date', label: 'A date' },
        ]}
        onChange={(m) => choose(m as Mode)}
      />
      {props.rule && (
        <Group align="flex-start">
          <NumberInput
            label="Days"
            min={MIN_DAYS ?? undefined}
            max={MAX_DAYS ?? undefined}
            // Clamping on blur would quietly turn 1000 into 366: refuse instead, and say why.
            clampBehavior="none"
            w={100}
            value={daysText}
            disabled={props.readOnly}
            error={daysProblem}
            onChange={(v) => {
              setDaysText(v);
              const days = allowedDays(props.rule!.kind, v);
              if (days !== null && days !== props.rule!.days) props.onChange({ deadlineRule: { ...props.rule!, days }, deadlineManualDate: null });
            }}
          />
          <Select
            label="Counting"
            w={180}
            allowDeselect={false}
            value={props.rule.kind}
            disabled={props.readOnly}
            data={[
              { value: 'calendar', label: 'calendar days' },
              { value: 'working', label: 'working days' },
            ]}
            onChange={(k) => k && props.onChange({ deadlineRule: { ...props.rule!, kind: k as DeadlineRule['kind'] }, deadlineManualDate: null })}
          />
        </Group>
      )}
      {mode === 'date' && (
        <DateField label="Reply by" value={props.manualDate} disabled={props.readOnly} onChange={(d) => d && props.onChange({ deadlineRule: null, deadlineManualDate: d })} w={220} />
      )}
      {props.effectiveDate && (
        <Text size="sm" data-testid="deadline-explained">
          Reply by <strong>{formatIsoDate(props.effectiveDate)}</strong>
          {props.explanation && <Text span c="dimmed" size="xs" display="block">{props.explanation}</Text>}
        </Text>
      )}
    </Stack>
  );
}
