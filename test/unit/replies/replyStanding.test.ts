import { describe, expect, it } from 'vitest';
import { answeredLetterIds, chasedLetterIds, replyStanding, standingContext } from '../../../electron/core/replies/replyStanding';

const letter = (id: string, over: Partial<{ status: 'draft' | 'awaiting-signature' | 'sent' | 'closed'; deadlineDate: string | null; followsUp: string | null; followUpKind: 'chaser' | 'other' | null; threadId: string }> = {}) => ({
  id,
  status: 'sent' as const,
  deadlineDate: '2022-03-31' as string | null,
  followsUp: null as string | null,
  followUpKind: null as 'chaser' | 'other' | null,
  threadId: id,
  deletedAt: null,
  ...over,
});

describe('reply standing', () => {
  const none = { answered: new Set<string>(), chased: new Set<string>() };
  const at = (c: { answered: Set<string>; chased: Set<string>; today: string }) => standingContext(c.answered, c.chased, c.today);
  it.each([
    ['2022-03-17', 'awaiting'],
    ['2022-03-24', 'due-soon'],
    ['2022-03-31', 'due-soon'],
    ['2022-04-01', 'overdue'],
  ])('on %s a letter due on 31 March 2022 is %s', (today, expected) => {
    expect(replyStanding(letter('a'), at({ ...none, today }))).toBe(expected);
  });
  it('a letter not sent awaits nothing; one with no deadline is awaiting; a closed one without a reply is closed', () => {
    expect(replyStanding(letter('a', { status: 'draft' }), at({ ...none, today: '2022-05-01' }))).toBe('not-sent');
    expect(replyStanding(letter('a', { deadlineDate: null }), at({ ...none, today: '2022-05-01' }))).toBe('awaiting');
    expect(replyStanding(letter('a', { status: 'closed' }), at({ ...none, today: '2022-05-01' }))).toBe('closed');
  });
  it('replied wins over chased, and chased over overdue', () => {
    const today = '2022-05-01';
    expect(replyStanding(letter('a'), at({ answered: new Set(['a']), chased: new Set(['a']), today }))).toBe('replied');
    expect(replyStanding(letter('a'), at({ answered: new Set(), chased: new Set(['a']), today }))).toBe('chased');
  });
  it('a reply to the chaser answers the first letter of the thread; only a sent chaser chases', () => {
    const first = letter('a');
    const chaser = letter('b', { followsUp: 'a', followUpKind: 'chaser', threadId: 'a' });
    const draftChaser = letter('c', { followsUp: 'x', followUpKind: 'chaser', threadId: 'x', status: 'draft' });
    expect([...answeredLetterIds([first, chaser], [{ letterId: 'b' }])].sort()).toEqual(['a', 'b']);
    expect([...chasedLetterIds([first, chaser, draftChaser])]).toEqual(['a']);
  });
});
