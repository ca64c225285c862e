import { Alert, Button, Group, List, Modal, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { BatchNote } from '../../../../../electron/core/export/batchStatus';
import { call } from '../../../api/desk';

function Notes({ notes, testId }: { notes: BatchNote[]; testId: string }) {
  return (
    <List size="sm" spacing={4} data-testid={testId}>
      {notes.map((n) => (
        <List.Item key={n.reference}>
          <strong>{n.reference}</strong>: {n.problems.join(' ')}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * Progress of a batch export, polled from the main process, then what was written, what was skipped by the
 * pre-send check and why, what was written with warnings, and what failed.
 */
export function BatchExportModal(props: { jobId: string; onClose: () => void }) {
  const status = useQuery({
    queryKey: ['export.batchStatus', props.jobId],
    queryFn: () => call('export.batchStatus', { jobId: props.jobId }),
    refetchInterval: (q) => (q.state.data?.finished ? false : 250),
  });
  const s = status.data;
  return (
    <Modal opened onClose={props.onClose} title="Exporting letters" size="lg" closeOnClickOutside={Boolean(s?.finished)}>
      {status.isError && <Alert color="red">{status.error.message}</Alert>}
      {s && (
        <Stack data-testid="batch-export">
          <Progress value={(s.done / s.total) * 100} aria-label="Export progress" />
          <Text aria-live="polite">
            {s.finished ? 'Finished.' : 'Exporting…'} {s.done} of {s.total} letters done: {s.written.length} saved, {s.skipped.length > 0 && `${s.skipped.length} skipped, `}
            {s.failed.length} failed.
          </Text>
          {s.finished && (
            <Text size="sm">
              Saved in <strong>{s.folder}</strong>
            </Text>
          )}
          {s.skipped.length > 0 && (
            <Alert color="orange" title="Skipped: these would have printed the wrong text">
              <Notes notes={s.skipped} testId="batch-skipped" />
              <Text size="xs" mt="xs">
                Correct each letter, then export it again.
              </Text>
            </Alert>
          )}
          {s.failed.length > 0 && (
            <Alert color="red" title="These letters were not exported">
              <List size="sm">
                {s.failed.map((f) => (
                  <List.Item key={f.reference}>
                    {f.reference}: {f.error}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {s.warnings.length > 0 && (
            <Alert color="yellow" title="Exported, but worth checking">
              <Notes notes={s.warnings} testId="batch-warnings" />
            </Alert>
          )}
          {s.finished && s.written.some((w) => /\(\d+\)\.docx$/.test(w.file)) && (
            <Text size="sm" c="dimmed">
              Some files of the same name were already in the folder; they were kept, and the new ones numbered.
            </Text>
          )}
          <Group justify="flex-end">
            <Button onClick={props.onClose} disabled={!s.finished}>
              Close
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
