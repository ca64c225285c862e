import { Alert, Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import type { LetterDetail } from '../../../../../electron/core/letters/views';
import { useApiQuery } from '../../../api/queries';
import { LetterEditor } from './LetterEditor';

/** `/letters/:id`: load the letter once, then hand it to the editor, which owns it while open. */
export function LetterEditorPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const letter = useApiQuery('letters.get', { id });
  const onSaved = useCallback(
    (d: LetterDetail) => {
      // Keep the register current; the editor itself keeps its own state while open.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'letters.list' });
      queryClient.setQueryData(['letters.get', { id: d.letter.id }], d);
    },
    [queryClient],
  );
  if (letter.isError) return <Alert color="red">{letter.error.message}</Alert>;
  if (!letter.data || letter.isPlaceholderData) return <Center p="xl"><Loader aria-label="Loading the letter" /></Center>;
  return <LetterEditor key={letter.data.letter.id} detail={letter.data} onSaved={onSaved} />;
}
