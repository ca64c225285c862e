import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CommitmentSuggestion } from '../../../../electron/core/commitments/suggest';
import { call } from '../../api/desk';
import { addCalendarDays } from '../../../../electron/core/deadlines/calendarMath';

/**
 * Commitments read from the letter's own words ("we would like your assurance that…", "within the next
 * fortnight"), for the officer to accept as they are, edit, or dismiss. Nothing is added without a click.
 */
/** A due date for an accepted suggestion: its own date, or a span of calendar days counted from the letter's date. */
function dueDateOf(s: CommitmentSuggestion, letterDate: string): string | null {
  if (s.deadline?.date) return s.deadline.date;
  if (s.deadline?.kind === 'calendar-days' && s.deadline.days) return addCalendarDays(letterDate, s.deadline.days);
  return null; // working days need the office's calendar: the letter's own deadline applies instead
}

export function SuggestionsPanel(props: { letterId: string; letterDate: string; flush: () => Promise<unknown>; onAccept: (text: string, dueDate: string | null) => void; disabled: boolean }) {
  const [items, setItems] = useState<(CommitmentSuggestion & { draft: string })[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setError(null);
    try {
      await props.flush();
      setItems((await call('commitments.suggest', { id: props.letterId })).map((s) => ({ ...s, draft: s.text })));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const drop = (i: number) => setItems((list) => list?.filter((_, j) => j !== i) ?? null);
  return (
    <Stack gap="xs">
      <Button size="xs" variant="light" w="fit-content" onClick={() => void load()} disabled={props.disabled}>
        Suggest commitments from the letter
      </Button>
      {error && <Alert color="red">{error}</Alert>}
      {items && items.length === 0 && <Text size="sm" c="dimmed">No further requests found in the letter.</Text>}
      {items?.map((s, i) => (
        <Paper key={`${s.source}-${i}`} withBorder p="xs" data-testid="suggestion">
          <Text size="xs" c="dimmed" mb={4}>
            From: “{s.source}”{s.deadline && ` · deadline: ${s.deadline.phrase}`}
          </Text>
          <Group wrap="nowrap" gap="xs">
            <TextInput aria-label={`Suggested commitment ${i + 1}`} value={s.draft} onChange={(e) => { const v = e.currentTarget.value; setItems((list) => list?.map((x, j) => (j === i ? { ...x, draft: v } : x)) ?? null); }} style={{ flex: 1 }} />
            <Button size="xs" onClick={() => { props.onAccept(s.draft, dueDateOf(s, props.letterDate)); drop(i); }}>
              Accept
            </Button>
            <Button size="xs" variant="subtle" color="gray" onClick={() => drop(i)}>
              Dismiss
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
