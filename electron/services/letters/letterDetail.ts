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
import { OFFICE_DOC } from '../../store/sql';

/** Reading a letter with everything around it: its thread, replies, deadline steps and whether to chase. */
export function letterReader(ctx: ServiceContext, deadlines: DeadlineService) {
  const find = async (id: string): Promise<Letter> => {
    const l = await ctx.register().letters.getLetter(id);
    if (!l) throw new NotFoundError('That letter');
    return l;
  };
  const today = () => londonDate(ctx.clock.now());

  const threadOf = async (letter: Letter) => {
    const letters = await ctx.register().letters.thread(letter.threadId);
    const replies: Reply[] = await ctx.register().replies.toLetters(letters.map((l) => l.id));
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

  const followUpOf = async (letter: Letter) => {
    const original = letter.followsUp ? await ctx.register().letters.getLetter(letter.followsUp) : undefined;
    if (!original) return null;
    return {
      original: { reference: original.reference, letterDate: original.sentDate ?? original.letterDate, subject: original.subject },
      outstandingCommitments: outstandingCommitments(original.commitments).map((c) => c.text),
    };
  };
  const sent = (l: Letter) => l.status === 'sent' || l.status === 'closed';
  const documentOf = async (letter: Letter) =>
    letterDocumentFor(ctx, letter, { ...(await followUpOf(letter)), ...(sent(letter) && letter.sentSnapshot && { frozen: letter.sentSnapshot as SentSnapshot }) });
  /** The values to freeze when a letter is sent (or amended after): as the document would show them now. */
  const snapshotOf = async (letter: Letter) => snapshotForSending(letter, { office: ctx.register().docs.get(OFFICE_DOC), signatureImages: new Map(), ...(await followUpOf(letter)) });

  const detail = async (letter: Letter, notes: string[] = []): Promise<LetterDetail> => {
    const thread = await threadOf(letter);
    const answered = letter.followsUp === null ? thread.replies.length > 0 : thread.replies.some((r) => r.letterId === letter.id);
    const followUp = await followUpOf(letter);
    return {
      letter,
      document: await documentOf(letter),
      notes,
      deadlineSteps: deadlines.steps(letter),
      reply: { state: replyState(letter, answered, today()), chase: chaseOffer(letter, thread.letters, answered, today()) },
      replies: thread.replies.filter((r) => r.letterId === letter.id || letter.followsUp === null),
      thread: thread.items,
      threadCommitments: thread.letters.flatMap((l) => l.commitments.map((commitment) => ({ letterId: l.id, reference: l.reference, commitment }))),
      followUp,
      today: today(),
    };
  };

  return { find, detail, threadOf, today, documentOf, snapshotOf };
}
export type LetterReader = ReturnType<typeof letterReader>;
