import { Anchor, Badge, Text, Timeline } from '@mantine/core';
import { IconMail, IconMailForward, IconMessageReply } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { formatIsoDate } from '../../../../electron/core/dates/londonDate';
import { STATUS_LABELS } from '../../../../electron/core/letters/status';
import type { ThreadItem } from '../../../../electron/core/letters/views';

/** Letters, chasers and replies about one matter, in date order, as one story. */
export function ThreadView({ items, currentId }: { items: ThreadItem[]; currentId: string }) {
  const navigate = useNavigate();
  return (
    <Timeline bulletSize={22} lineWidth={2} aria-label="Correspondence thread" data-testid="thread">
      {items.map((item) =>
        item.kind === 'letter' ? (
          <Timeline.Item
            key={item.id}
            bullet={item.followUpKind === 'chaser' ? <IconMailForward size={13} /> : <IconMail size={13} />}
            title={
              item.id === currentId ? (
                <Text fw={700} size="sm" component="span" aria-current="page">
                  {item.followUpKind === 'chaser' ? 'Chaser' : 'Letter'} {item.reference} (this letter)
                </Text>
              ) : (
                // A real button, so the thread can be followed from the keyboard as well as with the mouse.
                <Anchor component="button" type="button" fw={500} size="sm" onClick={() => void navigate(`/letters/${item.id}`)}>
                  {item.followUpKind === 'chaser' ? 'Chaser' : 'Letter'} {item.reference}
                </Anchor>
              )
            }
            data-kind={item.followUpKind === 'chaser' ? 'chaser' : 'letter'}
          >
            <Text size="xs" c="dimmed">
              {formatIsoDate(item.date)} · {item.subject} <Badge size="xs" variant="light">{STATUS_LABELS[item.status]}</Badge>
            </Text>
          </Timeline.Item>
        ) : (
          <Timeline.Item key={item.id} bullet={<IconMessageReply size={13} />} title={<Text size="sm" fw={500} component="span">Reply from {item.from || 'the recipient'}</Text>} data-kind="reply">
            <Text size="xs" c="dimmed">
              {formatIsoDate(item.date)}
              {item.theirReference && ` · their ref. ${item.theirReference}`} · {item.summary.slice(0, 140)}
            </Text>
          </Timeline.Item>
        ),
      )}
    </Timeline>
  );
}
