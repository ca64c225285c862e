import { UserError } from '../../core/errors';
import type { Letter } from '../../core/letters/letterSchema';
import type { Handlers } from '../../ipc/contract';
import { saveLetter } from '../addressBook/saveRecord';
import { createLetter, type LetterDeps } from './letterHandlers';

export const CHASER_TEMPLATE = 'chaser-overdue-reply';
export const ACKNOWLEDGEMENT_TEMPLATE = 'acknowledge-reply-and-meeting';

/** Chasing an overdue reply, acknowledging a reply, and changing a deadline with a reason on the record. */
export function followUpHandlers(deps: LetterDeps): Pick<Handlers, 'letters.createChaser' | 'letters.createAcknowledgement' | 'letters.changeDeadline'> {
  const { ctx, reader, deadlines, lock } = deps;
  /**
   * A follow-up goes to the same person, addressed as the original was (which may differ from the address
   * book), from the same signatories and to the same CC list.
   */
  const followUp = async (original: Letter, templateId: string, kind: 'chaser' | 'other', keepCommitments: boolean) => {
    const d = await createLetter(deps, { templateId, contactId: original.recipient.contactId, followsUp: original, followUpKind: kind });
    const addressed = {
      ...d.letter,
      recipient: original.recipient,
      signatories: original.signatories,
      cc: original.cc,
      ...(!keepCommitments && { commitments: [] }),
      // The original's signatories stand in for the template's, so what the template could not find no longer matters.
      templateGaps: { signatories: [], ccGroup: null },
    };
    return reader.detail(await saveLetter(ctx, deadlines.apply(addressed)));
  };
  return {
    'letters.createChaser': ({ id }) =>
      lock(async () => {
        const original = await reader.find(id);
        const { reply } = await reader.detail(original);
        if (!reply.chase.offer) throw new UserError(`This letter is not due a chaser: ${reply.chase.reason}`);
        // A chaser asks for nothing new: what it chases are the original's commitments, which stay tracked there.
        return followUp(original, CHASER_TEMPLATE, 'chaser', false);
      }),
    'letters.createAcknowledgement': ({ id }) =>
      lock(async () => {
        const original = await reader.find(id);
        if (original.deletedAt) throw new UserError('This letter is in the bin. Restore it first.');
        const { replies } = await reader.detail(original);
        if (replies.length === 0) throw new UserError('There is no reply to this letter to acknowledge yet. Record the reply first.');
        // The acknowledgement asks for the meeting arrangements its template lists: those are new commitments.
        return followUp(original, ACKNOWLEDGEMENT_TEMPLATE, 'other', true);
      }),
    'letters.changeDeadline': ({ id, change }) =>
      lock(async () => {
        const letter = await reader.find(id);
        if (letter.deletedAt) throw new UserError('This letter is in the bin.');
        if (!letter.deadlineDate && change.kind === 'extension') throw new UserError('This letter has no deadline to extend. Set one first.');
        const event = { ...change, at: ctx.nowIso(), by: ctx.officer() };
        const next = deadlines.apply({ ...letter, deadlineEvents: [...letter.deadlineEvents, event], updatedAt: ctx.nowIso() });
        return reader.detail(await saveLetter(ctx, next, 'deadline', change.reason));
      }),
  };
}
