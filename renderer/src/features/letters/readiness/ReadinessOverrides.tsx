import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../../../../electron/core/dates/britishDate';
import { ACTION_WORDING } from '../../../../../electron/core/readiness/actions';
import type { ReadinessOverride } from '../../../../../electron/core/readiness/overrideSchema';

/** Each time someone went past the pre-send check on this letter: what for, what it warned about, and why. */
export function ReadinessOverrides({ overrides }: { overrides: readonly ReadinessOverride[] }) {
  if (overrides.length === 0) return null;
  return (
    <Paper withBorder p="md">
    <Stack gap="xs" data-testid="readiness-overrides">
      <Title order={3} size="h5">
        Checks passed with a reason
      </Title>
      {overrides.map((o, i) => (
        <div key={i}>
          <Text size="sm">
            {ACTION_WORDING[o.action].label}, by {o.by} on {formatDateTime(o.at)}: “{o.reason}”
          </Text>
          <List size="xs" c="dimmed">
            {o.problems.map((p, j) => (
              <List.Item key={j}>{p.message}</List.Item>
            ))}
          </List>
        </div>
      ))}
    </Stack>
    </Paper>
  );
}
