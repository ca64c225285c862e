import { Badge, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { ContactView } from '../../../../../electron/core/addressBook/views';
import { useApiQuery } from '../../../api/queries';
import { ListToolbar } from '../../../components/ListToolbar';
import { RecordDrawer } from '../../../components/RecordDrawer';
import { useListState } from '../../../components/useListState';
import { VirtualTable, type Column } from '../../../components/VirtualTable';
import { ContactForm } from './ContactForm';

const columns: Column<ContactView>[] = [
  { key: 'name', header: 'Name', width: '2fr', render: (c) => <>{c.fullName} {c.archived && <Badge size="xs" color="gray">Archived</Badge>}</> },
  { key: 'role', header: 'Role', width: '2fr', render: (c) => c.role },
  { key: 'org', header: 'Organisation', width: '1.5fr', render: (c) => c.organisationShortName || c.organisationName },
  { key: 'email', header: 'Email', width: '1.5fr', render: (c) => c.email },
];

export function ContactsPage() {
  const navigate = useNavigate();
  const list = useListState<'familyName' | 'givenName' | 'organisation' | 'role' | 'updatedAt'>('familyName');
  const rows = useApiQuery('contacts.list', list.input);
  return (
    <>
      <Title order={1} size="h2" mb="sm">
        Contacts
      </Title>
      <ListToolbar
        noun="contact"
        plural="contacts"
        state={list.state}
        onChange={list.setState}
        count={rows.data?.length ?? 0}
        onCreate={() => void navigate('/contacts/new')}
        sortOptions={[
          { value: 'familyName', label: 'Family name' },
          { value: 'givenName', label: 'Given name' },
          { value: 'organisation', label: 'Organisation' },
          { value: 'role', label: 'Role' },
          { value: 'updatedAt', label: 'Last changed' },
        ]}
      />
      <VirtualTable
        label="Contacts"
        rows={rows.data ?? []}
        columns={columns}
        rowMuted={(c) => c.archived}
        onOpen={(c) => void navigate(`/contacts/${c.id}`)}
        empty={rows.isPending ? 'Loading…' : list.state.query ? 'No contact matches that search.' : 'No contacts yet.'}
      />
      <RecordDrawer
        section="contacts"
        getMethod="contacts.get"
        noun="contact"
        title={(c) => c.fullName}
        form={(record, done, onDirtyChange) => <ContactForm key={record?.id ?? 'new'} record={record} onDone={done} onDirtyChange={onDirtyChange} />}
      />
    </>
  );
}
