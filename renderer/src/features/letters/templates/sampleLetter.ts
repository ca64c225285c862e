import { UNSENT_LETTER_STATE } from '../../../../../electron/core/letters/letterDefaults';
import type { Letter } from '../../../../../electron/core/letters/letterSchema';
import type { LetterTemplate } from '../../../../../electron/core/templates/types';
import { computeDeadline } from '../../../../../electron/core/deadlines/computeDeadline';

/** A letter made from a template with sample details, so a template can be previewed as a finished letter. */
export function sampleLetter(t: LetterTemplate, today: string): Letter {
  return {
    ...UNSENT_LETTER_STATE,
    id: 'sample',
    reference: 'MCO220317-02',
    referenceSource: 'allocated',
    templateId: t.id,
    letterDate: today,
    recipient: {
      contactId: null,
      rank: 'DAC',
      givenName: 'Jane',
      familyName: 'Taylor',
      fullName: 'DAC Jane Taylor',
      role: 'Deputy Assistant Commissioner',
      organisation: 'Metropolitan Police Service',
      organisationShort: 'MPS',
      addressLines: ['New Scotland Yard', 'Victoria Embankment', 'London SW1A 2JL'],
      salutation: 'Dear DAC Taylor',
    },
    subject: t.subject,
    body: t.body,
    closing: t.closing,
    signatories: t.signatories.map((name, i) => ({ signatoryId: `sample-${i}`, name, titleLines: [] })),
    cc: [],
    deadlineRule: t.deadline,
    deadlineDate: t.deadline ? computeDeadline(t.deadline, today) : null,
    threadId: 'sample',
    commitments: t.commitments.map((text, i) => ({ id: `c${i}`, text, organisation: 'Metropolitan Police Service', dueDate: null, tags: [], history: [] })),
    createdAt: `${today}T09:00:00.000Z`,
    updatedAt: `${today}T09:00:00.000Z`,
  };
}
