import { buildLetterDocument, type DocumentContext, type LetterDocument } from '../../core/letters/documentModel';
import type { Letter } from '../../core/letters/letterSchema';
import { OFFICE_DOC } from '../../store/sql';
import type { ServiceContext } from '../context';

/** The document model of a stored letter, with the office profile and signature images filled in. */
export async function letterDocumentFor(ctx: ServiceContext, letter: Letter, followUp?: Pick<DocumentContext, 'original' | 'outstandingCommitments' | 'frozen'>): Promise<LetterDocument> {
  const signatureImages = new Map<string, string>();
  const signatories = await ctx.register().signatories.getMany(letter.signatories.map((s) => s.signatoryId));
  for (const s of letter.signatories) {
    const image = signatories.get(s.signatoryId)?.signatureImage;
    if (image) signatureImages.set(s.signatoryId, image);
  }
  return buildLetterDocument(letter, { office: ctx.register().docs.get(OFFICE_DOC), signatureImages, ...followUp });
}
