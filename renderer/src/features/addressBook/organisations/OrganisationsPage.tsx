import { Badge, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { OrganisationView } from '../../../../../electron/core/addressBook/views';
import { useApiQuery } from '../../../api/queries';
import { ListToolbar } from '../../../components/ListToolbar';
import { RecordDrawer } from '../../../components/RecordDrawer';
import { useListState } from '../../../components/useListState';
import { VirtualTable, type Column } from '../../../components/VirtualTable';
import { OrganisationForm } from './OrganisationForm';

const columns: Column<OrganisationView>[] = [
  { key: 'name', header: 'Name', width: '2fr', render: (o) => <>{o.name} {o.archived && <Badge size="xs" color="gray">Archived</Badge>}</> },
  { key: 'short', header: 'Short name', width: '120px', render: (o) => o.shortName },
  { key: 'address', header: 'Address', width: '2fr', render: (o) => o.addressLines.join(', ') },
  { key: 'contacts', header: 'Contacts', width: '90px', render: (o) => o.contactCount },
];

export function OrganisationsPage() {
  const navigate = useNavigate();
  const list = useListState<'name' | 'shortName' | 'updatedAt'>('name');
  const rows = useApiQuery('organisations.list', list.input);
  return (
    <>
      <Title order={1} size="h2" mb="sm">
        Organisations
      </Title>
      <ListToolbar
        noun="organisation"
        plural="organisations"
        state={list.state}
        onChange={list.setState}
        count={rows.data?.length ?? 0}
        onCreate={() => void navigate('/organisations/new')}
        sortOptions={[
          { value: 'name', label: 'Name' },
          { value: 'shortName', label: 'Short name' },
          { value: 'updatedAt', label: 'Last changed' },
        ]}
      />
      <VirtualTable
        label="Organisations"
        rows={rows.data ?? []}
        columns={columns}
        rowMuted={(o) => o.archived}
        onOpen={(o) => void navigate(`/organisations/${o.id}`)}
        empty={rows.isPending ? 'Loading…' : list.state.query ? 'No organisation matches that search.' : 'No organisations yet.'}
      />
      <RecordDrawer
        section="organisations"
        getMethod="organisations.get"
        noun="organisation"
        title={(o) => o.name}
        form={(record, done, onDirtyChange) => <OrganisationForm key={record?.id ?? 'new'} record={record} onDone={done} onDirtyChange={onDirtyChange} />}
      />
    </>
  );
}
