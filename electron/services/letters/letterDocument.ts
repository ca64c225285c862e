import type { OfficeProfile, Signatory } from '../../core/addressBook/schemas';
import { buildLetterDocument, type DocumentContext, type LetterDocument } from '../../core/letters/documentModel';
import type { Letter } from '../../core/letters/letterSchema';
import type { ServiceContext } from '../context';

/** The document model of a stored letter, with the office profile and signature images filled in. */
export function letterDocumentFor(ctx: ServiceContext, letter: Letter, followUp?: Pick<DocumentContext, 'original' | 'outstandingCommitments' | 'frozen'>): LetterDocument {
  const signatureImages = new Map<string, string>();
  for (const s of letter.signatories) {
    const image = ctx.store().get<Signatory>('signatories', s.signatoryId)?.signatureImage;
    if (image) signatureImages.set(s.signatoryId, image);
  }
  return buildLetterDocument(letter, { office: ctx.store().getDoc<OfficeProfile>('office'), signatureImages, ...followUp });
}
