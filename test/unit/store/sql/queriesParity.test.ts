import { beforeAll, describe, expect, it } from 'vitest';
import { queryCommitments } from '../../../../electron/core/commitments/register';
import type { CommitmentQuery } from '../../../../electron/core/commitments/register';
import { DASHBOARD_LIST_LIMIT, dashboardSummary } from '../../../../electron/core/dashboard/summary';
import { addCalendarDays } from '../../../../electron/core/deadlines/calendarMath';
import type { Letter } from '../../../../electron/core/letters/letterSchema';
import type { Reply } from '../../../../electron/core/replies/replySchema';
import { createRegister } from '../../../../electron/store/sql';
import type { Register } from '../../../../electron/store/sql';
import { clock, fixtureLetters, openSuiteRepository, TODAY } from './helpers';

/**
 * The dashboard and the commitments register, asked of SQL, must say what core's functions say over the
 * same letters and replies (they were the app's answers before the register moved to SQLite).
 */
let register: Register;
let letters: Letter[];
let replies: Reply[];
const AT = `${TODAY}T09:00:00.000Z`;

beforeAll(async () => {
  const { store } = await openSuiteRepository();
  register = await createRegister(store, clock);
  letters = fixtureLetters(1200);
  await register.letters.importLetters(letters, { by: 'Test', reason: null });
  // Replies to every fifth sent letter, on days around today, some answering a commitment.
  const sent = letters.filter((l) => l.sentDate && (l.status === 'sent' || l.status === 'closed') && !l.deletedAt);
  replies = sent
    .filter((_, i) => i % 5 === 0)
    .map((l, i): Reply => ({
      id: `reply-${i}`,
      letterId: l.id,
      receivedDate: [TODAY, '2026-01-25', '2025-11-03', l.sentDate!][i % 4]! < l.sentDate! ? l.sentDate! : [TODAY, '2026-01-25', '2025-11-03', l.sentDate!][i % 4]!,
      from: `Office ${i}`,
      theirReference: '',
      summary: `Summary ${i}`,
      answers: l.commitments.slice(0, 1).map((c) => ({ commitmentId: c.id, status: 'agreed' as const, note: '' })),
      attachments: [],
      createdAt: AT,
      updatedAt: AT,
    }));
  await register.write(async (trx) => {
    for (const r of replies) await register.replies.save(trx, r, { by: 'Test', action: 'reply', at: AT });
  });
});

describe('the dashboard from SQL', () => {
  it('says what core says over every letter and reply', async () => {
    const fromSql = await register.dashboard(TODAY);
    const fromCore = dashboardSummary(letters, replies, TODAY);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(fromSql.repliesOverdue.length).toBeGreaterThan(0);
    expect([...fromSql.repliesOverdue].sort(byId)).toEqual([...fromCore.repliesOverdue].sort(byId));
    expect([...fromSql.repliesDueSoon].sort(byId)).toEqual([...fromCore.repliesDueSoon].sort(byId));
    // The lists are the first of each, in the same order (ties by id); the totals count them all.
    expect(fromSql.repliesOverdue).toEqual(fromCore.repliesOverdue);
    expect(fromSql.repliesDueSoon).toEqual(fromCore.repliesDueSoon);
    expect(fromSql.repliesOverdueTotal).toBe(fromCore.repliesOverdueTotal);
    expect(fromSql.repliesDueSoonTotal).toBe(fromCore.repliesDueSoonTotal);
    expect(fromSql.repliesOverdueTotal).toBeGreaterThan(DASHBOARD_LIST_LIMIT);
    expect(fromSql.repliesOverdue).toHaveLength(DASHBOARD_LIST_LIMIT);
    expect(fromSql.commitmentsOverdueByOrganisation).toEqual(fromCore.commitmentsOverdueByOrganisation);
    expect(fromSql.recentReplies.map((r) => r.replyId).sort()).toEqual(fromCore.recentReplies.map((r) => r.replyId).sort());
    expect(fromSql.replyTimes).toEqual(fromCore.replyTimes);
  });

  it('says what core says on other days, the due-soon list among them', async () => {
    // Days when some of the fixture's letters were due within the week (the fixture's today has none).
    const days = [...new Set(letters.filter((l) => l.status === 'sent' && l.deadlineDate).map((l) => addCalendarDays(l.deadlineDate!, -3)))].sort().filter((_, i) => i % 97 === 0);
    let dueSoon = 0;
    for (const day of days) {
      const fromSql = await register.dashboard(day);
      const fromCore = dashboardSummary(letters, replies, day);
      expect(fromSql).toEqual(fromCore);
      dueSoon = Math.max(dueSoon, fromSql.repliesDueSoonTotal);
    }
    expect(days.length).toBeGreaterThan(3);
    expect(dueSoon).toBeGreaterThan(0);
  });
});

