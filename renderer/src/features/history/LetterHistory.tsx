import { Alert, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call, type ApiError } from '../../api/desk';
import { HistoryEntries } from './HistoryEntries';
import type { HistoryEntryView } from '../../../../electron/core/history/history';

/** The History tab: read again whenever the letter is saved (autosaves do not go through a mutation). */
export function LetterHistory({ letterId, updatedAt }: { letterId: string; updatedAt: string }) {
  const history = useQuery<HistoryEntryView[], ApiError>({
    queryKey: ['history.ofLetter', { id: letterId }, updatedAt],
    queryFn: () => call('history.ofLetter', { id: letterId }),
  });
  if (history.error) return <Alert color="red">{history.error.message}</Alert>;
  if (!history.data) return <Loader size="sm" aria-label="Loading the history" />;
  return <HistoryEntries entries={history.data} />;
}
