import { ActionIcon, Alert, Button, Group, List, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { PreferencesResult } from '../../../../electron/ipc/contract';
import { formatIsoDate } from '../../../../electron/core/dates/londonDate';
import { useApiMutation } from '../../api/queries';
import { DateField } from '../../components/DateField';

type Preferences = PreferencesResult['preferences'];

/**
 * Working days and reminders. A bank holiday announced after letters went out (a jubilee, a state funeral)
 * is added here, and every open deadline is worked out again; the ones that moved are listed.
 */
export function PreferencesForm({ initial }: { initial: Preferences }) {
  const save = useApiMutation('settings.savePreferences');
  const [prefs, setPrefs] = useState<Preferences>(initial);
  const [newDate, setNewDate] = useState<string | null>(null);
  // Whether the text typed reads as a date: the Add button works straight after typing, before the field is left.
  const [newDateOk, setNewDateOk] = useState(false);
  const [newName, setNewName] = useState('');
  const [removeDate, setRemoveDate] = useState<string | null>(null);
  const [removeDateOk, setRemoveDateOk] = useState(false);
  const d = prefs.deadlines;
  const setDeadlines = (patch: Partial<Preferences['deadlines']>) => setPrefs({ ...prefs, deadlines: { ...d, ...patch } });
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h4">
          Deadlines and reminders
        </Title>
        <Select
          label="Bank holidays of"
          value={d.region}
          allowDeselect={false}
          onChange={(v) => v && setDeadlines({ region: v as Preferences['deadlines']['region'] })}
          data={[
            { value: 'england-and-wales', label: 'England and Wales' },
            { value: 'scotland', label: 'Scotland' },
            { value: 'northern-ireland', label: 'Northern Ireland' },
          ]}
          w={260}
        />
        <Switch label="A deadline that falls on a weekend or bank holiday moves to the next working day" checked={d.rollForward} onChange={(e) => setDeadlines({ rollForward: e.currentTarget.checked })} />
        <Text fw={500} size="sm">
          Extra bank holidays
        </Text>
        {d.added.map((h, i) => (
          <Group key={`${h.date}-${i}`} gap="xs">
            <Text size="sm">
              {formatIsoDate(h.date)}: {h.name}
            </Text>
            <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove ${h.name}`} onClick={() => setDeadlines({ added: d.added.filter((_, j) => j !== i) })}>
              <IconX size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Group align="flex-end" gap="xs">
          <DateField label="Date" aria-label="Extra holiday date" value={newDate} onChange={setNewDate} onValidityChange={setNewDateOk} w={200} />
          <TextInput label="Name" aria-label="Extra holiday name" placeholder="e.g. State funeral" value={newName} onChange={(e) => setNewName(e.currentTarget.value)} w={240} />
          <Button variant="light" disabled={!newDateOk || !newName.trim()} onClick={() => { setDeadlines({ added: [...d.added, { date: newDate!, name: newName.trim() }] }); setNewDate(null); setNewName(''); }}>
            Add holiday
          </Button>
        </Group>
        <Text fw={500} size="sm">
          Bank holidays to ignore
        </Text>
        {d.removed.map((date) => (
          <Group key={date} gap="xs">
            <Text size="sm">{formatIsoDate(date)}</Text>
            <ActionIcon size="sm" variant="subtle" aria-label={`Stop ignoring ${formatIsoDate(date)}`} onClick={() => setDeadlines({ removed: d.removed.filter((x) => x !== date) })}>
              <IconX size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Group align="flex-end" gap="xs">
          <DateField label="Date" aria-label="Holiday to ignore" value={removeDate} onChange={setRemoveDate} onValidityChange={setRemoveDateOk} w={200} />
          <Button variant="light" disabled={!removeDateOk} onClick={() => { setDeadlines({ removed: [...new Set([...d.removed, removeDate!])] }); setRemoveDate(null); }}>
            Ignore this holiday
          </Button>
        </Group>
        <Switch label="Desktop reminders for replies and commitments newly overdue or due tomorrow" checked={prefs.reminders.enabled} onChange={(e) => setPrefs({ ...prefs, reminders: { enabled: e.currentTarget.checked } })} />
        {save.isError && <Alert color="red" role="alert">{save.error.message}</Alert>}
        {save.data && (
          <Alert color={save.data.changed.length ? 'yellow' : 'green'} title={save.data.changed.length ? `${save.data.changed.length} deadline${save.data.changed.length > 1 ? 's' : ''} moved` : 'Saved; no deadline moved'} data-testid="changed-deadlines">
            <List size="sm">
              {save.data.changed.map((c) => (
                <List.Item key={c.id}>
                  {c.reference}: {c.before ? formatIsoDate(c.before) : 'none'} → {c.after ? formatIsoDate(c.after) : 'none'}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Button w="fit-content" loading={save.isPending} onClick={() => save.mutate(prefs, { onSuccess: (r) => setPrefs(r.preferences) })}>
          Save deadline settings
        </Button>
      </Stack>
    </Paper>
  );
}
