import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import type { LetterDetail } from '../../../../electron/core/letters/views';
import { SEND_METHOD_LABELS, SEND_METHODS, unsignedNames } from '../../../../electron/core/signoff/signoff';
import { useApiMutation } from '../../api/queries';

/** Record that the letter went: when and how. The reply deadline counts from that day. */
export function MarkSentModal(props: { detail: LetterDetail; onClose: () => void; onSent: (d: LetterDetail) => void }) {
  const markSent = useApiMutation('letters.markSent');
  const [date, setDate] = useState<string | null>(props.detail.today);
  const [method, setMethod] = useState<(typeof SEND_METHODS)[number]>('email');
  const [reason, setReason] = useState('');
  const unsigned = unsignedNames(props.detail.letter);
  return (
    <Modal opened onClose={props.onClose} title={`Mark ${props.detail.letter.reference} as sent`}>
      <Stack>
        <DateInput label="Sent on" valueFormat="D MMMM YYYY" value={date} onChange={setDate} error={markSent.error?.fieldErrors['date']} />
        <SegmentedControl aria-label="Sent by" value={method} onChange={(v) => setMethod(v as typeof method)} data={SEND_METHODS.map((m) => ({ value: m, label: SEND_METHOD_LABELS[m] }))} />
        {unsigned.length > 0 && (
          <Alert color="yellow" title="Not everyone has signed">
            <Text size="sm">Still to sign: {unsigned.join(', ')}.</Text>
            <Textarea mt="xs" label="Reason for sending anyway" description="Kept on the record with the names above" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          </Alert>
        )}
        {markSent.isError && !markSent.error.fieldErrors['date'] && <Alert color="red" role="alert">{markSent.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button
            loading={markSent.isPending}
            onClick={() => markSent.mutate({ id: props.detail.letter.id, date: date ?? '', method, ...(unsigned.length > 0 && { overrideReason: reason }) }, { onSuccess: props.onSent })}
          >
            Mark as sent
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
