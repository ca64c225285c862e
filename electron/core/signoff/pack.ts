import type { IsoDate } from '../dates/londonDate';
import type { LetterDocument } from '../letters/documentModel';
import { signoffStates, type SignState } from './signoff';
import type { Letter } from '../letters/letterSchema';

/** One letter of a signatory pack: its cover sheet's facts and the letter exactly as it will be sent. */
export interface PackItem {
  id: string;
  reference: string;
  subject: string;
  recipient: string;
  signByDate: IsoDate | null;
  commitments: string[];
  signatories: { name: string; titleLines: string[]; state: SignState }[];
  document: LetterDocument;
}

/** A letter left out of a pack, or put in with warnings, and the pre-send check's words for why. */
export interface PackNote {
  id: string;
  reference: string;
  problems: string[];
}

/**
 * What the pack page shows: the letters to print, those left out because they would print the wrong text,
 * and the warnings about those put in (shown on screen, never printed).
 */
export interface PackData {
  items: PackItem[];
  skipped: PackNote[];
  warnings: PackNote[];
}

export function packItem(letter: Letter, document: LetterDocument): PackItem {
  const states = new Map(signoffStates(letter).map((s) => [s.signatoryId, s.state]));
  return {
    id: letter.id,
    reference: letter.reference,
    subject: document.subject,
    recipient: [letter.recipient.fullName, letter.recipient.role, letter.recipient.organisation].filter(Boolean).join(', '),
    signByDate: letter.signByDate,
    commitments: letter.commitments.map((c) => c.text).filter(Boolean),
    signatories: letter.signatories.map((s) => ({ name: s.name, titleLines: s.titleLines, state: states.get(s.signatoryId) ?? 'awaiting' })),
    document,
  };
}
