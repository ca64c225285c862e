import { Stack, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { ccGroupInput, type CcGroupInput } from '../../../../../electron/core/addressBook/schemas';
import type { CcGroupView, CcMember } from '../../../../../electron/core/addressBook/views';
import { useApiMutation } from '../../../api/queries';
import { FormActions } from '../../../components/FormActions';
import { useRecordForm } from '../../../components/useRecordForm';
import { MemberList } from './MemberList';

const rename = { memberIds: 'members' };

export function CcGroupForm(props: { record: CcGroupView | null; onDone: () => void; onDirtyChange: (d: boolean) => void }) {
  const { record } = props;
  const create = useApiMutation('ccGroups.create');
  const update = useApiMutation('ccGroups.update');
  const archive = useApiMutation('ccGroups.setArchived');
  const { form, submit, error, saving } = useRecordForm({
    initialValues: { name: record?.name ?? '', description: record?.description ?? '', members: (record?.members ?? []) as CcMember[] },
    schema: ccGroupInput,
    rename,
    toInput: ({ members, ...v }): CcGroupInput => ({ ...v, memberIds: members.map((m) => m.id) }),
    save: (values) => (record ? update.mutateAsync({ id: record.id, values }) : create.mutateAsync(values)),
    onSaved: props.onDone,
  });
  const dirty = form.isDirty();
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" withAsterisk placeholder="Hackney MPs and London representatives" {...form.getInputProps('name')} />
        <TextInput label="Description" {...form.getInputProps('description')} />
        <MemberList
          members={form.getValues().members}
          onChange={(m) => form.setFieldValue('members', m)}
          {...(typeof form.errors['members'] === 'string' && { error: form.errors['members'] })}
        />
      </Stack>
      <FormActions
        saving={saving}
        error={error ?? (archive.error?.message || null)}
        onCancel={props.onDone}
        {...(record && {
          archived: record.archived,
          archiving: archive.isPending,
          onArchiveToggle: () => archive.mutate({ id: record.id, archived: !record.archived }, { onSuccess: props.onDone }),
        })}
      />
    </form>
  );
}
