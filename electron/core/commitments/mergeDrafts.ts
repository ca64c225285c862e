import type { Commitment, CommitmentDraft } from './commitment';

/**
 * The editor sends commitments as drafts (wording, organisation, due date, tags). Their status history is
 * kept in main and never taken from the editor: an edit keeps each commitment's history, and a new one
 * starts as "requested" on the given date.
 */
export function mergeCommitmentDrafts(
  drafts: readonly CommitmentDraft[],
  existing: readonly Commitment[],
  start: { date: string; at: string; by: string; organisation: string },
): Commitment[] {
  const byId = new Map(existing.map((c) => [c.id, c]));
  return drafts.map((d) => {
    const old = byId.get(d.id);
    return {
      ...d,
      organisation: d.organisation || start.organisation,
      history: old?.history ?? [{ status: 'requested' as const, date: start.date, evidence: null, at: start.at, by: start.by }],
    };
  });
}
