import { Alert, Anchor, Button, Group, Select, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../../electron/core/dates/britishDate';
import { ACTION_LABELS, describeChange, HISTORY_RECORD_TYPES, RECORD_TYPE_LABELS, type HistoryEntryView, type HistoryFilter } from '../../../../electron/core/history/history';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { usePagedList } from '../../api/usePagedList';
import { DateField } from '../../components/DateField';
import { VirtualTable, type Column } from '../../components/VirtualTable';

/** The table keys rows by a string id; the history's ids are numbers. */
type Row = Omit<HistoryEntryView, 'id'> & { id: string };

const whatChanged = (e: Row) =>
  [e.action === 'create' || e.action === 'import' ? '' : e.changes.slice(0, 3).map(describeChange).join('; '), e.reason ? `Reason: ${e.reason}` : ''].filter(Boolean).join(' · ');

/** Who changed what across the office, newest first: for an officer, a kind of record, a period; and as CSV. */
export function HistoryPage() {
  const navigate = useNavigate();
  const [filter, setFilter] = useState<HistoryFilter>({ by: null, recordType: null, dateFrom: null, dateTo: null });
  const rows = usePagedList('history.list', filter);
  const officers = useApiQuery('history.officers', {});
  const exportCsv = useApiMutation('history.exportCsv');
  const columns: Column<Row>[] = [
    { key: 'at', header: 'When', width: '170px', render: (e) => formatDateTime(e.at) },
    { key: 'by', header: 'Officer', width: '160px', render: (e) => e.by },
    { key: 'type', header: 'Record', width: '110px', render: (e) => RECORD_TYPE_LABELS[e.recordType] },
    {
      key: 'label',
      header: 'Which',
      width: '1fr',
      title: (e) => e.recordLabel,
      render: (e) =>
        e.letterId ? (
          <Anchor component={Link} size="sm" to={`/letters/${e.letterId}`} onClick={(ev) => ev.stopPropagation()}>
            {e.recordLabel}
          </Anchor>
        ) : (
          e.recordLabel
        ),
    },
    { key: 'action', header: 'What was done', width: '190px', render: (e) => ACTION_LABELS[e.action] ?? e.action },
    { key: 'changes', header: 'What changed', width: '2fr', render: whatChanged },
  ];
  const saved = exportCsv.data?.status === 'saved' ? exportCsv.data : null;
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={1} size="h2">
          History
        </Title>
        <Button leftSection={<IconFileSpreadsheet size={16} />} variant="default" loading={exportCsv.isPending} onClick={() => exportCsv.mutate(filter)}>
          Export as CSV
        </Button>
      </Group>
      <Group mb="sm" gap="xs" align="flex-end">
        <Select aria-label="Officer" placeholder="Any officer" data={officers.data ?? []} value={filter.by} onChange={(by) => setFilter({ ...filter, by })} clearable searchable w={220} />
        <Select
          aria-label="Kind of record"
          placeholder="Any kind of record"
          data={HISTORY_RECORD_TYPES.map((t) => ({ value: t, label: RECORD_TYPE_LABELS[t] }))}
          value={filter.recordType}
          onChange={(v) => setFilter({ ...filter, recordType: v as HistoryFilter['recordType'] })}
          clearable
          w={200}
        />
        <DateField aria-label="From" placeholder="From" value={filter.dateFrom} onChange={(dateFrom) => setFilter({ ...filter, dateFrom })} clearable compact w={165} />
        <DateField aria-label="To" placeholder="To" value={filter.dateTo} onChange={(dateTo) => setFilter({ ...filter, dateTo })} clearable compact w={165} />
        <Text size="sm" c="dimmed" aria-live="polite">
          {rows.total.toLocaleString('en-GB')} {rows.total === 1 ? 'change' : 'changes'}
        </Text>
      </Group>
      {exportCsv.isError && <Alert color="red" mb="sm">{exportCsv.error.message}</Alert>}
      {saved && (
        <Alert color="green" mb="sm" withCloseButton onClose={() => exportCsv.reset()}>
          {saved.rows.toLocaleString('en-GB')} rows saved to {saved.path}
        </Alert>
      )}
      {rows.error && <Alert color="red" mb="sm">{rows.error.message}</Alert>}
      <VirtualTable
        label="History"
        paged={{ ...rows.paged, rowAt: (i): Row | undefined => { const r = rows.paged.rowAt(i); return r && { ...r, id: String(r.id) }; } }}
        columns={columns}
        onOpen={(e) => e.letterId && void navigate(`/letters/${e.letterId}`)}
        empty={rows.isPending ? 'Loading…' : 'Nothing matches.'}
      />
    </>
  );
}
