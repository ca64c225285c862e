import { Alert, Button, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ThisPcView } from '../../../../electron/ipc/contract';
import { useApiMutation } from '../../api/queries';

/**
 * Who is working on this PC: the name every change in the history carries, said plainly, with where the
 * register and this PC's own settings are kept.
 */
export function ThisPcForm({ initial }: { initial: ThisPcView }) {
  const save = useApiMutation('settings.saveThisPc');
  const [name, setName] = useState(initial.officerName);
  const current = save.data ?? initial;
  return (
    <Paper withBorder p="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ officerName: name }, { onSuccess: () => notifications.show({ color: 'green', message: 'Your name is saved on this PC.' }) });
        }}
      >
        <Stack>
          <Title order={2} size="h4">
            This PC
          </Title>
          <Text size="sm" c="dimmed">
            Every change you make is recorded in the history under this name. It is kept on this PC only, so each officer sets their own.
          </Text>
          {current.problem && <Alert color="yellow" title="Settings file replaced">{current.problem}</Alert>}
          <Group align="flex-end">
            <TextInput label="Your name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={save.error?.fieldErrors?.['officerName'] ?? save.error?.message} w={320} withAsterisk />
            <Button type="submit" loading={save.isPending} disabled={name.trim() === current.officerName}>
              Save name
            </Button>
          </Group>
          <Text size="sm">
            Register: <Code>{current.dataDir}</Code>
          </Text>
          <Text size="sm">
            This PC’s settings: <Code>{current.settingsFile}</Code>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
