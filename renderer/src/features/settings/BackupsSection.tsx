import { Alert, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../../../electron/core/dates/britishDate';
import { call } from '../../api/desk';
import { useApiQuery } from '../../api/queries';

/**
 * The register's backups: made on open, every 15 minutes after changes and on close; one can be made now.
 * Restoring says first what it would undo, and the register it replaces is kept in the data folder.
 */
export function BackupsSection() {
  const queryClient = useQueryClient();
  const backups = useApiQuery('backups.list', {});
  const backupNow = useMutation({ mutationFn: () => call('backups.backupNow', {}), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['backups.list'] }) });
  const [chosen, setChosen] = useState<string | null>(null);
  const preview = useMutation({ mutationFn: (id: string) => call('backups.describeRestore', { id }) });
  const restore = useMutation({
    mutationFn: (id: string) => call('backups.restore', { id }),
    onSuccess: () => {
      setChosen(null);
      preview.reset();
      void queryClient.invalidateQueries();
    },
  });
  const rows = backups.data ?? [];
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            Backups
          </Title>
          <Button variant="default" onClick={() => backupNow.mutate()} loading={backupNow.isPending}>
            Back up now
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          The register, its attachments and the office’s templates are copied when the app opens, every 15 minutes after a change, and when it closes. Each copy is checked before it counts.
        </Text>
        {backupNow.isError && <Alert color="red">{backupNow.error.message}</Alert>}
        {backups.isError && <Alert color="red">{backups.error.message}</Alert>}
        {rows.length === 0 ? (
          <Text size="sm">No backups yet.</Text>
        ) : (
          <Table fz="sm" aria-label="Backups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Taken</Table.Th>
                <Table.Th>Letters</Table.Th>
                <Table.Th>Replies</Table.Th>
                <Table.Th>Contacts</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Restore</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, 20).map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                  <Table.Td>{b.counts.letters.toLocaleString('en-GB')}</Table.Td>
                  <Table.Td>{b.counts.replies.toLocaleString('en-GB')}</Table.Td>
                  <Table.Td>{b.counts.contacts.toLocaleString('en-GB')}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={`Restore the backup of ${formatDateTime(b.createdAt)}`}
                      onClick={() => {
                        setChosen(b.id);
                        preview.mutate(b.id);
                      }}
                    >
                      Restore…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {chosen && preview.data && (
          <Alert color="yellow" title="Before you restore">
            <Text data-testid="restore-preview">{preview.data.sentence}</Text>
            <Group mt="sm">
              <Button color="red" onClick={() => restore.mutate(chosen)} loading={restore.isPending} disabled={!preview.data.restorable}>
                Restore this backup
              </Button>
              <Button variant="default" onClick={() => setChosen(null)}>
                Keep the register as it is
              </Button>
            </Group>
          </Alert>
        )}
        {preview.isError && <Alert color="red">{preview.error.message}</Alert>}
        {restore.isError && <Alert color="red" title="Not restored">{restore.error.message}</Alert>}
      </Stack>
    </Paper>
  );
}
