import type { LetterDocument } from './documentModel';
import type { Letter } from './letterSchema';

/** A letter as the editor receives it: the record, the document the preview renders, and notes to show. */
export interface LetterDetail {
  letter: Letter;
  document: LetterDocument;
  notes: string[];
}
