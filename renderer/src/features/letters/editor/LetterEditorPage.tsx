import { Alert, Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import type { LetterDetail } from '../../../../../electron/core/letters/views';
import { call } from '../../../api/desk';
import { LetterEditor } from './LetterEditor';

/**
 * `/letters/:id`. Moving from one letter to another (a thread, a chaser) keeps this route, so the loader
 * is keyed by the id: each letter gets a fresh mount, and with it a fresh read. Without the key a letter
 * already in the cache never counted as "fetched after mount" and the page waited for ever.
 */
export function LetterEditorPage() {
  const { id = '' } = useParams();
  return <LetterLoader key={id} id={id} />;
}

function LetterLoader({ id }: { id: string }) {
  const queryClient = useQueryClient();
  // Always read the letter afresh when it is opened: another letter's change (a chaser sent, a reply
  // recorded) may have changed it, and the editor keeps the version it starts with.
  const letter = useQuery({ queryKey: ['letters.get', { id }], queryFn: () => call('letters.get', { id }), refetchOnMount: 'always' });
  const onSaved = useCallback(
    (d: LetterDetail) => {
      // Keep every other view current (register, dashboard, the thread's other letters); the editor keeps its own state.
      queryClient.setQueryData(['letters.get', { id: d.letter.id }], d);
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'app.status' && q.queryKey[0] !== 'letters.get' });
    },
    [queryClient],
  );
  if (letter.isError) return <Alert color="red">{letter.error.message}</Alert>;
  if (!letter.data || !letter.isFetchedAfterMount) return <Center p="xl"><Loader aria-label="Loading the letter" /></Center>;
  return <LetterEditor key={letter.data.letter.id} detail={letter.data} onSaved={onSaved} />;
}
