import { Alert, Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { formatIsoDate } from '../../../../electron/core/dates/londonDate';
import type { LetterDetail } from '../../../../electron/core/letters/views';
import { readyToSend, signoffStates, signoffSummary } from '../../../../electron/core/signoff/signoff';
import { useApiMutation } from '../../api/queries';
import { DateField } from '../../components/DateField';

type Entry = { kind: 'sign' | 'decline'; signatoryId: string; name: string } | null;

/** Each signatory's state on this letter, and recording a signature (on paper or by email) or a refusal. */
export function SignoffPanel({ detail, onDetail }: { detail: LetterDetail; onDetail: (d: LetterDetail) => void }) {
  const record = useApiMutation('signoff.record');
  const [entry, setEntry] = useState<Entry>(null);
  const [date, setDate] = useState<string | null>(detail.today);
  const [dateOk, setDateOk] = useState(true);
  const [method, setMethod] = useState<'paper' | 'email'>('paper');
  const [comment, setComment] = useState('');
  const states = signoffStates(detail.letter);
  const locked = detail.letter.status === 'sent' || detail.letter.status === 'closed';
  const done = (d: LetterDetail) => {
    onDetail(d);
    setEntry(null);
    setComment('');
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Sign-off
        </Title>
        <Group gap={6}>
          <Badge variant="light" data-testid="signoff-summary">
            {signoffSummary(detail.letter)}
          </Badge>
          {!locked && states.length > 0 && readyToSend(detail.letter) && (
            <Badge color="green" data-testid="ready-to-send">
              Ready to send
            </Badge>
          )}
        </Group>
      </Group>
      {states.length === 0 ? (
        <Text size="sm" c="dimmed">Add signatories to the letter first.</Text>
      ) : (
        <Table data-testid="signoff-table">
          <Table.Tbody>
            {states.map((s) => (
              <Table.Tr key={s.signatoryId}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>
                  {s.signoff?.state === 'signed' ? (
                    <Badge color="green" variant="light">Signed {formatIsoDate(s.signoff.date)} ({s.signoff.method === 'email' ? 'by email' : 'on paper'})</Badge>
                  ) : s.signoff?.state === 'declined' ? (
                    <Badge color="red" variant="light" title={s.signoff.comment}>Declined: {s.signoff.comment}</Badge>
                  ) : (
                    <Badge color="gray" variant="light">Awaiting</Badge>
                  )}
                </Table.Td>
                <Table.Td w={250}>
                  <Group gap={4} justify="flex-end">
                    <Button size="compact-xs" disabled={locked} onClick={() => setEntry({ kind: 'sign', signatoryId: s.signatoryId, name: s.name })}>
                      Signed
                    </Button>
                    <Button size="compact-xs" variant="default" disabled={locked} onClick={() => setEntry({ kind: 'decline', signatoryId: s.signatoryId, name: s.name })}>
                      Declined
                    </Button>
                    {s.signoff && (
                      <Button size="compact-xs" variant="subtle" disabled={locked} onClick={() => record.mutate({ letterId: detail.letter.id, signatoryId: s.signatoryId, entry: { state: 'awaiting' } }, { onSuccess: done })}>
                        Reset
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {entry && (
        <Modal opened onClose={() => setEntry(null)} title={entry.kind === 'sign' ? `${entry.name} has signed` : `${entry.name} has declined`}>
          <Stack>
            {entry.kind === 'sign' ? (
              <>
                <DateField label="Signed on" value={date} onChange={setDate} onValidityChange={setDateOk} today={detail.today} />
                <SegmentedControl value={method} onChange={(v) => setMethod(v as typeof method)} data={[{ value: 'paper', label: 'Signed on paper' }, { value: 'email', label: 'Approved by email' }]} />
              </>
            ) : (
              <Textarea label="Comment" withAsterisk description="Why, or what they want changed" value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
            )}
            {record.isError && <Alert color="red" role="alert">{record.error.message}</Alert>}
            <Button
              loading={record.isPending}
              disabled={entry.kind === 'sign' && !dateOk}
              onClick={() =>
                record.mutate(
                  { letterId: detail.letter.id, signatoryId: entry.signatoryId, entry: entry.kind === 'sign' ? { state: 'signed', date: date ?? '', method } : { state: 'declined', comment } },
                  { onSuccess: done },
                )
              }
            >
              Save
            </Button>
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}
