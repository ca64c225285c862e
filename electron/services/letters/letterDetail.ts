import { londonDate } from '../../core/dates/londonDate';
import { NotFoundError } from '../../core/errors';
import type { Letter } from '../../core/letters/letterSchema';
import type { LetterDetail, ThreadItem } from '../../core/letters/views';
import { chaseOffer, outstandingCommitments } from '../../core/replies/chase';
import { replyState } from '../../core/replies/replyState';
import type { Reply } from '../../core/replies/replySchema';
import type { ServiceContext } from '../context';
import type { DeadlineService } from './deadlines';
import { letterDocumentFor } from './letterDocument';

/** Reading a letter with everything around it: its thread, replies, deadline steps and whether to chase. */
export function letterReader(ctx: ServiceContext, deadlines: DeadlineService) {
  const find = (id: string): Letter => {
    const l = ctx.store().get<Letter>('letters', id);
    if (!l) throw new NotFoundError('That letter');
    return l;
  };
  const threadLetters = (threadId: string) => ctx.store().all<Letter>('letters').filter((l) => l.threadId === threadId && !l.deletedAt);
  const repliesTo = (letterIds: ReadonlySet<string>) => ctx.store().all<Reply>('replies').filter((r) => letterIds.has(r.letterId));
  const today = () => londonDate(ctx.clock.now());

  const threadOf = (letter: Letter) => {
    const letters = threadLetters(letter.threadId);
    const replies = repliesTo(new Set(letters.map((l) => l.id)));
    const items: ThreadItem[] = [
      ...letters.map((l) => ({ kind: 'letter' as const, id: l.id, date: l.sentDate ?? l.letterDate, reference: l.reference, subject: l.subject, status: l.status, followUpKind: l.followUpKind })),
      ...replies.map((r) => ({ kind: 'reply' as const, id: r.id, letterId: r.letterId, date: r.receivedDate, from: r.from, theirReference: r.theirReference, summary: r.summary })),
    ];
    // Same day: the letter before the reply to it, letters in the order they were written.
    items.sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === 'letter' ? -1 : 1));
    return { letters, replies, items };
  };

  const followUpOf = (letter: Letter) => {
    const original = letter.followsUp ? ctx.store().get<Letter>('letters', letter.followsUp) : undefined;
    if (!original) return null;
    return {
      original: { reference: original.reference, letterDate: original.sentDate ?? original.letterDate, subject: original.subject },
      outstandingCommitments: outstandingCommitments(original.commitments).map((c) => c.text),
    };
  };
  const documentOf = (letter: Letter) => letterDocumentFor(ctx, letter, followUpOf(letter) ?? undefined);

  const detail = (letter: Letter, notes: string[] = []): LetterDetail => {
    const thread = threadOf(letter);
    const answered = letter.followsUp === null ? thread.replies.length > 0 : thread.replies.some((r) => r.letterId === letter.id);
    return {
      letter,
      document: documentOf(letter),
      notes,
      deadlineSteps: deadlines.steps(letter),
      reply: { state: replyState(letter, answered, today()), chase: chaseOffer(letter, thread.letters, answered, today()) },
      replies: thread.replies.filter((r) => r.letterId === letter.id || letter.followsUp === null),
      thread: thread.items,
      followUp: followUpOf(letter),
      today: today(),
    };
  };

  return { find, detail, threadOf, today, documentOf };
}
export type LetterReader = ReturnType<typeof letterReader>;
