import { currentStatus, type Commitment } from '../../core/commitments/commitment';
import { NotFoundError, UserError } from '../../core/errors';
import type { Letter } from '../../core/letters/letterSchema';
import type { Attachment, Reply } from '../../core/replies/replySchema';
import type { Handlers } from '../../ipc/contract';
import { asFormError, saveRecord } from '../addressBook/saveRecord';
import type { LetterDeps } from '../letters/letterHandlers';
import { isViewableDocument, type attachmentFiles } from './attachmentFiles';

/**
 * Recording a reply: when it came, from whom, their reference, a summary, files, and what it said about each
 * commitment. Each answer becomes a status change on the commitment, with the reply as its evidence.
 */
export function replyHandlers(
  deps: LetterDeps,
  files: ReturnType<typeof attachmentFiles>,
): Pick<Handlers, 'replies.create' | 'replies.attachFiles' | 'replies.openAttachment'> {
  const { ctx, reader, lock } = deps;
  const findReply = async (id: string) => {
    const r = await ctx.register().replies.get(id);
    if (!r) throw new NotFoundError('That reply');
    return r;
  };
  return {
    'replies.create': (input) =>
      lock(async () => {
        const letter = await reader.find(input.letterId);
        if (letter.status !== 'sent' && letter.status !== 'closed') throw new UserError('A reply can be recorded only for a letter that has been sent.');
        if (letter.deletedAt) throw new UserError('This letter is in the bin. Restore it first.');
        if (input.receivedDate > reader.today()) throw new UserError('A reply cannot have been received on a date still to come.', { receivedDate: 'That date is in the future.' });
        if (letter.sentDate && input.receivedDate < letter.sentDate) throw new UserError('The reply cannot have arrived before the letter was sent.', { receivedDate: 'Before the letter was sent.' });
        const { letters } = await reader.threadOf(letter);
        const owner = new Map<string, Letter>();
        for (const l of letters) for (const c of l.commitments) owner.set(c.id, l);
        for (const a of input.answers) if (!owner.has(a.commitmentId)) throw new UserError('One of the commitments answered is not part of this correspondence.');

        const now = ctx.nowIso();
        const reply: Reply = { ...input, id: ctx.newId(), attachments: [], createdAt: now, updatedAt: now };
        const by = ctx.officer();
        const touched = new Map<string, Letter>();
        for (const a of input.answers) {
          const l = touched.get(owner.get(a.commitmentId)!.id) ?? owner.get(a.commitmentId)!;
          const commitments = l.commitments.map((c): Commitment =>
            c.id !== a.commitmentId || (currentStatus(c) === a.status && !a.note)
              ? c
              : { ...c, history: [...c.history, { status: a.status, date: input.receivedDate, evidence: { kind: 'reply', replyId: reply.id }, ...(a.note && { note: a.note }), at: now, by }] },
          );
          touched.set(l.id, { ...l, commitments, updatedAt: now });
        }
        // The reply and what it changed on each letter commit together, with one history row each.
        const register = ctx.register();
        try {
          await register.write(async (trx) => {
            await register.replies.save(trx, reply, { by, action: 'reply', at: now });
            for (const l of touched.values()) await register.letters.saveLetterIn(trx, l, { by, action: 'reply', reason: null });
          });
        } catch (err) {
          throw asFormError(err);
        }
        return reader.detail(await reader.find(input.letterId));
      }),
    'replies.attachFiles': async ({ id }) => {
      await findReply(id);
      // The dialog and the copying (files of up to 200 MB) happen outside the lock, so saving letters is not held up.
      const chosen = await ctx.platform.chooseFiles({ title: 'Attach files to this reply' });
      if (chosen.length === 0) return await findReply(id);
      const added: Attachment[] = [];
      for (const path of chosen) added.push(await files.add(path));
      return lock(async () => {
        const reply = await findReply(id);
        const known = new Set(reply.attachments.map((a) => `${a.sha256}/${a.name}`));
        const attachments = [...reply.attachments, ...added.filter((a) => !known.has(`${a.sha256}/${a.name}`))];
        return saveRecord(ctx, 'replies', { ...reply, attachments, updatedAt: ctx.nowIso() });
      });
    },
    'replies.openAttachment': async ({ replyId, attachmentId }) => {
      const a = (await findReply(replyId)).attachments.find((x) => x.id === attachmentId);
      if (!a) throw new NotFoundError('That attachment');
      const path = await files.verify(a);
      // Only documents are opened directly; anything that could run (.exe, .js, .lnk…) is shown in its folder.
      if (isViewableDocument(a.name)) await ctx.platform.openPath(path);
      else await ctx.platform.showInFolder(path);
      return null;
    },
  };
}
