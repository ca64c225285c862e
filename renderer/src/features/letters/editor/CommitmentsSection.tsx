import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { CommitmentDraft } from '../../../../../electron/core/commitments/commitment';

/** What the letter asks the recipient to commit to; a chaser later lists those still outstanding. */
export function CommitmentsSection(props: { value: CommitmentDraft[]; onChange: (c: CommitmentDraft[]) => void; readOnly: boolean }) {
  const set = (i: number, text: string) => props.onChange(props.value.map((c, j) => (j === i ? { ...c, text } : c)));
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        Commitments asked for
      </Text>
      {props.value.map((c, i) => (
        <Group key={c.id} wrap="nowrap" gap="xs">
          <TextInput aria-label={`Commitment ${i + 1}`} value={c.text} onChange={(e) => set(i, e.currentTarget.value)} style={{ flex: 1 }} disabled={props.readOnly} />
          <ActionIcon variant="subtle" color="red" aria-label={`Remove commitment ${i + 1}`} onClick={() => props.onChange(props.value.filter((_, j) => j !== i))} disabled={props.readOnly}>
            <IconX size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        disabled={props.readOnly}
        onClick={() => props.onChange([...props.value, newCommitment('')])}
      >
        Add a commitment
      </Button>
    </Stack>
  );
}

export const newCommitment = (text: string): CommitmentDraft => ({ id: crypto.randomUUID(), text, organisation: '', dueDate: null, tags: [] });
