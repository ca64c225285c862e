import { UserError } from '../../core/errors';
import type { Handlers } from '../../ipc/contract';
import { saveRecord } from '../addressBook/saveRecord';
import { createLetter, type LetterDeps } from './letterHandlers';

export const CHASER_TEMPLATE = 'chaser-overdue-reply';

/** Chasing an overdue reply, and changing a deadline with a reason on the record. */
export function followUpHandlers(deps: LetterDeps): Pick<Handlers, 'letters.createChaser' | 'letters.changeDeadline'> {
  const { ctx, reader, deadlines, lock } = deps;
  return {
    'letters.createChaser': ({ id }) =>
      lock(async () => {
        const original = reader.find(id);
        const { reply } = reader.detail(original);
        if (!reply.chase.offer) throw new UserError(`This letter is not due a chaser: ${reply.chase.reason}`);
        return createLetter(deps, { templateId: CHASER_TEMPLATE, contactId: original.recipient.contactId, followsUp: original, followUpKind: 'chaser' }).then(async (d) => {
          // The chaser goes to the same person, addressed as the original was (which may differ from the address
          // book). It asks for nothing new: what it chases are the original's commitments, which stay tracked there.
          const addressed = { ...d.letter, recipient: original.recipient, signatories: original.signatories, cc: original.cc, commitments: [] };
          return reader.detail(await saveRecord(ctx, 'letters', deadlines.apply(addressed)), d.notes);
        });
      }),
    'letters.changeDeadline': ({ id, change }) =>
      lock(async () => {
        const letter = reader.find(id);
        if (letter.deletedAt) throw new UserError('This letter is in the bin.');
        if (!letter.deadlineDate && change.kind === 'extension') throw new UserError('This letter has no deadline to extend. Set one first.');
        const event = { ...change, at: ctx.nowIso(), by: ctx.platform.userName() };
        const next = deadlines.apply({ ...letter, deadlineEvents: [...letter.deadlineEvents, event], updatedAt: ctx.nowIso() });
        return reader.detail(await saveRecord(ctx, 'letters', next));
      }),
  };
}
