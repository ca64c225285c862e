import { Alert, Badge, Button, Group, MultiSelect, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { ReplyStandingBadge } from '../../tracking/ReplyStandingBadge';
import { REPLY_STANDING_LABELS } from '../../../../../electron/core/replies/replyStanding';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatIsoDate } from '../../../../../electron/core/dates/londonDate';
import { LETTER_STATUSES, type LetterStatus } from '../../../../../electron/core/letters/letterSchema';
import type { LetterRow, RegisterQuery } from '../../../../../electron/core/letters/register';
import { STATUS_LABELS } from '../../../../../electron/core/letters/status';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { usePagedList } from '../../../api/usePagedList';
import { DateField } from '../../../components/DateField';
import { VirtualTable, type Column } from '../../../components/VirtualTable';
import { NewLetterModal } from './NewLetterModal';
import { BatchExportModal } from './BatchExportModal';

type RegisterSort = RegisterQuery['sort'] | 'relevance';
type RegisterFilters = Omit<RegisterQuery, 'sort'> & { sort: RegisterSort };

const SORTS: { value: RegisterSort; label: string }[] = [
  // Full-text search ranks its hits; without a search this is newest first.
  { value: 'relevance', label: 'Best match' },
  { value: 'letterDate', label: 'Date' },
  { value: 'reference', label: 'Reference' },
  { value: 'recipient', label: 'Recipient' },
  { value: 'organisation', label: 'Organisation' },
  { value: 'subject', label: 'Subject' },
  { value: 'status', label: 'Status' },
  { value: 'deadlineDate', label: 'Deadline' },
];

/** The letters register: what the Excel tracker was, searchable, filterable and quick at 50,000 letters. */
const unsent = (r: LetterRow) => r.status === 'draft' || r.status === 'awaiting-signature';

