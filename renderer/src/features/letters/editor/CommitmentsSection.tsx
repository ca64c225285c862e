import { ActionIcon, Button, Group, Paper, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { CommitmentDraft } from '../../../../../electron/core/commitments/commitment';
import { DateField } from '../../../components/DateField';

/**
 * What the letter asks for: each commitment's wording, who is asked (the recipient's organisation unless
 * another body is named), its own due date if it differs from the letter's, and tags for the register.
 */
export function CommitmentsSection(props: { value: CommitmentDraft[]; onChange: (c: CommitmentDraft[]) => void; readOnly: boolean; defaultOrganisation: string }) {
  const set = (i: number, patch: Partial<CommitmentDraft>) => props.onChange(props.value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        Commitments asked for
      </Text>
      {props.value.map((c, i) => (
        <Paper key={c.id} withBorder p="xs">
          <Group wrap="nowrap" gap="xs" align="flex-start">
            <Stack gap={6} style={{ flex: 1 }}>
              <TextInput aria-label={`Commitment ${i + 1}`} value={c.text} onChange={(e) => set(i, { text: e.currentTarget.value })} disabled={props.readOnly} />
              <Group gap="xs" grow>
                <TextInput size="xs" aria-label={`Commitment ${i + 1}: asked of`} placeholder={props.defaultOrganisation || 'Organisation asked'} value={c.organisation} onChange={(e) => set(i, { organisation: e.currentTarget.value })} disabled={props.readOnly} />
                <DateField size="xs" aria-label={`Commitment ${i + 1}: due`} placeholder="Due with the reply" value={c.dueDate} onChange={(d) => set(i, { dueDate: d })} clearable disabled={props.readOnly} />
                <TagsInput size="xs" aria-label={`Commitment ${i + 1}: tags`} placeholder="Tags" value={c.tags} onChange={(tags) => set(i, { tags })} disabled={props.readOnly} />
              </Group>
            </Stack>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove commitment ${i + 1}`} onClick={() => props.onChange(props.value.filter((_, j) => j !== i))} disabled={props.readOnly}>
              <IconX size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} disabled={props.readOnly} onClick={() => props.onChange([...props.value, newCommitment('')])}>
        Add a commitment
      </Button>
    </Stack>
  );
}

export const newCommitment = (text: string, dueDate: string | null = null): CommitmentDraft => ({ id: crypto.randomUUID(), text, organisation: '', dueDate, tags: [] });
