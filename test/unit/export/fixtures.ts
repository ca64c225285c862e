import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OfficeProfile } from '../../../electron/core/addressBook/schemas';
import { buildLetterDocument, type LetterDocument } from '../../../electron/core/letters/documentModel';
import type { z } from 'zod';
import { letterRecord as letterSchema, type Letter, type LetterSignatory } from '../../../electron/core/letters/letterSchema';
import type { RichText } from '../../../electron/core/letters/richText';
import { parseTemplate } from '../../../electron/core/templates/parseTemplate';
import { pngDataUrl, signaturePng } from './png';

/**
 * Letters for the export tests, built in code through the same document model the app uses. Each one
 * exercises a different part of the letter's anatomy (DESIGN.md), so a test can say exactly what it expects.
 */
export const ROOT = resolve(import.meta.dirname, '../../..');

export const OFFICE: OfficeProfile = {
  officeName: 'Office of the Mayor of Hackney',
  addressLines: ['Hackney Town Hall', 'Mare Street', 'London E8 1EA'],
  email: 'mayor@hackney.gov.uk',
  telephone: '020 8356 3000',
  referencePrefix: 'MCO',
  referencePattern: '{prefix}{yyMMdd}-{nn}',
};

export const RECIPIENT: Letter['recipient'] = {
  contactId: null,
  rank: 'DAC',
  givenName: 'Jane',
  familyName: 'Taylor',
  fullName: 'DAC Jane Taylor QPM',
  role: 'Deputy Assistant Commissioner',
  organisation: 'Metropolitan Police Service',
  organisationShort: 'MPS',
  addressLines: ['New Scotland Yard', 'Victoria Embankment', 'London SW1A 2JL'],
  salutation: 'Dear DAC Taylor',
};

export const FOUR_SIGNATORIES: LetterSignatory[] = [
  { signatoryId: 's1', name: 'Philip Glanville', titleLines: ['Mayor of Hackney'] },
  { signatoryId: 's2', name: 'Anntoinette Bramble', titleLines: ['Deputy Mayor of Hackney and', 'Cabinet Member for Education, Young People and Children’s Social Care'] },
  { signatoryId: 's3', name: 'Susan Fajana-Thomas', titleLines: ['Cabinet Member for Community Safety'] },
  { signatoryId: 's4', name: 'Mark Carroll', titleLines: ['Chief Executive'] },
];

export const CC: Letter['cc'] = [
  { contactId: null, name: 'Sir Sadiq Khan', role: 'Mayor of London', organisation: '' },
  { contactId: null, name: 'Sophie Linden', role: 'Deputy Mayor for Policing and Crime', organisation: 'MOPAC' },
  { contactId: null, name: 'Diane Abbott MP', role: 'Member of Parliament for Hackney North and Stoke Newington', organisation: '' },
];

/** The Mayor's signature: a real PNG, so the DOCX has to carry an image part. */
export const SIGNATURE_PNG = signaturePng();

type LetterInput = z.input<typeof letterSchema>;

/**
 * A stored letter, made by the store's own schema so every field the app adds gets its default. `raw` is
 * laid over the parsed record unchecked: the text-safety letter needs characters the schema would strip,
 * to prove the DOCX writer strips them itself.
 */
export function letterRecord(overrides: Partial<LetterInput> = {}, raw: Partial<Letter> = {}): Letter {
  const base: LetterInput = {
    id: 'letter-1',
    threadId: 'letter-1',
    reference: 'MCO220317-02',
    referenceSource: 'allocated',
    templateId: null,
    status: 'draft',
    letterDate: '2022-03-17',
    recipient: RECIPIENT,
    subject: 'Safeguarding review: a written action plan and assurances',
    body: [{ type: 'paragraph', runs: [{ text: 'We are writing following the review.' }] }],
    closing: 'Yours sincerely',
    signatories: FOUR_SIGNATORIES.slice(0, 1),
    cc: [],
    createdAt: '2022-03-17T09:00:00.000Z',
    updatedAt: '2022-03-17T09:00:00.000Z',
  };
  return { ...letterSchema.parse({ ...base, ...overrides }), ...raw };
}

export function documentOf(letter: Letter, images: Record<string, string> = {}, office = OFFICE): LetterDocument {
  return buildLetterDocument(letter, { office, signatureImages: new Map(Object.entries(images)) });
}

/** The realistic case: the safeguarding template, four signatories (the Mayor's with an image) and a CC list. */
export function safeguardingLetter(): LetterDocument {
  const parsed = parseTemplate(readFileSync(resolve(ROOT, 'templates/safeguarding-action-plan.md'), 'utf8'), 'safeguarding-action-plan.md', { id: 'safeguarding-action-plan', builtIn: true });
  if (!parsed.ok) throw new Error(`The safeguarding template does not parse: ${JSON.stringify(parsed.problems)}`);
  const t = parsed.template;
  return documentOf(
    letterRecord({
      subject: t.subject,
      body: t.body,
      signatories: FOUR_SIGNATORIES,
      cc: CC,
      deadlineRule: { kind: 'calendar', days: 14 },
      deadlineDate: '2022-03-31',
      commitments: t.commitments.map((text, i) => ({ id: `c${i}`, text, history: [{ status: 'requested', date: '2022-03-17', at: '2022-03-17T09:00:00.000Z', by: 'test.officer' }] })),
    }),
    { s1: pngDataUrl(SIGNATURE_PNG) },
  );
}

