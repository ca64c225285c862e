import { Group, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { computeDeadline } from '../../../../../electron/core/deadlines/computeDeadline';
import { formatIsoDate } from '../../../../../electron/core/dates/londonDate';
import { describeDeadlineRule, type DeadlineRule } from '../../../../../electron/core/letters/deadlineRule';

type Mode = 'none' | 'rule' | 'date';

/** When a reply is asked for: a rule (14 calendar days, 10 working days) from the letter's date, or a date. */
export function DeadlineSection(props: {
  letterDate: string;
  rule: DeadlineRule | null;
  date: string | null;
  onChange: (v: { deadlineRule: DeadlineRule | null; deadlineDate: string | null }) => void;
  readOnly: boolean;
}) {
  const mode: Mode = props.rule ? 'rule' : props.date ? 'date' : 'none';
  const setRule = (rule: DeadlineRule) => props.onChange({ deadlineRule: rule, deadlineDate: computeDeadline(rule, props.letterDate) });
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
          { value: 'rule', label: 'Days after the letter' },
          { value: 'date', label: 'A date' },
        ]}
        onChange={(m) => {
          if (m === 'none') props.onChange({ deadlineRule: null, deadlineDate: null });
          if (m === 'rule') setRule(props.rule ?? { kind: 'calendar', days: 14 });
          if (m === 'date') props.onChange({ deadlineRule: null, deadlineDate: props.date ?? computeDeadline({ kind: 'calendar', days: 14 }, props.letterDate) });
        }}
      />
      {props.rule && (
        <Group align="flex-end">
          <NumberInput
            label="Days"
            min={1}
            max={366}
            w={100}
            value={props.rule.days}
            disabled={props.readOnly}
            onChange={(v) => typeof v === 'number' && v >= 1 && v <= 366 && setRule({ ...props.rule!, days: Math.round(v) })}
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
            onChange={(k) => k && setRule({ ...props.rule!, kind: k as DeadlineRule['kind'] })}
          />
        </Group>
      )}
      {mode === 'date' && (
        <DateInput
          label="Reply by"
          valueFormat="D MMMM YYYY"
          value={props.date}
          disabled={props.readOnly}
          onChange={(d) => d && props.onChange({ deadlineRule: null, deadlineDate: d })}
          w={220}
        />
      )}
      {props.date && (
        <Text size="sm" data-testid="deadline-explained">
          Reply by <strong>{formatIsoDate(props.date)}</strong>
          {props.rule && ` (${describeDeadlineRule(props.rule)} from ${formatIsoDate(props.letterDate)})`}
        </Text>
      )}
    </Stack>
  );
}
