import type { DashboardSummary } from '../dashboard/summary';
import type { IsoDate } from '../dates/londonDate';
import type { ReplyState } from '../replies/replyState';
import type { Reply } from '../replies/replySchema';
import type { DocumentContext, LetterDocument } from './documentModel';
import type { Letter, LetterStatus } from './letterSchema';
import type { Commitment } from '../commitments/commitment';

/** A letter as the editor receives it: the record, the document the preview renders, and what surrounds it. */
export interface LetterDetail {
  letter: Letter;
  document: LetterDocument;
  notes: string[];
  /** How the deadline in force was reached, step by step. */
  deadlineSteps: { label: string; date: IsoDate; explanation: string }[];
  reply: { state: ReplyState; chase: { offer: boolean; reason: string } };
  replies: Reply[];
  thread: ThreadItem[];
  /** Every commitment asked for in this letter's thread: what a reply (to the letter or its chaser) can answer. */
  threadCommitments: { letterId: string; reference: string; commitment: Commitment }[];
  /** For a follow-up: what its placeholders need from the letter it follows, so the preview can fill them. */
  followUp: Pick<DocumentContext, 'original' | 'outstandingCommitments'> | null;
  /** Today in London by the app's clock, so the window agrees with main about what is overdue. */
  today: IsoDate;
}

/** One item of a correspondence thread: the letters and the replies about one matter, in date order. */
export type ThreadItem =
  | { kind: 'letter'; id: string; date: IsoDate; reference: string; subject: string; status: LetterStatus; followUpKind: 'chaser' | 'other' | null }
  | { kind: 'reply'; id: string; letterId: string; date: IsoDate; from: string; theirReference: string; summary: string };

export type { DashboardSummary };
