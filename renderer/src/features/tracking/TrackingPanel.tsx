import { Anchor, Button, Group, List, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { currentStatus, isOverdue, type Commitment } from '../../../../electron/core/commitments/commitment';
import { formatIsoDate } from '../../../../electron/core/dates/londonDate';
import type { LetterDetail } from '../../../../electron/core/letters/views';
import { call } from '../../api/desk';
import { useApiMutation } from '../../api/queries';
import { CommitmentStatusBadge } from './CommitmentStatusBadge';
import { CommitmentStatusModal } from './CommitmentStatusModal';
import { DeadlineChangeModal } from './DeadlineChangeModal';
import { RecordReplyModal } from './RecordReplyModal';
import { ReplyStateBadge } from './ReplyStateBadge';
import { ThreadView } from './ThreadView';
import { CommitmentNotes } from './CommitmentNotes';

/**
 * After a letter is sent: where its reply stands, how its deadline was worked out (and changed), what became
 * of each commitment, the replies with their files, and the whole thread.
 */
/** A file name as shown: without the invisible characters that can disguise `…‮fdp.exe` as a PDF. */
const displayName = (name: string) => name.replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '');

export function TrackingPanel({ detail, onDetail, onError }: { detail: LetterDetail; onDetail: (d: LetterDetail) => void; onError: (m: string) => void }) {
  const navigate = useNavigate();
  const { letter } = detail;
  const [modal, setModal] = useState<null | 'reply' | 'deadline' | Commitment>(null);
  const chaser = useApiMutation('letters.createChaser');
  const acknowledge = useApiMutation('letters.createAcknowledgement');
  const attach = useApiMutation('replies.attachFiles');
  const sent = letter.status === 'sent' || letter.status === 'closed';
  const today = detail.today;
  const saved = (d: LetterDetail) => {
    onDetail(d);
    setModal(null);
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={3} size="h5">
              Reply
            </Title>
            <ReplyStateBadge state={detail.reply.state} />
          </Group>
          <Group gap="xs">
            <Tooltip label={detail.reply.chase.reason} disabled={detail.reply.chase.offer}>
              <span>
                <Button
                  size="xs"
                  variant={detail.reply.chase.offer ? 'filled' : 'default'}
                  disabled={!detail.reply.chase.offer}
                  loading={chaser.isPending}
                  onClick={() => chaser.mutate({ id: letter.id }, { onSuccess: (d) => void navigate(`/letters/${d.letter.id}`), onError: (e) => onError(e.message) })}
                >
                  Create chaser
                </Button>
              </span>
            </Tooltip>
            <Button size="xs" disabled={!sent} onClick={() => setModal('reply')}>
              Record a reply
            </Button>
            {detail.replies.length > 0 && (
              <Button
                size="xs"
                variant="default"
                loading={acknowledge.isPending}
                onClick={() => acknowledge.mutate({ id: letter.id }, { onSuccess: (d) => void navigate(`/letters/${d.letter.id}`), onError: (e) => onError(e.message) })}
              >
                Acknowledge this reply
              </Button>
            )}
          </Group>
        </Group>
        {!detail.reply.chase.offer && sent && (
          <Text size="xs" c="dimmed" mt={4} data-testid="chase-reason">
            {detail.reply.chase.reason}
          </Text>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            Deadline {letter.deadlineDate ? formatIsoDate(letter.deadlineDate) : 'not set'}
          </Title>
          <Button size="xs" variant="default" onClick={() => setModal('deadline')}>
            Extend or change
          </Button>
        </Group>
        <Text size="xs" fw={500}>
          How this date was worked out
        </Text>
        <List size="xs" data-testid="deadline-steps">
          {detail.deadlineSteps.map((s, i) => (
            <List.Item key={i}>
              <strong>{s.label}</strong>: {s.explanation}
            </List.Item>
          ))}
        </List>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          Commitments
        </Title>
        {letter.commitments.length === 0 ? (
          <Text size="sm" c="dimmed">This letter asks for no commitments.</Text>
        ) : (
          <Table data-testid="commitment-statuses">
            <Table.Tbody>
              {letter.commitments.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm">{c.text}</Text>
                    <CommitmentNotes commitment={c} />
                  </Table.Td>
                  <Table.Td w={190}>
                    <CommitmentStatusBadge status={currentStatus(c)} overdue={sent && isOverdue(c, letter.deadlineDate, today)} />
                  </Table.Td>
                  <Table.Td w={90}>
                    <Button size="compact-xs" variant="default" disabled={!sent} onClick={() => setModal(c)}>
                      Update
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      {detail.replies.length > 0 && (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            Replies
          </Title>
          {detail.replies.map((r) => (
            <Stack key={r.id} gap={2} mb="sm" data-testid="reply">
              <Text size="sm" fw={500}>
                {formatIsoDate(r.receivedDate)}, from {r.from}
                {r.theirReference && ` (their ref. ${r.theirReference})`}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.summary}
              </Text>
              <Group gap="xs">
                {r.attachments.map((a) => (
                  <Anchor key={a.id} size="xs" component="button" onClick={() => void call('replies.openAttachment', { replyId: r.id, attachmentId: a.id }).catch((e: Error) => onError(e.message))}>
                    {displayName(a.name)} ({Math.ceil(a.size / 1024)} KB)
                  </Anchor>
                ))}
                <Button size="compact-xs" variant="subtle" onClick={() => attach.mutate({ id: r.id }, { onSuccess: () => void call('letters.get', { id: letter.id }).then(onDetail), onError: (e) => onError(e.message) })}>
                  Attach files
                </Button>
              </Group>
            </Stack>
          ))}
        </Paper>
      )}

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          Thread
        </Title>
        <ThreadView items={detail.thread} currentId={letter.id} />
      </Paper>

      {modal === 'reply' && <RecordReplyModal detail={detail} onClose={() => setModal(null)} onSaved={saved} />}
      {modal === 'deadline' && <DeadlineChangeModal detail={detail} onClose={() => setModal(null)} onSaved={saved} />}
      {modal && typeof modal === 'object' && <CommitmentStatusModal detail={detail} commitment={modal} onClose={() => setModal(null)} onSaved={saved} />}
    </Stack>
  );
}
