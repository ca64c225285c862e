import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { COMMITMENT_STATUS_LABELS, COMMITMENT_STATUSES, currentStatus, type Commitment, type CommitmentStatus } from '../../../../electron/core/commitments/commitment';
import { formatIsoDate } from '../../../../electron/core/dates/londonDate';
import type { LetterDetail } from '../../../../electron/core/letters/views';
import { useApiMutation } from '../../api/queries';
import { DateField } from '../../components/DateField';

/** Change a commitment's status, with the date and the evidence: a reply, a note or a link. */
export function CommitmentStatusModal(props: { detail: LetterDetail; commitment: Commitment; onClose: () => void; onSaved: (d: LetterDetail) => void }) {
  const set = useApiMutation('commitments.setStatus');
  const { commitment } = props;
  const [status, setStatus] = useState<CommitmentStatus>(currentStatus(commitment));
  const [date, setDate] = useState<string | null>(props.detail.today);
  const [dateOk, setDateOk] = useState(true);
  const [kind, setKind] = useState<'none' | 'reply' | 'note' | 'link'>('none');
  const [replyId, setReplyId] = useState<string | null>(props.detail.replies[0]?.id ?? null);
  const [text, setText] = useState('');
  const evidence = kind === 'reply' && replyId ? { kind, replyId } : kind === 'note' ? { kind, text } : kind === 'link' ? { kind, url: text } : null;
  return (
    <Modal opened onClose={props.onClose} title="Update a commitment" size="lg">
      <Stack>
        <Text size="sm">{commitment.text}</Text>
        <Group grow>
          <Select label="Status" data={COMMITMENT_STATUSES.map((s) => ({ value: s, label: COMMITMENT_STATUS_LABELS[s] }))} value={status} onChange={(v) => v && setStatus(v as CommitmentStatus)} allowDeselect={false} />
          <DateField label="Date" value={date} onChange={setDate} onValidityChange={setDateOk} today={props.detail.today} />
        </Group>
        <SegmentedControl value={kind} onChange={(v) => setKind(v as typeof kind)} data={[{ value: 'none', label: 'No evidence' }, { value: 'reply', label: 'A reply', disabled: props.detail.replies.length === 0 }, { value: 'note', label: 'A note' }, { value: 'link', label: 'A link' }]} />
        {kind === 'reply' && <Select label="Reply" data={props.detail.replies.map((r) => ({ value: r.id, label: `${formatIsoDate(r.receivedDate)} from ${r.from}` }))} value={replyId} onChange={setReplyId} />}
        {(kind === 'note' || kind === 'link') && <TextInput label={kind === 'note' ? 'Note' : 'Link (https://…)'} value={text} onChange={(e) => setText(e.currentTarget.value)} />}
        <Text size="xs" c="dimmed">History: {commitment.history.map((h) => `${COMMITMENT_STATUS_LABELS[h.status]} ${formatIsoDate(h.date)}`).join(' → ')}</Text>
        {set.isError && <Alert color="red" role="alert">{set.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button loading={set.isPending} disabled={!dateOk} onClick={() => set.mutate({ letterId: props.detail.letter.id, commitmentId: commitment.id, status, date: date ?? '', evidence }, { onSuccess: props.onSaved })}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
