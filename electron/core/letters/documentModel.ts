import type { OfficeProfile } from '../addressBook/schemas';
import { formatIsoDate } from '../dates/londonDate';
import { fillPlaceholders, type PlaceholderValues } from './fillPlaceholders';
import type { Letter } from './letterSchema';
import type { RichText } from './richText';

/**
 * The letter as it will be read: every part, in order, as text. The in-app preview, the DOCX export and the
 * signatory pack all render this one model, so they cannot disagree about what the letter says.
 */
export interface LetterDocument {
  letterhead: { officeName: string; addressLines: string[]; email: string; telephone: string };
  date: string;
  reference: string;
  recipientLines: string[];
  salutation: string;
  subject: string;
  body: RichText;
  closing: string;
  signatures: { name: string; titleLines: string[]; image: string | null }[];
  cc: string[];
  /** Placeholders that could not be filled: shown to the officer as warnings. */
  unresolved: string[];
}

export interface DocumentContext {
  office: OfficeProfile;
  /** Signature image (data URL) per signatory id, where the signatory has one. */
  signatureImages: ReadonlyMap<string, string>;
  /** For a follow-up letter: the letter it follows. */
  original?: Pick<Letter, 'reference' | 'letterDate' | 'subject'>;
  outstandingCommitments?: string[];
  /**
   * For a sent letter: the placeholder values and letterhead as they were when it went, so the record does
   * not drift when a deadline is extended, a commitment is agreed or the office moves.
   */
  frozen?: SentSnapshot | null;
}

export interface SentSnapshot {
  values: PlaceholderValues;
  letterhead: LetterDocument['letterhead'];
}

export function placeholderValues(letter: Letter, ctx: DocumentContext): PlaceholderValues {
  const r = letter.recipient;
  return {
    'recipient.fullName': r.fullName,
    'recipient.rank': r.rank,
    'recipient.givenName': r.givenName,
    'recipient.familyName': r.familyName,
    'recipient.salutation': r.salutation,
    'recipient.role': r.role,
    'recipient.organisation': r.organisation,
    'recipient.organisationShort': r.organisationShort || r.organisation,
    'letter.date': formatIsoDate(letter.letterDate),
    'letter.reference': letter.reference,
    'letter.subject': letter.subject,
    ...(letter.deadlineDate && { 'deadline.date': formatIsoDate(letter.deadlineDate) }),
    'office.name': ctx.office.officeName,
    'office.email': ctx.office.email,
    'office.telephone': ctx.office.telephone,
    ...(ctx.original && {
      'original.reference': ctx.original.reference,
      'original.date': formatIsoDate(ctx.original.letterDate),
      'original.subject': ctx.original.subject,
    }),
    'commitments.list': letter.commitments.map((c) => c.text).filter(Boolean),
    ...(ctx.outstandingCommitments && { 'commitments.outstanding': ctx.outstandingCommitments }),
  };
}

export function snapshotForSending(letter: Letter, ctx: DocumentContext): SentSnapshot {
  return {
    values: placeholderValues(letter, ctx),
    letterhead: { officeName: ctx.office.officeName, addressLines: [...ctx.office.addressLines], email: ctx.office.email, telephone: ctx.office.telephone },
  };
}

export function buildLetterDocument(letter: Letter, ctx: DocumentContext): LetterDocument {
  const values = ctx.frozen?.values ?? placeholderValues(letter, ctx);
  const { body, unresolved } = fillPlaceholders(letter.body, values);
  const subject = fillPlaceholders([{ type: 'paragraph', runs: [{ text: letter.subject }] }], values);
  const subjectBlock = subject.body[0];
  const r = letter.recipient;
  return {
    letterhead: ctx.frozen?.letterhead ?? {
      officeName: ctx.office.officeName,
      addressLines: ctx.office.addressLines,
      email: ctx.office.email,
      telephone: ctx.office.telephone,
    },
    date: formatIsoDate(letter.letterDate),
    reference: letter.reference,
    recipientLines: [r.fullName, r.role, r.organisation, ...r.addressLines].filter((l) => l.trim() !== ''),
    salutation: r.salutation ? `${r.salutation.replace(/,\s*$/, '')},` : 'Dear Sir or Madam,',
    subject: subjectBlock?.type === 'paragraph' ? subjectBlock.runs.map((x) => x.text).join('') : letter.subject,
    body,
    closing: letter.closing || 'Yours sincerely',
    signatures: letter.signatories.map((s) => ({ name: s.name, titleLines: s.titleLines, image: ctx.signatureImages.get(s.signatoryId) ?? null })),
    cc: letter.cc.map((c) => [c.name, c.role, c.organisation].filter(Boolean).join(', ')),
    unresolved: [...new Set([...unresolved, ...subject.unresolved])],
  };
}

/** The document as plain lines, in reading order: to compare the preview, the DOCX and the PDF by text. */
export function documentLines(doc: LetterDocument): string[] {
  const runs = (rs: { text: string }[]) => rs.map((r) => r.text).join('');
  const body = doc.body.flatMap((b) =>
    b.type === 'paragraph' ? [runs(b.runs)] : b.items.map((item, i) => `${b.type === 'orderedList' ? `${i + 1}.` : '•'} ${runs(item)}`),
  );
  return [
    doc.letterhead.officeName,
    ...doc.letterhead.addressLines,
    doc.letterhead.email,
    doc.letterhead.telephone,
    doc.date,
    `Ref: ${doc.reference}`,
    ...doc.recipientLines,
    doc.salutation,
    doc.subject,
    ...body,
    doc.closing,
    ...doc.signatures.flatMap((s) => [s.name, ...s.titleLines]),
    ...(doc.cc.length > 0 ? ['CC:', ...doc.cc] : []),
  ].filter((l) => l.trim() !== '');
}