/** Every kind of run and block the body can hold, each with distinctive text to find. */
export const FORMATTED_BODY: RichText = [
  {
    type: 'paragraph',
    runs: [
      { text: 'We ask for ' },
      { text: 'a written action plan', bold: true },
      { text: ', ' },
      { text: 'published', italic: true },
      { text: ' and ' },
      { text: 'within a fortnight', underline: true },
      { text: '.' },
    ],
  },
  { type: 'bulletList', items: [[{ text: 'Bullet one' }], [{ text: 'Bullet two, ' }, { text: 'in bold', bold: true }]] },
  { type: 'orderedList', items: [[{ text: 'First request' }], [{ text: 'Second request' }]] },
  { type: 'paragraph', runs: [{ text: 'Between the lists.' }] },
  { type: 'orderedList', items: [[{ text: 'Restarted first' }], [{ text: 'Restarted second' }]] },
  { type: 'paragraph', runs: [{ text: 'Line one\nLine two' }] },
];

export function formattedLetter(): LetterDocument {
  return documentOf(letterRecord({ reference: 'MCO220317-03', subject: 'Formatting: bold, lists and line breaks', body: FORMATTED_BODY, signatories: FOUR_SIGNATORIES.slice(0, 3), cc: CC.slice(0, 2) }));
}

/** Characters XML 1.0 forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates): the DOCX must drop them. */
// The low surrogate comes first: the other way round the two would make a valid pair (U+103FF).
export const FORBIDDEN = '\u0000\u0001\u0008\u000B\u000C\u000E\u001F\uFFFE\uFFFF\uDFFF\uD800';
/** What must survive untouched: XML's special characters, emoji, right-to-left scripts. */
export const TRICKY = {
  markup: `Fish & chips <b>not bold</b> "quoted" 'single' ]]> &amp;`,
  // Astral characters (surrogate pairs in UTF-16) that DejaVu Sans draws, so they reach a PDF's text too.
  emoji: 'Thank you 😀 😃 ❤',
  // Skin tone and ZWJ sequences: no font on a plain Debian machine draws them, so only the DOCX is checked.
  emojiSequences: 'Sequences 👍🏽 and 👩‍👩‍👧 family',
  arabic: 'مرحبا بكم في هاكني',
  hebrew: 'שלום לכולם בהאקני',
};

export function textSafetyLetter(): LetterDocument {
  const dirty = (s: string) => [...s].map((ch, i) => ch + (FORBIDDEN[i % FORBIDDEN.length] ?? '')).join('');
  return documentOf(
    letterRecord(
      { reference: 'MCO220317-04' },
      {
        reference: `MCO220317-04${'\u0007'}`,
        subject: `Text safety${'\uFFFF'}: ${TRICKY.markup}`,
        recipient: { ...RECIPIENT, fullName: `Ms Dana${'\u0001'} Cohen`, organisation: `Org ${'\uD800'}& Co` },
        body: [
          { type: 'paragraph', runs: [{ text: dirty(TRICKY.markup) }] },
          { type: 'paragraph', runs: [{ text: TRICKY.emoji }] },
          { type: 'paragraph', runs: [{ text: TRICKY.emojiSequences }] },
          { type: 'paragraph', runs: [{ text: `Arabic: ${TRICKY.arabic}` }] },
          { type: 'paragraph', runs: [{ text: `Hebrew: ${TRICKY.hebrew}` }] },
          { type: 'paragraph', runs: [{ text: `Controls${FORBIDDEN}gone` }] },
        ],
        signatories: [{ signatoryId: 's9', name: `Ahmed${'\u000E'} Hassan`, titleLines: [`Cabinet Member ${'\uFFFE'}for Equalities`] }],
        cc: [{ contactId: null, name: `Noa${'\u001F'} Levi`, role: 'Community Liaison', organisation: '' }],
      },
    ),
    {},
    { ...OFFICE, officeName: `Office of the Mayor${'\u0002'} of Hackney`, addressLines: [`Town Hall ${'\uFFFF'}& Annexe`, ...OFFICE.addressLines.slice(1)] },
  );
}

/** The text a reader should get back from the text-safety letter once forbidden characters are dropped. */
export const CLEAN = {
  reference: 'MCO220317-04',
  subject: `Text safety: ${TRICKY.markup}`,
  fullName: 'Ms Dana Cohen',
  organisation: 'Org & Co',
  body: [TRICKY.markup, TRICKY.emoji, TRICKY.emojiSequences, `Arabic: ${TRICKY.arabic}`, `Hebrew: ${TRICKY.hebrew}`, 'Controlsgone'],
  signatory: 'Ahmed Hassan',
  title: 'Cabinet Member for Equalities',
  cc: 'Noa Levi, Community Liaison',
  letterhead: [OFFICE.officeName, 'Town Hall & Annexe', ...OFFICE.addressLines.slice(1), OFFICE.email, OFFICE.telephone],
};
