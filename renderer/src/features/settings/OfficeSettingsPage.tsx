import { Alert, Button, Center, Loader, Paper, Stack, Textarea, TextInput, Title, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { officeProfile, type OfficeProfile, type OfficeProfileInput } from '../../../../electron/core/addressBook/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { linesToText, textToLines } from '../../components/lines';
import { useRecordForm } from '../../components/useRecordForm';

export function OfficeSettingsPage() {
  const office = useApiQuery('settings.getOffice', {});
  return (
    <Stack maw={640}>
      <Title order={1} size="h2">
        Settings
      </Title>
      {office.isError && <Alert color="red">{office.error.message}</Alert>}
      {office.data ? <OfficeProfileForm profile={office.data} /> : !office.isError && <Center p="xl"><Loader /></Center>}
    </Stack>
  );
}

function OfficeProfileForm({ profile }: { profile: OfficeProfile }) {
  const save = useApiMutation('settings.saveOffice');
  const { form, submit, error, saving } = useRecordForm({
    initialValues: { ...profile, addressText: linesToText(profile.addressLines) },
    schema: officeProfile,
    rename: { addressLines: 'addressText' },
    toInput: ({ addressText, officeName, email, telephone, referencePrefix }): OfficeProfileInput => ({
      officeName,
      email,
      telephone,
      referencePrefix,
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
          <TextInput label="Reference prefix" description="Letters are numbered like MCO220317-02" withAsterisk {...form.getInputProps('referencePrefix')} w={200} />
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
