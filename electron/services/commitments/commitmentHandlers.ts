import type { Commitment } from '../../core/commitments/commitment';
import { queryCommitments } from '../../core/commitments/register';
import { suggestCommitments } from '../../core/commitments/suggest';
import { NotFoundError, UserError } from '../../core/errors';
import type { Letter } from '../../core/letters/letterSchema';
import type { Reply } from '../../core/replies/replySchema';
import type { Handlers } from '../../ipc/contract';
import { saveRecord } from '../addressBook/saveRecord';
import type { LetterDeps } from '../letters/letterHandlers';

/** Commitment statuses with evidence, the register across letters, and suggestions read from a body. */
export function commitmentHandlers(deps: LetterDeps): Pick<Handlers, 'commitments.setStatus' | 'commitments.list' | 'commitments.suggest' | 'commitments.tags'> {
  const { ctx, reader, lock } = deps;
  return {
    'commitments.setStatus': ({ letterId, commitmentId, status, date, evidence }) =>
      lock(async () => {
        const letter = reader.find(letterId);
        const c = letter.commitments.find((x) => x.id === commitmentId);
        if (!c) throw new NotFoundError('That commitment');
        if (letter.deletedAt) throw new UserError('This letter is in the bin. Restore it first.');
        if (date > reader.today()) throw new UserError('A status cannot change on a date still to come.', { date: 'That date is in the future.' });
        if (evidence?.kind === 'reply' && !ctx.store().get<Reply>('replies', evidence.replyId)) throw new UserError('That reply could not be found.');
        if (date < (letter.sentDate ?? letter.letterDate)) throw new UserError('A commitment cannot change before the letter asking for it was sent.', { date: 'Before the letter was sent.' });
        const changed: Commitment = { ...c, history: [...c.history, { status, date, evidence, at: ctx.nowIso(), by: ctx.platform.userName() }] };
        const next = { ...letter, commitments: letter.commitments.map((x) => (x.id === commitmentId ? changed : x)), updatedAt: ctx.nowIso() };
        return reader.detail(await saveRecord(ctx, 'letters', next));
      }),
    'commitments.list': async (q) => queryCommitments(ctx.store().all<Letter>('letters'), q, reader.today()),
    'commitments.suggest': async ({ id }) => {
      const letter = reader.find(id);
      const known = new Set(letter.commitments.map((c) => c.text.trim().toLowerCase()));
      return suggestCommitments(letter.body, { letterDate: letter.letterDate }).filter((s) => !known.has(s.text.trim().toLowerCase()));
    },
    'commitments.tags': async () => [...new Set(ctx.store().all<Letter>('letters').flatMap((l) => l.commitments.flatMap((c) => c.tags)))].sort(),
  };
}
