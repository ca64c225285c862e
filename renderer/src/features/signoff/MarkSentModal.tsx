import { Alert, Button, Group, Loader, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { DateField } from '../../components/DateField';
import { useState } from 'react';
import type { LetterDetail } from '../../../../electron/core/letters/views';
import { SEND_METHOD_LABELS, SEND_METHODS } from '../../../../electron/core/signoff/signoff';
import { useApiMutation } from '../../api/queries';
import { ReadinessList } from '../letters/readiness/ReadinessList';
import { readinessIntro } from '../letters/readiness/ReadinessModal';
import { useReadinessReport } from '../letters/readiness/useReadinessGate';

/**
 * Record that the letter went: when and how. The reply deadline counts from that day. The pre-send check's
 * problems, unfinished sign-off among them, are listed here together and answered by one reason.
 */
export function MarkSentModal(props: { detail: LetterDetail; onClose: () => void; onSent: (d: LetterDetail) => void }) {
  const markSent = useApiMutation('letters.markSent');
  const check = useReadinessReport(props.detail.letter.id, 'mark-sent');
  const [date, setDate] = useState<string | null>(props.detail.today);
  const [method, setMethod] = useState<(typeof SEND_METHODS)[number]>('email');
  const [reason, setReason] = useState('');
  // A date that does not read (31/02/2027) is never saved by the field, so the button must not send the old one.
  const [dateOk, setDateOk] = useState(true);
  const report = check.data;
  // Blocked, or a reason still to give: the list says why, so the button waits rather than being refused.
  const waiting = !dateOk || check.isPending || report?.blocked === true || (report?.needsReason === true && reason.trim() === '');
  return (
    <Modal opened onClose={props.onClose} title={`Mark ${props.detail.letter.reference} as sent`} size="lg">
      <Stack>
        <DateField label="Sent on" value={date} onChange={setDate} onValidityChange={setDateOk} today={props.detail.today} error={markSent.error?.fieldErrors['date']} />
        <SegmentedControl aria-label="Sent by" value={method} onChange={(v) => setMethod(v as typeof method)} data={SEND_METHODS.map((m) => ({ value: m, label: SEND_METHOD_LABELS[m] }))} />
        {check.isPending && (
          <Group gap="xs">
            <Loader size="xs" aria-label="Checking the letter" />
            <Text size="sm">Checking the letter…</Text>
          </Group>
        )}
        {check.isError && <Alert color="red">{check.error.message}</Alert>}
        {report && report.problems.length > 0 && (
          <Alert color={report.blocked ? 'red' : 'yellow'} title={report.blocked ? 'This letter cannot be sent as it stands' : 'Check before sending'} data-testid="readiness-check">
            <Stack gap="xs">
              <Text size="sm">{readinessIntro(report)}</Text>
              <ReadinessList problems={report.problems} />
              {report.needsReason && (
                <Textarea label="Reason for sending anyway" description="Kept on the record with the letter, with your name and the time" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} />
              )}
            </Stack>
          </Alert>
        )}
        {markSent.isError && !markSent.error.fieldErrors['date'] && <Alert color="red" role="alert">{markSent.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button
            loading={markSent.isPending}
            disabled={waiting}
            onClick={() => markSent.mutate({ id: props.detail.letter.id, date: date ?? '', method, ...(reason.trim() && { overrideReason: reason }) }, { onSuccess: props.onSent })}
          >
            Mark as sent
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
