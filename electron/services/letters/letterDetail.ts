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
import { snapshotForSending, type SentSnapshot } from '../../core/letters/documentModel';
import type { OfficeProfile } from '../../core/addressBook/schemas';

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
    const created = new Map<string, string>([...letters.map((l) => [l.id, l.createdAt] as const), ...replies.map((r) => [r.id, r.createdAt] as const)]);
    // Same day: the letter before the reply to it, then in the order they were recorded.
    items.sort(
      (a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === 'letter' ? -1 : 1) || (created.get(a.id) ?? '').localeCompare(created.get(b.id) ?? ''),
    );
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
  const sent = (l: Letter) => l.status === 'sent' || l.status === 'closed';
  const documentOf = (letter: Letter) => letterDocumentFor(ctx, letter, { ...followUpOf(letter), ...(sent(letter) && letter.sentSnapshot && { frozen: letter.sentSnapshot as SentSnapshot }) });
  /** The values to freeze when a letter is sent (or amended after): as the document would show them now. */
  const snapshotOf = (letter: Letter) => snapshotForSending(letter, { office: ctx.store().getDoc<OfficeProfile>('office'), signatureImages: new Map(), ...followUpOf(letter) });

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
      threadCommitments: thread.letters.flatMap((l) => l.commitments.map((commitment) => ({ letterId: l.id, reference: l.reference, commitment }))),
      followUp: followUpOf(letter),
      today: today(),
    };
  };

  return { find, detail, threadOf, today, documentOf, snapshotOf };
}
export type LetterReader = ReturnType<typeof letterReader>;
