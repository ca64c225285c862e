import { List, Text } from '@mantine/core';
import { formatDateTime } from '../../../../../electron/core/dates/britishDate';
import type { ReadinessProblem } from '../../../../../electron/core/readiness/gate';

/**
 * The pre-send check's problems, every one in one list: those that would print the wrong text marked as
 * such, and those an earlier reason still covers shown with that reason, so nothing is hidden.
 */
export function ReadinessList({ problems }: { problems: ReadinessProblem[] }) {
  return (
    <List size="sm" spacing={6} data-testid="readiness-problems">
      {problems.map((p, i) => (
        <List.Item key={i} data-kind={p.kind} data-blocking={p.blocking ? 'true' : 'false'}>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {p.message}
          </Text>
          {p.blocking && (
            <Text size="xs" c="red.9" fw={600}>
              Must be put right: no reason can let this through.
            </Text>
          )}
          {p.overridden && (
            <Text size="xs" c="dimmed" data-testid="readiness-overridden">
              Passed by {p.overridden.by} on {formatDateTime(p.overridden.at)}: “{p.overridden.reason}”
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
