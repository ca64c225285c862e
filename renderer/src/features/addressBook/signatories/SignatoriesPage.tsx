import { Badge, Title } from '@mantine/core';
import { signatoryDisplayName } from '../../../../../electron/core/addressBook/signatoryName';
import { useNavigate } from 'react-router';
import type { SignatoryView } from '../../../../../electron/core/addressBook/views';
import { useApiQuery } from '../../../api/queries';
import { ListToolbar } from '../../../components/ListToolbar';
import { RecordDrawer } from '../../../components/RecordDrawer';
import { useListState } from '../../../components/useListState';
import { VirtualTable, type Column } from '../../../components/VirtualTable';
import { SignatoryForm } from './SignatoryForm';

const columns: Column<SignatoryView>[] = [
  { key: 'name', header: 'Name', width: '1.2fr', render: (s) => <>{signatoryDisplayName(s)} {s.archived && <Badge size="xs" color="gray">Archived</Badge>}</> },
  { key: 'titles', header: 'Title lines', width: '3fr', render: (s) => s.titleLines.join(' / ') },
  { key: 'image', header: 'Signature', width: '100px', render: (s) => (s.signatureImage ? 'Image' : 'By hand') },
];

export function SignatoriesPage() {
  const navigate = useNavigate();
  const list = useListState<'name' | 'updatedAt'>('name');
  const rows = useApiQuery('signatories.list', list.input);
  return (
    <>
      <Title order={1} size="h2" mb="sm">
        Signatories
      </Title>
      <ListToolbar
        noun="signatory"
        plural="signatories"
        state={list.state}
        onChange={list.setState}
        count={rows.data?.length ?? 0}
        onCreate={() => void navigate('/signatories/new')}
        sortOptions={[
          { value: 'name', label: 'Name' },
          { value: 'updatedAt', label: 'Last changed' },
        ]}
      />
      <VirtualTable
        label="Signatories"
        rows={rows.data ?? []}
        columns={columns}
        rowMuted={(s) => s.archived}
        onOpen={(s) => void navigate(`/signatories/${s.id}`)}
        empty={rows.isPending ? 'Loading…' : 'No signatories yet. Add the people who sign the office’s letters.'}
      />
      <RecordDrawer
        section="signatories"
        getMethod="signatories.get"
        noun="signatory"
        title={(s) => signatoryDisplayName(s)}
        form={(record, done, onDirtyChange) => <SignatoryForm key={record?.id ?? 'new'} record={record} onDone={done} onDirtyChange={onDirtyChange} />}
      />
    </>
  );
}
