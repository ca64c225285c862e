import type { TemplateGaps } from './letterSchema';

/**
 * What a template asked for that the address book could not supply, in words the officer can act on. The
 * editor shows these under the letter's heading and the pre-send check lists them until they are dealt with
 * (the signatory added to the letter, or the note dismissed).
 */
export function templateGapNotes(gaps: TemplateGaps): string[] {
  return [
    ...gaps.signatories.map((name) => `The template names ${name} as a signatory, but there is no such signatory in the address book. Add them in Address book → Signatories, or choose another signatory.`),
    ...(gaps.ccGroup ? [`The template copies the letter to the CC group “${gaps.ccGroup}”, which is not in the address book. Add the group, or choose who to copy the letter to.`] : []),
  ];
}

export const hasTemplateGaps = (gaps: TemplateGaps) => gaps.signatories.length > 0 || gaps.ccGroup !== null;
