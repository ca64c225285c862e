import { Alert, Button, Center, Loader, Paper, Stack, Textarea, TextInput, Title, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { officeProfile, type OfficeProfile, type OfficeProfileInput } from '../../../../electron/core/addressBook/schemas';
import { checkReferencePattern, nextReference } from '../../../../electron/core/letters/reference';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { linesToText, textToLines } from '../../components/lines';
import { useRecordForm } from '../../components/useRecordForm';
import { PreferencesForm } from './PreferencesForm';
import { ThisPcForm } from './ThisPcForm';
import { BackupsSection } from './BackupsSection';

function example(pattern: string, prefix: string): string {
  if (checkReferencePattern(pattern)) return '…';
  return nextReference({ pattern, prefix: prefix.toUpperCase(), date: '2022-03-17', lastIssued: 1, existing: [] }).reference;
}

export function OfficeSettingsPage() {
  const office = useApiQuery('settings.getOffice', {});
  const preferences = useApiQuery('settings.getPreferences', {});
  const thisPc = useApiQuery('settings.getThisPc', {});
  return (
    <Stack maw={720} pb="xl" style={{ overflow: 'auto' }}>
      <Title order={1} size="h2">
        Settings
      </Title>
      {thisPc.data && <ThisPcForm initial={thisPc.data} />}
      {office.isError && <Alert color="red">{office.error.message}</Alert>}
      {office.data ? <OfficeProfileForm profile={office.data} /> : !office.isError && <Center p="xl"><Loader /></Center>}
      {preferences.data && <PreferencesForm initial={preferences.data.preferences} />}
      <BackupsSection />
    </Stack>
  );
}

function OfficeProfileForm({ profile }: { profile: OfficeProfile }) {
  const save = useApiMutation('settings.saveOffice');
  const { form, submit, error, saving } = useRecordForm({
    initialValues: { ...profile, addressText: linesToText(profile.addressLines) },
    schema: officeProfile,
    rename: { addressLines: 'addressText' },
    toInput: ({ addressText, officeName, email, telephone, referencePrefix, referencePattern }): OfficeProfileInput => ({
      officeName,
      email,
      telephone,
      referencePrefix,
      referencePattern,
      addressLines: textToLines(addressText),
    }),
    save: (values) => save.mutateAsync(values),
    onSaved: () => notifications.show({ color: 'green', message: 'Office profile saved.' }),
  });
  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            Office profile
          </Title>
          <Text size="sm" c="dimmed">
            Printed in the letterhead of every letter.
          </Text>
          <TextInput label="Office name" withAsterisk {...form.getInputProps('officeName')} />
          <Textarea label="Address" description="One line per line of the address" autosize minRows={4} {...form.getInputProps('addressText')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          <TextInput label="Telephone" {...form.getInputProps('telephone')} />
          <TextInput label="Reference prefix" withAsterisk {...form.getInputProps('referencePrefix')} w={200} />
          <TextInput
            label="Reference format"
            description="{prefix}, {yyyy}, {yy}, {MM}, {dd}, {yyMMdd} and a sequence {nn}; numbering restarts for each day (or month) in the format"
            withAsterisk
            {...form.getInputProps('referencePattern')}
            w={360}
          />
          <Text size="sm" data-testid="reference-example">
            The second letter of 17 March 2022 would be <strong>{example(form.getValues().referencePattern, form.getValues().referencePrefix)}</strong>
          </Text>
          {error && (
            <Alert color="red" role="alert" title="Not saved">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={saving} w="fit-content">
            Save office profile
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
