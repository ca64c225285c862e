import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { ReadinessAction } from '../../../../../electron/core/readiness/actions';
import type { ReadinessReport } from '../../../../../electron/core/readiness/gate';
import { call, type ApiError } from '../../../api/desk';
import { ReadinessModal } from './ReadinessModal';

/**
 * The pre-send check, asked afresh each time. Not cached: the draft is saved straight through the API
 * (not through a mutation that would refresh queries), so a cached answer could describe an older letter.
 */
export function useReadinessReport(id: string, action: ReadinessAction) {
  return useQuery<ReadinessReport, ApiError>({
    queryKey: ['letters.check', id, action],
    queryFn: () => call('letters.check', { id, action }),
    staleTime: 0,
    gcTime: 0,
    refetchOnMount: 'always',
  });
}

interface Pending {
  reference: string;
  report: ReadinessReport;
  proceed: (reason: string | undefined) => void;
}

/**
 * Guard an action with the pre-send check: `run` asks main for the problems; with none left to decide it goes
 * straight ahead, otherwise `modal` lists them and goes ahead (with the officer's reason) only when allowed.
 */
export function useReadinessGate(opts: { onError: (message: string) => void }) {
  const check = useMutation<ReadinessReport, ApiError, { id: string; action: ReadinessAction }>({ mutationFn: (input) => call('letters.check', input) });
  const [pending, setPending] = useState<Pending | null>(null);

  const run = async (letter: { id: string; reference: string }, action: ReadinessAction, proceed: (reason: string | undefined) => void) => {
    let report: ReadinessReport;
    try {
      report = await check.mutateAsync({ id: letter.id, action });
    } catch (err) {
      opts.onError(err instanceof Error ? err.message : String(err));
      return;
    }
    if (report.problems.every((p) => p.overridden)) proceed(undefined);
    else setPending({ reference: letter.reference, report, proceed });
  };

  const modal: ReactNode = pending && (
    <ReadinessModal
      reference={pending.reference}
      report={pending.report}
      onCancel={() => setPending(null)}
      onConfirm={(reason) => {
        setPending(null);
        pending.proceed(reason);
      }}
    />
  );
  return { run, modal, checking: check.isPending };
}
