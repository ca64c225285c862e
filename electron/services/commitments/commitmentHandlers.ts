import type { Commitment } from '../../core/commitments/commitment';
import { suggestCommitments } from '../../core/commitments/suggest';
import { NotFoundError, UserError } from '../../core/errors';
import type { Handlers } from '../../ipc/contract';
import { saveLetter } from '../addressBook/saveRecord';
import type { LetterDeps } from '../letters/letterHandlers';

/** Commitment statuses with evidence, the register across letters, and suggestions read from a body. */
export function commitmentHandlers(deps: LetterDeps): Pick<Handlers, 'commitments.setStatus' | 'commitments.list' | 'commitments.suggest' | 'commitments.tags'> {
  const { ctx, reader, lock } = deps;
  return {
    'commitments.setStatus': ({ letterId, commitmentId, status, date, evidence }) =>
      lock(async () => {
        const letter = await reader.find(letterId);
        const c = letter.commitments.find((x) => x.id === commitmentId);
        if (!c) throw new NotFoundError('That commitment');
        if (letter.deletedAt) throw new UserError('This letter is in the bin. Restore it first.');
        if (date > reader.today()) throw new UserError('A status cannot change on a date still to come.', { date: 'That date is in the future.' });
        if (evidence?.kind === 'reply' && !(await ctx.register().replies.get(evidence.replyId))) throw new UserError('That reply could not be found.');
        if (date < (letter.sentDate ?? letter.letterDate)) throw new UserError('A commitment cannot change before the letter asking for it was sent.', { date: 'Before the letter was sent.' });
        const changed: Commitment = { ...c, history: [...c.history, { status, date, evidence, at: ctx.nowIso(), by: ctx.officer() }] };
        const next = { ...letter, commitments: letter.commitments.map((x) => (x.id === commitmentId ? changed : x)), updatedAt: ctx.nowIso() };
        return reader.detail(await saveLetter(ctx, next, 'commitment-status'));
      }),
    'commitments.list': async (q) => ctx.register().commitmentsPage(q, reader.today()),
    'commitments.suggest': async ({ id }) => {
      const letter = await reader.find(id);
      const known = new Set(letter.commitments.map((c) => c.text.trim().toLowerCase()));
      return suggestCommitments(letter.body, { letterDate: letter.letterDate }).filter((s) => !known.has(s.text.trim().toLowerCase()));
    },
    'commitments.tags': async () => ctx.register().letters.commitmentTags(),
  };
}
