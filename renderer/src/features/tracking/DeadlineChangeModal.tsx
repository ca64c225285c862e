import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { LetterDetail } from '../../../../electron/core/letters/views';
import { useApiMutation } from '../../api/queries';
import { DateField } from '../../components/DateField';

/** Extend a deadline by some days, to a date, or set it outright: always with a reason, kept in its history. */
export function DeadlineChangeModal(props: { detail: LetterDetail; onClose: () => void; onSaved: (d: LetterDetail) => void }) {
  const change = useApiMutation('letters.changeDeadline');
  const [kind, setKind] = useState<'extension' | 'extension-to' | 'override'>('extension');
  const [days, setDays] = useState(5);
  const [dayKind, setDayKind] = useState<'working' | 'calendar'>('working');
  const [date, setDate] = useState<string | null>(null);
  const [dateOk, setDateOk] = useState(false);
  const [reason, setReason] = useState('');
  const submit = () =>
    change.mutate(
      {
        id: props.detail.letter.id,
        change: kind === 'extension' ? { kind, days, dayKind, reason } : { kind, date: date ?? '', reason },
      },
      { onSuccess: props.onSaved },
    );
  return (
    <Modal opened onClose={props.onClose} title="Change the reply deadline">
      <Stack>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          data={[
            { value: 'extension', label: 'Extend by days' },
            { value: 'extension-to', label: 'Extend to a date' },
            { value: 'override', label: 'Set a date' },
          ]}
        />
        {kind === 'extension' ? (
          <Group>
            <NumberInput label="Days" min={1} max={366} value={days} onChange={(v) => typeof v === 'number' && setDays(v)} w={100} />
            <Select label="Counting" value={dayKind} onChange={(v) => v && setDayKind(v as typeof dayKind)} allowDeselect={false} data={[{ value: 'working', label: 'working days' }, { value: 'calendar', label: 'calendar days' }]} w={180} />
          </Group>
        ) : (
          <DateField label="New deadline" value={date} onChange={setDate} onValidityChange={setDateOk} today={props.detail.today} w={220} />
        )}
        <Textarea label="Reason" withAsterisk description="Kept with the deadline’s history, e.g. “IOPC asked for more time: letter of 28 March”" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {change.isError && <Alert color="red" role="alert">{change.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={change.isPending} disabled={kind !== 'extension' && !dateOk}>
            Save deadline
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
