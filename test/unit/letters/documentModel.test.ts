import { describe, expect, it } from 'vitest';
import { defaultOfficeProfile } from '../../../electron/core/addressBook/schemas';
import { buildLetterDocument, documentLines } from '../../../electron/core/letters/documentModel';
import { UNSENT_LETTER_STATE } from '../../../electron/core/letters/letterDefaults';
import type { Letter } from '../../../electron/core/letters/letterSchema';

const letter: Letter = {
  ...UNSENT_LETTER_STATE,
  id: 'l1',
  reference: 'MCO220317-02',
  referenceSource: 'allocated',
  templateId: null,
  letterDate: '2022-03-17',
  recipient: {
    contactId: null,
    rank: 'DAC',
    givenName: 'Jane',
    familyName: 'Taylor',
    fullName: 'DAC Jane Taylor QPM',
    role: 'Deputy Assistant Commissioner',
    organisation: 'Metropolitan Police Service',
    organisationShort: 'MPS',
    addressLines: ['New Scotland Yard', 'London SW1A 2JL'],
    salutation: 'Dear DAC Taylor',
  },
  subject: 'Safeguarding review of {{recipient.organisationShort}}',
  body: [
    { type: 'paragraph', runs: [{ text: 'We write about the review dated ' }, { text: '{{letter.date}}', bold: true }, { text: '.' }] },
    { type: 'paragraph', runs: [{ text: '{{commitments.list}}' }] },
    { type: 'paragraph', runs: [{ text: 'Please reply by {{deadline.date}}; {{recipient.nonsense}} stays visible.' }] },
  ],
  closing: 'Yours sincerely',
  signatories: [
    { signatoryId: 's1', name: 'Philip Glanville', titleLines: ['Mayor of Hackney'] },
    { signatoryId: 's2', name: 'Anntoinette Bramble', titleLines: ['Deputy Mayor of Hackney and', 'Cabinet Member for Education'] },
  ],
  cc: [{ contactId: null, name: 'Sir Sadiq Khan', role: 'Mayor of London', organisation: '' }],
  deadlineRule: { kind: 'calendar', days: 14 },
  deadlineDate: '2022-03-31',
  threadId: 'l1',
  commitments: [
    { id: 'c1', text: 'A written and public action plan', organisation: 'MPS', dueDate: null, tags: [], history: [] },
    { id: 'c2', text: 'A meeting to discuss that plan', organisation: 'MPS', dueDate: null, tags: [], history: [] },
  ],
  createdAt: '2022-03-17T09:00:00.000Z',
  updatedAt: '2022-03-17T09:00:00.000Z',
};

describe('buildLetterDocument', () => {
  const doc = buildLetterDocument(letter, { office: { ...defaultOfficeProfile, officeName: 'Office of the Mayor of Hackney' }, signatureImages: new Map([['s1', 'data:image/png;base64,AAAA']]) });

  it('fills placeholders, expands the commitments list and reports what it could not fill', () => {
    expect(doc.subject).toBe('Safeguarding review of MPS');
    expect(doc.body[0]).toEqual({ type: 'paragraph', runs: [{ text: 'We write about the review dated ' }, { text: '17 March 2022', bold: true }, { text: '.' }] });
    expect(doc.body[1]).toEqual({ type: 'bulletList', items: [[{ text: 'A written and public action plan' }], [{ text: 'A meeting to discuss that plan' }]] });
    expect(doc.unresolved).toEqual(['recipient.nonsense']);
  });

  it('lays out every part in the order of a sent letter', () => {
    expect(documentLines(doc)).toEqual([
      'Office of the Mayor of Hackney',
      '17 March 2022',
      'Ref: MCO220317-02',
      'DAC Jane Taylor QPM',
      'Deputy Assistant Commissioner',
      'Metropolitan Police Service',
      'New Scotland Yard',
      'London SW1A 2JL',
      'Dear DAC Taylor,',
      'Safeguarding review of MPS',
      'We write about the review dated 17 March 2022.',
      '• A written and public action plan',
      '• A meeting to discuss that plan',
      'Please reply by 31 March 2022; {{recipient.nonsense}} stays visible.',
      'Yours sincerely',
      'Philip Glanville',
      'Mayor of Hackney',
      'Anntoinette Bramble',
      'Deputy Mayor of Hackney and',
      'Cabinet Member for Education',
      'CC:',
      'Sir Sadiq Khan, Mayor of London',
    ]);
    expect(doc.signatures[0]?.image).toBe('data:image/png;base64,AAAA');
    expect(doc.signatures[1]?.image).toBeNull();
  });
});
