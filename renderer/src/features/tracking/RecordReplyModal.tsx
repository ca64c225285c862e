import { Alert, Button, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { COMMITMENT_STATUS_LABELS, COMMITMENT_STATUSES, currentStatus, type CommitmentStatus } from '../../../../electron/core/commitments/commitment';
import type { LetterDetail } from '../../../../electron/core/letters/views';
import { useApiMutation } from '../../api/queries';
import { DateField } from '../../components/DateField';

/** Record a reply and, for each commitment the letter asked for, what the reply said about it. */
export function RecordReplyModal(props: { detail: LetterDetail; onClose: () => void; onSaved: (d: LetterDetail) => void }) {
  const { letter } = props.detail;
  const create = useApiMutation('replies.create');
  const [receivedDate, setReceivedDate] = useState<string | null>(props.detail.today);
  const [receivedDateOk, setReceivedDateOk] = useState(true);
  const [from, setFrom] = useState(letter.recipient.fullName);
  const [theirReference, setTheirReference] = useState('');
  const [summary, setSummary] = useState('');
  const [answers, setAnswers] = useState<Record<string, CommitmentStatus | null>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const save = () =>
    create.mutate(
      {
        letterId: letter.id,
        receivedDate: receivedDate ?? '',
        from,
        theirReference,
        summary,
        answers: Object.entries(answers).flatMap(([commitmentId, status]) => (status ? [{ commitmentId, status, note: notes[commitmentId] ?? '' }] : [])),
      },
      { onSuccess: (d) => props.onSaved(d) },
    );
  return (
    <Modal opened onClose={props.onClose} title={`Record a reply to ${letter.reference}`} size="xl">
      <Stack>
        <Group grow>
          <DateField label="Received" value={receivedDate} onChange={setReceivedDate} onValidityChange={setReceivedDateOk} today={props.detail.today} error={create.error?.fieldErrors['receivedDate']} />
          <TextInput label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput label="Their reference" value={theirReference} onChange={(e) => setTheirReference(e.currentTarget.value)} />
        </Group>
        <Textarea label="Summary" description="What the reply says, in a few lines" autosize minRows={3} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
        {props.detail.threadCommitments.length > 0 && (
          <>
            <Text fw={500} size="sm">
              What does the reply say about each commitment?
            </Text>
            <Table withTableBorder>
              <Table.Tbody>
                {props.detail.threadCommitments.map(({ commitment: c, reference }, i) => (
                  <Table.Tr key={c.id}>
                    <Table.Td w="45%">
                      <Text size="sm">{c.text}</Text>
                      <Text size="xs" c="dimmed">
                        Now: {COMMITMENT_STATUS_LABELS[currentStatus(c)]}
                        {reference !== letter.reference && ` · asked in ${reference}`}
                      </Text>
                    </Table.Td>
                    <Table.Td w="22%">
                      <Select
                        aria-label={`Answer to commitment ${i + 1}`}
                        placeholder="Not answered"
                        data={COMMITMENT_STATUSES.filter((s) => s !== 'requested').map((s) => ({ value: s, label: COMMITMENT_STATUS_LABELS[s] }))}
                        value={answers[c.id] ?? null}
                        onChange={(v) => setAnswers({ ...answers, [c.id]: v as CommitmentStatus | null })}
                        clearable
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`Note on commitment ${i + 1}`} placeholder="Note (optional)" value={notes[c.id] ?? ''} onChange={(e) => setNotes({ ...notes, [c.id]: e.currentTarget.value })} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        {create.isError && (
          <Alert color="red" role="alert">
            {create.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button onClick={save} loading={create.isPending} disabled={!receivedDateOk}>
            Save reply
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