describe('the commitments register from SQL', () => {
  const base: CommitmentQuery = { query: '', organisation: null, statuses: [], overdueOnly: false, tag: null };
  const cases: [string, Partial<CommitmentQuery>][] = [
    ['everything', {}],
    ['overdue only', { overdueOnly: true }],
    ['agreed or requested', { statuses: ['agreed', 'requested'] }],
    ['a search', { query: 'plan' }],
  ];
  for (const [name, q] of cases) {
    it(`gives the same commitments as core: ${name}`, async () => {
      const query = { ...base, ...q };
      const fromCore = queryCommitments(letters, query, TODAY);
      const page = await register.commitmentsPage({ ...query, limit: 100_000, offset: 0 }, TODAY);
      expect(page.total).toBe(fromCore.length);
      const key = (r: { letterId: string; commitmentId: string }) => `${r.letterId}/${r.commitmentId}`;
      expect(page.rows.map(key).sort()).toEqual(fromCore.map(key).sort());
      // Overdue first, then by due date: the order the officer reads it in.
      expect(page.rows.map((r) => [r.overdue, r.dueDate ?? '9999'])).toEqual(fromCore.map((r) => [r.overdue, r.dueDate ?? '9999']));
      expect(page.rows.map(key)).toEqual(fromCore.map(key));
      expect(page.rows).toEqual(fromCore);
    });
  }

  it('pages without skipping or repeating a row', async () => {
    const all = (await register.commitmentsPage({ ...base, limit: 100_000, offset: 0 }, TODAY)).rows.map((r) => r.id + r.letterId);
    const paged: string[] = [];
    for (let offset = 0; offset < all.length; offset += 77) paged.push(...(await register.commitmentsPage({ ...base, limit: 77, offset }, TODAY)).rows.map((r) => r.id + r.letterId));
    expect(paged).toEqual(all);
    const overdue = (await register.commitmentsPage({ ...base, overdueOnly: true, limit: 100_000, offset: 0 }, TODAY)).rows.map((r) => r.id + r.letterId);
    expect(overdue.length).toBeGreaterThan(77);
    const overduePaged: string[] = [];
    for (let offset = 0; offset < overdue.length + 77; offset += 77) overduePaged.push(...(await register.commitmentsPage({ ...base, overdueOnly: true, limit: 77, offset }, TODAY)).rows.map((r) => r.id + r.letterId));
    expect(overduePaged).toEqual(overdue);
  });

  it('filters by organisation and tag as core does', async () => {
    const org = queryCommitments(letters, base, TODAY)[0]!.organisation;
    const tag = letters.flatMap((l) => l.commitments.flatMap((c) => c.tags))[0];
    for (const q of [{ ...base, organisation: org }, ...(tag ? [{ ...base, tag }] : [])]) {
      const fromCore = queryCommitments(letters, q, TODAY);
      const page = await register.commitmentsPage({ ...q, limit: 100_000, offset: 0 }, TODAY);
      expect(page.rows.map((r) => r.id).sort()).toEqual(fromCore.map((r) => r.id).sort());
    }
  });
});
