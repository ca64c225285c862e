import type { Letter } from './letterSchema';

/**
 * The bookkeeping fields of a letter not yet sent, signed or tracked. New letters, the template preview's
 * sample letter, fixtures and tests start from these, so a new field is added in one place.
 */
export const UNSENT_LETTER_STATE = {
  status: 'draft',
  sentDate: null,
  sendRecord: null,
  sentSnapshot: null,
  signoffs: [],
  deadlineDate: null,
  deadlineManualDate: null,
  deadlineEvents: [],
  followsUp: null,
  followUpKind: null,
  signByDate: null,
  templateGaps: { signatories: [], ccGroup: null },
  amendments: [],
  readinessOverrides: [],
  deletedAt: null,
} as const satisfies Partial<Letter>;
