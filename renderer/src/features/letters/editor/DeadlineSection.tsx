import { Group, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { formatIsoDate } from '../../../../../electron/core/dates/londonDate';
import type { DeadlineRule } from '../../../../../electron/core/letters/deadlineRule';

type Mode = 'none' | 'rule' | 'date';

/**
 * When a reply is asked for: a rule (14 calendar days, 10 working days) counted from the day the letter is
 * sent, or a date. The date in force, and how it was worked out, come from main after each save, because
 * only main knows the bank holidays, extensions and overrides.
 */
export function DeadlineSection(props: {
  rule: DeadlineRule | null;
  manualDate: string | null;
  effectiveDate: string | null;
  explanation: string | null;
  onChange: (v: { deadlineRule: DeadlineRule | null; deadlineManualDate: string | null }) => void;
  readOnly: boolean;
}) {
  const mode: Mode = props.rule ? 'rule' : props.manualDate ? 'date' : 'none';
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
        onChange={(m) => {
          if (m === 'none') props.onChange({ deadlineRule: null, deadlineManualDate: null });
          if (m === 'rule') props.onChange({ deadlineRule: props.rule ?? { kind: 'calendar', days: 14 }, deadlineManualDate: null });
          if (m === 'date') props.onChange({ deadlineRule: null, deadlineManualDate: props.manualDate ?? props.effectiveDate });
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
            onChange={(v) => typeof v === 'number' && v >= 1 && v <= 366 && props.onChange({ deadlineRule: { ...props.rule!, days: Math.round(v) }, deadlineManualDate: null })}
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
        <DateInput label="Reply by" valueFormat="D MMMM YYYY" value={props.manualDate} disabled={props.readOnly} onChange={(d) => d && props.onChange({ deadlineRule: null, deadlineManualDate: d })} w={220} />
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