export function LettersPage() {
  const navigate = useNavigate();
  const [q, setQ] = useState<RegisterFilters>({ query: '', statuses: [], organisation: null, dateFrom: null, dateTo: null, sort: 'letterDate', direction: 'desc', bin: false, awaitingSignatory: null });
  const [query] = useDebouncedValue(q.query, 150);
  const rows = usePagedList('letters.list', { ...q, query });
  const organisations = useApiQuery('letters.organisations', {});
  const signatories = useApiQuery('signatories.list', {});
  const restore = useApiMutation('letters.restore');
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [batchJob, setBatchJob] = useState<string | null>(null);
  const startBatch = useApiMutation('export.startBatch');

  const columns: Column<LetterRow>[] = [
    { key: 'ref', header: 'Reference', width: '125px', render: (r) => r.reference },
    { key: 'date', header: 'Date', width: '150px', render: (r) => formatIsoDate(r.letterDate) },
    { key: 'recipient', header: 'Recipient', width: '1.2fr', render: (r) => r.recipient },
    { key: 'org', header: 'Organisation', width: '1fr', render: (r) => r.organisation },
    { key: 'subject', header: 'Subject', width: '2fr', render: (r) => r.subject },
    {
      key: 'status',
      header: 'Status',
      width: '175px',
      // Sign-off matters until the letter goes; once sent, "0 of 2 signed" would only be noise.
      title: (r) => (unsent(r) ? `${STATUS_LABELS[r.status]}: ${r.signoff}` : STATUS_LABELS[r.status]),
      render: (r) =>
        q.bin ? (
          <Button size="compact-xs" variant="light" onClick={(e) => { e.stopPropagation(); restore.mutate({ id: r.id }); }}>
            Restore
          </Button>
        ) : (
          <Stack gap={0} align="flex-start">
            <Badge variant="light" color={r.status === 'draft' ? 'gray' : r.status === 'awaiting-signature' ? 'yellow' : r.status === 'sent' ? 'green' : 'dark'}>
              {STATUS_LABELS[r.status]}
            </Badge>
            {unsent(r) && (
              <Text size="xs" c="dimmed" data-testid="signoff-cell">
                {r.signoff}
              </Text>
            )}
          </Stack>
        ),
    },
    { key: 'deadline', header: 'Deadline', width: '150px', render: (r) => (r.deadlineDate ? formatIsoDate(r.deadlineDate) : '') },
    { key: 'reply', header: 'Reply', width: '115px', title: (r) => REPLY_STANDING_LABELS[r.reply], render: (r) => <ReplyStandingBadge standing={r.reply} /> },
  ];


  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={1} size="h2">
          {q.bin ? 'Bin' : 'Letters'}
        </Title>
        <Group>
          {!q.bin && selected.size > 0 && (
            <Button variant="default" onClick={() => void navigate(`/print/pack?ids=${[...selected].join(',')}`)}>
              Signatory packs ({selected.size})
            </Button>
          )}
          {!q.bin && selected.size > 0 && (
            <Button
              variant="default"
              loading={startBatch.isPending}
              onClick={() => startBatch.mutate({ ids: [...selected] }, { onSuccess: (job) => job && setBatchJob(job.jobId) })}
            >
              Export {selected.size} as Word documents
            </Button>
          )}
          <Switch label="Show the bin" checked={q.bin} onChange={(e) => setQ({ ...q, bin: e.currentTarget.checked })} />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New letter
          </Button>
        </Group>
      </Group>
      <Group mb="sm" align="flex-end" gap="xs">
        <TextInput aria-label="Search letters" placeholder="Search reference, subject, recipient, text" leftSection={<IconSearch size={16} />} value={q.query} onChange={(e) => setQ({ ...q, query: e.currentTarget.value })} w={300} />
        <MultiSelect aria-label="Status" placeholder={q.statuses.length ? undefined : 'Any status'} data={LETTER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} value={q.statuses} onChange={(v) => setQ({ ...q, statuses: v as LetterStatus[] })} w={230} clearable />
        <Select aria-label="Organisation" placeholder="Any organisation" data={organisations.data ?? []} value={q.organisation} onChange={(v) => setQ({ ...q, organisation: v })} searchable clearable w={220} />
        <DateField aria-label="From" placeholder="From" value={q.dateFrom} onChange={(v) => setQ({ ...q, dateFrom: v })} clearable compact w={165} />
        <DateField aria-label="To" placeholder="To" value={q.dateTo} onChange={(v) => setQ({ ...q, dateTo: v })} clearable compact w={165} />
        <Select aria-label="Awaiting signature of" placeholder="Awaiting anyone’s signature" data={(signatories.data ?? []).map((x) => ({ value: x.id, label: `Awaiting ${x.name}` }))} value={q.awaitingSignatory} onChange={(v) => setQ({ ...q, awaitingSignatory: v })} clearable w={220} />
        <Select aria-label="Sort by" data={SORTS} value={q.sort} allowDeselect={false} onChange={(v) => v && setQ({ ...q, sort: v as RegisterSort })} w={140} />
        <Select aria-label="Sort direction" data={[{ value: 'desc', label: 'Newest first' }, { value: 'asc', label: 'Oldest first' }]} value={q.direction} allowDeselect={false} onChange={(v) => v && setQ({ ...q, direction: v as 'asc' | 'desc' })} w={140} />
        <span aria-live="polite" style={{ fontSize: 13, color: 'var(--mantine-color-dimmed)' }}>
          {rows.total.toLocaleString('en-GB')} {rows.total === 1 ? 'letter' : 'letters'}
        </span>
      </Group>
      <VirtualTable
        label="Letters"
        paged={rows.paged}
        columns={columns}
        onOpen={(r) => !q.bin && void navigate(`/letters/${r.id}`)}
        rowLabel={(r) => r.reference}
        {...(!q.bin && { selection: { selected, onChange: setSelected } })}
        empty={rows.isPending ? 'Loading…' : q.bin ? 'The bin is empty.' : 'No letters match.'}
      />
      {startBatch.isError && <Alert color="red" mt="sm">{startBatch.error.message}</Alert>}
      {batchJob && <BatchExportModal jobId={batchJob} onClose={() => { setBatchJob(null); setSelected(new Set()); }} />}
      {creating && <NewLetterModal onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/letters/${id}`)} />}
    </>
  );
}
