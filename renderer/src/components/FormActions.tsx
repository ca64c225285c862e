import { Alert, Button, Group } from '@mantine/core';

/** Save / archive buttons at the foot of every record form, with the service's message if saving failed. */
export function FormActions(props: {
  saving: boolean;
  error: string | null;
  archived?: boolean;
  onArchiveToggle?: () => void;
  archiving?: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      {props.error && (
        <Alert color="red" role="alert" title="Not saved" mt="md">
          {props.error}
        </Alert>
      )}
      <Group justify="space-between" mt="lg">
        <Group>
          <Button type="submit" loading={props.saving}>
            Save
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
        </Group>
        {props.onArchiveToggle && (
          <Button variant="subtle" color={props.archived ? 'indigo' : 'red'} onClick={props.onArchiveToggle} loading={props.archiving}>
            {props.archived ? 'Restore from archive' : 'Archive'}
          </Button>
        )}
      </Group>
    </>
  );
}
