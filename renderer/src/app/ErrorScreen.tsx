import { Alert, Button, Code, Container, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AppStatus } from '../../../electron/core/appStatus';
import { call } from '../api/desk';
import { formatDateTime } from '../../../electron/core/dates/britishDate';

type ErrorStatus = Extract<AppStatus, { state: 'error' }>;

/** Shown instead of the app when the data could not be read. Nothing has been changed on disk at this point. */
export function ErrorScreen({ status, message }: { status?: ErrorStatus; message?: string }) {
  const queryClient = useQueryClient();
  const newest = status?.backups[0];
  // What restoring would undo is said before anything is changed; the officer then confirms.
  const preview = useMutation({ mutationFn: (id: string) => call('backups.describeRestore', { id }) });
  const restore = useMutation({
    mutationFn: (id: string) => call('backups.restore', { id }),
    onSuccess: (next) => queryClient.setQueryData(['app.status'], next),
  });
  const retry = useMutation({ mutationFn: () => call('app.retry', {}), onSuccess: (next) => queryClient.setQueryData(['app.status'], next) });
  if (status?.problem.kind === 'disk-full' || status?.problem.kind === 'import') {
    return (
      <Container size="sm" py="xl">
        <Stack>
          <Title order={1}>{status.problem.kind === 'import' ? 'Your records could not be carried over yet' : 'The disk is full'}</Title>
          <Alert color="red" title="What went wrong" role="alert">
            <Text>{status.problem.message}</Text>
          </Alert>
          <Button onClick={() => retry.mutate()} loading={retry.isPending} w="fit-content">
            Try again
          </Button>
        </Stack>
      </Container>
    );
  }
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{status?.problem.kind === 'in-use' ? 'Your data is open elsewhere' : 'Your data could not be opened'}</Title>
        {status?.problem.kind === 'in-use' ? (
          <Alert color="yellow" title="Already open" role="alert">
            <Text>{status.problem.message}</Text>
            <Text mt="xs" size="sm">
              The data folder is <Code>{status.dataDir}</Code>. Close the other window, then start Correspondence Desk again.
            </Text>
          </Alert>
        ) : status ? (
          <>
            <Alert color="red" title="What went wrong" role="alert">
              <Text>{status.problem.message}</Text>
            </Alert>
            <Text>
              The file is <Code data-testid="problem-file">{status.problem.file}</Code> in the data folder{' '}
              <Code>{status.dataDir}</Code>.
            </Text>
            <Text>
              Correspondence Desk has not changed or replaced it. If you restore a backup, the damaged register is moved
              to a <Code>replaced</Code> folder beside it, never deleted.
            </Text>
            {newest ? (
              <Stack gap="xs">
                {!preview.data ? (
                  <Button onClick={() => preview.mutate(newest.id)} loading={preview.isPending} w="fit-content">
                    Restore the newest backup ({formatDateTime(newest.createdAt)})…
                  </Button>
                ) : (
                  <Alert color="yellow" title="Before you restore">
                    <Text data-testid="restore-preview">{preview.data.sentence}</Text>
                    <Button mt="sm" color="red" onClick={() => restore.mutate(newest.id)} loading={restore.isPending} disabled={!preview.data.restorable}>
                      Restore this backup
                    </Button>
                  </Alert>
                )}
                <Text size="sm" c="dimmed">
                  {status.backups.length} backup{status.backups.length === 1 ? '' : 's'} available.
                </Text>
              </Stack>
            ) : (
              <Alert color="yellow" title="No backup is available">
                Ask your IT support to look at the file above; do not delete it.
              </Alert>
            )}
            {preview.isError && (
              <Alert color="red" title="The backup could not be read">
                {preview.error.message}
              </Alert>
            )}
            {restore.isError && (
              <Alert color="red" title="The backup could not be restored">
                {restore.error.message}
              </Alert>
            )}
          </>
        ) : (
          <Alert color="red">{message}</Alert>
        )}
        <List size="sm">
          <List.Item>App version {status?.appVersion ?? 'unknown'}</List.Item>
        </List>
      </Stack>
    </Container>
  );
}
