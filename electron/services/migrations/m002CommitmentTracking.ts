import type { Migration, RawDataset } from '../../store';

/**
 * Version 2 tracks what became of each commitment and how each deadline was changed:
 * - a commitment `{ id, text }` gains the organisation asked (the letter's recipient's), its own due date
 *   (none: it follows the letter's), tags, and a history starting with "requested" on the letter's date;
 * - a letter gains `deadlineEvents` (extensions and overrides, none yet), `deadlineManualDate` (its date
 *   when it had no rule), `followsUp` (none) and
 *   `threadId` (itself: every existing letter starts its own thread).
 * Fields this version does not know are left as they are.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const m002CommitmentTracking: Migration = {
  to: 2,
  description: 'Track commitment status history, deadline changes and letter threads',
  up(data: RawDataset): RawDataset {
    const letters = (data.collections['letters'] ?? []).map((raw) => {
      if (!isObj(raw)) return raw;
      const recipient = isObj(raw['recipient']) ? raw['recipient'] : {};
      const organisation = typeof recipient['organisation'] === 'string' ? recipient['organisation'] : '';
      const letterDate = typeof raw['letterDate'] === 'string' ? raw['letterDate'] : undefined;
      const createdAt = typeof raw['createdAt'] === 'string' ? raw['createdAt'] : undefined;
      const commitments = Array.isArray(raw['commitments'])
        ? raw['commitments'].map((c) =>
            isObj(c) && !Array.isArray(c['history'])
              ? {
                  organisation,
                  dueDate: null,
                  tags: [],
                  ...c,
                  history: [{ status: 'requested', date: letterDate, evidence: null, at: createdAt, by: 'Correspondence Desk (upgrade)' }],
                }
              : c,
          )
        : [];
      return {
        ...raw,
        commitments,
        deadlineEvents: Array.isArray(raw['deadlineEvents']) ? raw['deadlineEvents'] : [],
        // Version 1 kept one date: the rule's result, or the officer's own date when there was no rule.
        deadlineManualDate: raw['deadlineRule'] ? null : (raw['deadlineDate'] ?? null),
        followsUp: raw['followsUp'] ?? null,
        threadId: raw['threadId'] ?? raw['id'],
      };
    });
    return { ...data, collections: { ...data.collections, letters } };
  },
};
