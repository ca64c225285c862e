import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { InputOf, MethodName, ResultOf } from '../../../electron/ipc/contract';
import type { PagedRows } from '../components/VirtualTable';
import { call, type ApiError } from './desk';

type PagedMethod = { [M in MethodName]: ResultOf<M> extends { rows: unknown[]; total: number } ? (InputOf<M> extends { limit?: number; offset?: number } ? M : never) : never }[MethodName];
type RowOf<M extends PagedMethod> = ResultOf<M> extends { rows: (infer R)[] } ? R : never;

/** Rows per request: a screenful several times over, so scrolling rarely waits. */
export const PAGE_SIZE = 100;

/**
 * A register read a page at a time: the first page and count at once, then whichever pages the table
 * shows. Each page is cached by its filters and offset, so scrolling back costs nothing; a change of
 * filter starts from the first page again, keeping the old rows on screen until the new ones arrive.
 */
export function usePagedList<M extends PagedMethod>(method: M, input: Omit<InputOf<M>, 'limit' | 'offset'>) {
  const [range, setRange] = useState({ first: 0, last: 0 });
  const key = JSON.stringify(input);
  const [rangeKey, setRangeKey] = useState(key);
  const visible = rangeKey === key ? range : { first: 0, last: 0 };
  const pages = new Set([0]);
  for (let p = Math.floor(visible.first / PAGE_SIZE); p <= Math.floor(visible.last / PAGE_SIZE); p++) pages.add(p);
  const pageList = [...pages].sort((a, b) => a - b);
  const results = useQueries({
    queries: pageList.map((page) => ({
      queryKey: [method, { ...input, limit: PAGE_SIZE, offset: page * PAGE_SIZE }],
      queryFn: () => call(method, { ...input, limit: PAGE_SIZE, offset: page * PAGE_SIZE } as InputOf<M>),
      placeholderData: page === 0 ? keepPreviousData : undefined,
    })),
  });
  const first = results[0]!;
  const byPage = new Map<number, RowOf<M>[]>();
  pageList.forEach((page, i) => {
    const data = results[i]!.data as { rows: RowOf<M>[] } | undefined;
    if (data) byPage.set(page, data.rows);
  });
  const total = (first.data as { total: number } | undefined)?.total ?? 0;
  const onRange = useCallback(
    (f: number, l: number) => {
      setRangeKey(key);
      setRange((r) => (r.first === f && r.last === l ? r : { first: f, last: l }));
    },
    [key],
  );
  const paged: PagedRows<RowOf<M> & { id: string }> = {
    total,
    rowAt: (i) => byPage.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE] as (RowOf<M> & { id: string }) | undefined,
    onRange,
  };
  return { paged, total, isPending: first.isPending, error: (results.find((r) => r.error)?.error ?? null) as ApiError | null };
}
