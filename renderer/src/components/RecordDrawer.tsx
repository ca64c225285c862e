import { Center, Loader, Alert } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { MethodName, ResultOf } from '../../../electron/ipc/contract';
import { useApiQuery } from '../api/queries';
import { EditDrawer } from './EditDrawer';

type GetMethod = Extract<MethodName, `${string}.get`>;

/**
 * The drawer a list page opens for `/<section>/new` or `/<section>/<id>`: loads the record, then renders the
 * form for it. The URL holds what is open, so Back closes it.
 */
export function RecordDrawer<M extends GetMethod>(props: {
  section: string;
  getMethod: M;
  noun: string;
  title: (record: ResultOf<M>) => string;
  form: (record: ResultOf<M> | null, done: () => void, onDirtyChange: (d: boolean) => void) => ReactNode;
}) {
  const { id } = useParams();
  const navigate = useNavigate();
  const [dirty, setDirty] = useState(false);
  const isNew = id === 'new';
  const record = useApiQuery(props.getMethod, { id: id ?? '' } as never, Boolean(id) && !isNew);
  const close = () => {
    setDirty(false);
    void navigate(`/${props.section}`);
  };
  const title = isNew ? `New ${props.noun}` : record.data ? props.title(record.data) : `Edit ${props.noun}`;
  let body: ReactNode = null;
  if (isNew) body = props.form(null, close, setDirty);
  else if (record.isError) body = <Alert color="red">{record.error.message}</Alert>;
  else if (record.data && !record.isPlaceholderData) body = props.form(record.data, close, setDirty);
  else if (id) body = <Center p="xl"><Loader /></Center>;
  return (
    <EditDrawer opened={Boolean(id)} title={title} dirty={dirty} onClose={close}>
      {body}
    </EditDrawer>
  );
}
