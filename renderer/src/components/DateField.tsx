import { ActionIcon, Popover, TextInput, type MantineSize } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { formatIsoDate } from '../../../electron/core/dates/londonDate';
import { readBritishDate } from '../../../electron/core/dates/readBritishDate';
import classes from './DateField.module.css';

/**
 * Every date the officer types goes through this one field. Interface is final; the internals are being
 * rebuilt around the core British date reader (issue 9).
 */
export interface DateFieldProps {
  label?: string;
  'aria-label'?: string;
  description?: string;
  placeholder?: string;
  /** A calendar date `yyyy-MM-dd`, or null when empty. */
  value: string | null;
  /** Called with a real date once the text reads as one, or null when the field is cleared. */
  onChange: (value: string | null) => void;
  /** A message from the service about this field (e.g. "That date is in the future."). */
  error?: string | null | undefined;
  clearable?: boolean;
  disabled?: boolean;
  required?: boolean;
  w?: number | string;
  size?: MantineSize;
  'data-testid'?: string;
  /** Today in London as the app's clock has it, for "today" and for the year a date without one is offered. */
  today?: string | undefined;
  /**
   * Told whether the text in the field is one it would save: false while it reads as no date (or is empty
   * and may not be), so a form can hold its Save button rather than send the date from before.
   */
  onValidityChange?: (valid: boolean) => void;
  /** In a toolbar: what was understood, or what is wrong, floats under the field instead of taking a line. */
  compact?: boolean;
}

const shown = (value: string | null) => (value ? formatIsoDate(value) : '');

// Mantine leaves the days and arrows unnamed; a screen reader should hear "18 March 2027", not "18".
const CALENDAR_LABELS = {
  monthLevelControl: 'Choose another month',
  yearLevelControl: 'Choose another year',
  nextMonth: 'Next month',
  previousMonth: 'Previous month',
  nextYear: 'Next year',
  previousYear: 'Previous year',
  nextDecade: 'Next decade',
  previousDecade: 'Previous decade',
};

/**
 * The officer types the date as they would write it; it is read day first by the core reader and, once
 * the field is left or Enter is pressed, saved and written back as `17 March 2027`. What was understood
 * shows under the field, in words with its weekday, from the first keystroke; a date that cannot be read
 * stays as typed, with the reason, and is never saved, so nothing silently falls back to the old date. A
 * calendar button offers the same by mouse.
 */
export function DateField(props: DateFieldProps) {
  const { value, onChange, clearable = false, onValidityChange } = props;
  const [text, setText] = useState(() => shown(value));
  // Typed since the value was last shown: the text is the officer's, not the saved date's.
  const [dirty, setDirty] = useState(false);
  const [focused, setFocused] = useState(false);
  // Once typed into, the field keeps its line of words: if it vanished on leaving the field, everything below
  // would jump between the press and release of a click on Save, and the click would be lost.
  const [typedInto, setTypedInto] = useState(false);
  const [calendarOpen, setCalendarOpen] = useState(false);
  const [lastValue, setLastValue] = useState(value);
  const input = useRef<HTMLInputElement>(null);

  // A new date from outside (a save answered, a form reset) replaces the text unless the officer is typing.
  if (value !== lastValue) {
    setLastValue(value);
    if (!(focused && dirty)) {
      setText(shown(value));
      setDirty(false);
    }
  }

  const reading = readBritishDate(text, props.today ? { today: props.today } : {});
  const empty = !reading.ok && reading.problem === 'empty';
  // Shown only for what the officer typed: an empty field they have not touched is not yet a mistake.
  const problem = !dirty || reading.ok || (empty && clearable) ? null : reading.message;
  const valid = reading.ok || (empty && clearable);
  useEffect(() => onValidityChange?.(valid), [valid, onValidityChange]);

  const show = (date: string | null) => {
    setText(shown(date));
    setDirty(false);
    if (date !== value) onChange(date);
  };
  const commit = () => {
    if (!dirty) return;
    if (reading.ok) show(reading.date);
    else if (empty && clearable) show(null);
    // Otherwise the text stays as typed, with its message, and nothing is saved.
  };

  const label = props['aria-label'] ?? props.label ?? 'date';
  const understood: ReactNode = typedInto && reading.ok ? reading.words : props.description;
  const picked = reading.ok ? reading.date : value;

  return (
    <TextInput
      ref={input}
      label={props.label}
      aria-label={props['aria-label']}
      description={understood}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...(props.compact && { classNames: { root: classes.compactRoot, wrapper: classes.compactInput, description: classes.compactMessage, error: classes.compactMessage } })}
      placeholder={props.placeholder ?? 'e.g. 17/03/2027'}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        setDirty(true);
        setTypedInto(true);
      }}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        commit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      error={problem ?? props.error ?? undefined}
      disabled={props.disabled}
      required={props.required}
      w={props.w}
      size={props.size}
      autoComplete="off"
      spellCheck={false}
      data-testid={props['data-testid']}
      rightSectionPointerEvents="all"
      rightSection={
        <Popover opened={calendarOpen} onChange={setCalendarOpen} position="bottom-end" trapFocus returnFocus shadow="md">
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" size={props.size === 'xs' ? 'sm' : 'md'} aria-label={`Choose ${label} from a calendar`} disabled={props.disabled} onClick={() => setCalendarOpen((o) => !o)}>
              <IconCalendar size={16} aria-hidden />
            </ActionIcon>
          </Popover.Target>
          {/* Mantine names the dropdown after its button: "Choose Sent on from a calendar". */}
          <Popover.Dropdown>
            <DatePicker
              value={picked}
              defaultDate={picked ?? props.today ?? undefined}
              getDayAriaLabel={formatIsoDate}
              ariaLabels={CALENDAR_LABELS}
              onChange={(d) => {
                setCalendarOpen(false);
                if (d) show(d);
                setTypedInto(true);
                input.current?.focus();
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
