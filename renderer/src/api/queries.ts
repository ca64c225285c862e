import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf, MethodName, ResultOf } from '../../../electron/ipc/contract';
import { call, type ApiError } from './desk';

/** Read through the API, cached by method and input. Keeps the previous rows on screen while a search runs. */
export function useApiQuery<M extends MethodName>(method: M, input: InputOf<M>, enabled = true) {
  return useQuery<ResultOf<M>, ApiError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * Change something through the API. Afterwards every cached read is refreshed except the app status: one
 * edit (renaming an organisation) shows up in several lists (its contacts, CC groups).
 */
export function useApiMutation<M extends MethodName>(method: M) {
  const queryClient = useQueryClient();
  return useMutation<ResultOf<M>, ApiError, InputOf<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'app.status' }),
  });
}
