import { Anchor, Badge, Group, MultiSelect, Select, Switch, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { COMMITMENT_STATUS_LABELS, COMMITMENT_STATUSES, type CommitmentStatus } from '../../../../electron/core/commitments/commitment';
import type { CommitmentRow } from '../../../../electron/core/commitments/register';
import { formatIsoDate } from '../../../../electron/core/dates/londonDate';
import { call } from '../../api/desk';
import { useApiQuery } from '../../api/queries';
import { usePagedList } from '../../api/usePagedList';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { CommitmentStatusBadge } from './CommitmentStatusBadge';

function Evidence({ row }: { row: CommitmentRow }) {
  const e = row.evidence;
  if (!e) return row.note ? <>Note: {row.note}</> : null;
  if (e.kind === 'note') return <>Note: {e.text}</>;
  if (e.kind === 'reply') {
    // The note the officer typed against this commitment when recording the reply says what the reply promised.
    return (
      <span title={row.note || undefined}>
        <Anchor component={Link} to={`/letters/${row.letterId}`} onClick={(ev) => ev.stopPropagation()}>
          The reply
        </Anchor>
        {row.note && <>: {row.note}</>}
      </span>
    );
  }
  // Opened in the system browser, after the same https check as every other external link.
  return (
    <Anchor component="button" onClick={(ev) => { ev.stopPropagation(); void call('app.openExternal', { url: e.url }); }}>
      {e.url}
    </Anchor>
  );
}

/** Every commitment asked for in sent letters: what, of whom, by when, and what became of it. */
export function CommitmentsPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [query, setQuery] = useState('');
  const [organisation, setOrganisation] = useState<string | null>(params.get('organisation'));
  const [statuses, setStatuses] = useState<CommitmentStatus[]>([]);
  const [overdueOnly, setOverdueOnly] = useState(params.get('overdue') === '1');
  const [tag, setTag] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(query, 150);
  const rows = usePagedList('commitments.list', { query: debounced, organisation, statuses, overdueOnly, tag });
  const organisations = useApiQuery('letters.organisations', {});
  const tags = useApiQuery('commitments.tags', {});
  const columns: Column<CommitmentRow>[] = [
    { key: 'text', header: 'Commitment', width: '2.6fr', render: (r) => r.text },
    { key: 'org', header: 'Asked of', width: '1.3fr', render: (r) => r.organisation },
    { key: 'letter', header: 'Letter', width: '140px', render: (r) => <Anchor component={Link} to={`/letters/${r.letterId}`} onClick={(e) => e.stopPropagation()}>{r.reference}</Anchor> },
    { key: 'due', header: 'Due', width: '150px', render: (r) => (r.dueDate ? formatIsoDate(r.dueDate) : '') },
    { key: 'status', header: 'Status', width: '210px', render: (r) => <CommitmentStatusBadge status={r.status} overdue={r.overdue} /> },
    { key: 'evidence', header: 'Evidence', width: '1.2fr', title: (r) => (r.note ? `Note: ${r.note}` : ''), render: (r) => <Evidence row={r} /> },
    { key: 'tags', header: 'Tags', width: '100px', render: (r) => r.tags.map((t) => <Badge key={t} size="xs" variant="outline" mr={2}>{t}</Badge>) },
  ];
  return (
    <>
      <Title order={1} size="h2" mb="sm">
        Commitments
      </Title>
      <Group mb="sm" gap="xs" align="flex-end">
        <TextInput aria-label="Search commitments" placeholder="Search" leftSection={<IconSearch size={16} />} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={240} />
        <Select aria-label="Organisation" placeholder="Any organisation" data={organisations.data ?? []} value={organisation} onChange={setOrganisation} clearable searchable w={240} />
        <MultiSelect aria-label="Status" placeholder={statuses.length ? undefined : 'Any status'} data={COMMITMENT_STATUSES.map((s) => ({ value: s, label: COMMITMENT_STATUS_LABELS[s] }))} value={statuses} onChange={(v) => setStatuses(v as CommitmentStatus[])} clearable w={260} />
        <Select aria-label="Tag" placeholder="Any tag" data={tags.data ?? []} value={tag} onChange={setTag} clearable w={140} />
        <Switch label="Overdue only" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} />
        <span aria-live="polite" style={{ fontSize: 13, color: 'var(--mantine-color-dimmed)' }}>
          {rows.total.toLocaleString('en-GB')} {rows.total === 1 ? 'commitment' : 'commitments'}
        </span>
      </Group>
      <VirtualTable
        label="Commitments"
        paged={rows.paged}
        columns={columns}
        onOpen={(r) => void navigate(`/letters/${r.letterId}`)}
        empty={rows.isPending ? 'Loading…' : 'No commitments match.'}
      />
    </>
  );
}
