import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { TemplateGaps } from '../../../../../electron/core/letters/letterSchema';
import { templateGapNotes } from '../../../../../electron/core/letters/templateGaps';

/**
 * What the template named that the address book did not have. Kept on the letter (not only on the screen
 * that created it), so the notes are there each time the letter is opened, until the officer adds the
 * person or dismisses the note; the pre-send check asks about any still standing.
 */
export function TemplateGapNotes(props: { gaps: TemplateGaps; readOnly: boolean; onChange: (gaps: TemplateGaps) => void }) {
  const { gaps } = props;
  const notes = templateGapNotes(gaps);
  if (notes.length === 0) return null;
  const dismissSignatory = (name: string) => props.onChange({ ...gaps, signatories: gaps.signatories.filter((s) => s !== name) });
  return (
    <Alert color="yellow" mx="md" mt="xs" title="From the template" data-testid="template-notes">
      <Stack gap={6}>
        {gaps.signatories.map((name, i) => (
          <Group key={name} justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{notes[i]}</Text>
            {!props.readOnly && (
              <Button size="compact-xs" variant="subtle" onClick={() => dismissSignatory(name)} aria-label={`Dismiss the note about ${name}`}>
                Dismiss
              </Button>
            )}
          </Group>
        ))}
        {gaps.ccGroup && (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{notes[notes.length - 1]}</Text>
            {!props.readOnly && (
              <Button size="compact-xs" variant="subtle" onClick={() => props.onChange({ ...gaps, ccGroup: null })} aria-label={`Dismiss the note about the CC group ${gaps.ccGroup}`}>
                Dismiss
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
