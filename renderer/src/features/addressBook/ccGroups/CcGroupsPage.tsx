import { Badge, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { CcGroupView } from '../../../../../electron/core/addressBook/views';
import { useApiQuery } from '../../../api/queries';
import { ListToolbar } from '../../../components/ListToolbar';
import { RecordDrawer } from '../../../components/RecordDrawer';
import { useListState } from '../../../components/useListState';
import { VirtualTable, type Column } from '../../../components/VirtualTable';
import { CcGroupForm } from './CcGroupForm';

const columns: Column<CcGroupView>[] = [
  { key: 'name', header: 'Name', width: '1.5fr', render: (g) => <>{g.name} {g.archived && <Badge size="xs" color="gray">Archived</Badge>}</> },
  { key: 'count', header: 'People', width: '80px', render: (g) => g.members.length },
  { key: 'members', header: 'Members', width: '3fr', render: (g) => g.members.map((m) => m.fullName).join(', ') },
];

export function CcGroupsPage() {
  const navigate = useNavigate();
  const list = useListState<'name' | 'updatedAt'>('name');
  const rows = useApiQuery('ccGroups.list', list.input);
  return (
    <>
      <Title order={1} size="h2" mb="sm">
        CC groups
      </Title>
      <ListToolbar
        noun="CC group"
        plural="CC groups"
        state={list.state}
        onChange={list.setState}
        count={rows.data?.length ?? 0}
        onCreate={() => void navigate('/cc-groups/new')}
        sortOptions={[
          { value: 'name', label: 'Name' },
          { value: 'updatedAt', label: 'Last changed' },
        ]}
      />
      <VirtualTable
        label="CC groups"
        rows={rows.data ?? []}
        columns={columns}
        rowMuted={(g) => g.archived}
        onOpen={(g) => void navigate(`/cc-groups/${g.id}`)}
        empty={rows.isPending ? 'Loading…' : 'No CC groups yet.'}
      />
      <RecordDrawer
        section="cc-groups"
        getMethod="ccGroups.get"
        noun="CC group"
        title={(g) => g.name}
        form={(record, done, onDirtyChange) => <CcGroupForm key={record?.id ?? 'new'} record={record} onDone={done} onDirtyChange={onDirtyChange} />}
      />
    </>
  );
}
