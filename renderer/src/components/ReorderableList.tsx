import { ActionIcon, Group, Paper, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * An ordered list the officer rearranges: CC groups, a letter's signatories and CC list. Move up / Move
 * down buttons rather than drag handles: they work from the keyboard and with a screen reader.
 */
export function ReorderableList<T>(props: {
  label: string;
  items: readonly T[];
  keyOf: (item: T, index: number) => string;
  nameOf: (item: T) => string;
  render: (item: T, index: number) => ReactNode;
  onChange: (items: T[]) => void;
  empty?: ReactNode;
}) {
  const { items, onChange } = props;
  const move = (from: number, to: number) => {
    const next = [...items];
    const [m] = next.splice(from, 1);
    next.splice(to, 0, m!);
    onChange(next);
  };
  if (items.length === 0) return <Text size="sm" c="dimmed">{props.empty ?? 'No one yet.'}</Text>;
  return (
    <ol aria-label={props.label} style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {items.map((item, i) => {
        const name = props.nameOf(item);
        return (
          <li key={props.keyOf(item, i)}>
            <Paper withBorder p={6} mb={4}>
              <Group justify="space-between" wrap="nowrap">
                <div style={{ minWidth: 0, flex: 1 }}>{props.render(item, i)}</div>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={`Move ${name} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" aria-label={`Move ${name} down`} disabled={i === items.length - 1} onClick={() => move(i, i + 1)}>
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove ${name}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              </Group>
            </Paper>
          </li>
        );
      })}
    </ol>
  );
}
