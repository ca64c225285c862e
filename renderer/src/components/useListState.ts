import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { ListState } from './ListToolbar';

/** List controls' state, with the search text debounced so typing does not send a request per key. */
export function useListState<S extends string>(initialSort: S) {
  const [state, setState] = useState<ListState<S>>({ query: '', sort: initialSort, direction: 'asc', includeArchived: false });
  const [query] = useDebouncedValue(state.query, 150);
  return { state, setState, input: { ...state, query } };
}
