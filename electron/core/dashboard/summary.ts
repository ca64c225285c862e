import { isOverdue } from '../commitments/commitment';
import { answeredLetterIds } from '../replies/replyStanding';
import { addCalendarDays, daysBetween } from '../deadlines/calendarMath';
import type { IsoDate } from '../dates/londonDate';
import type { Letter } from '../letters/letterSchema';
import { replyState } from '../replies/replyState';
import type { Reply } from '../replies/replySchema';

export interface DashboardLetter {
  id: string;
  reference: string;
  subject: string;
  recipient: string;
  organisation: string;
  deadlineDate: IsoDate | null;
  /** Days past the deadline (overdue) or until it (due soon). */
  days: number;
}

/** How many letters each of the dashboard's lists holds; the totals say how many there are in all. */
export const DASHBOARD_LIST_LIMIT = 12;

export interface DashboardSummary {
  today: IsoDate;
  /** The longest overdue first (then by id), at most DASHBOARD_LIST_LIMIT of them. */
  repliesOverdue: DashboardLetter[];
  repliesOverdueTotal: number;
  /** The soonest due first (then by id), at most DASHBOARD_LIST_LIMIT of them. */
  repliesDueSoon: DashboardLetter[];
  repliesDueSoonTotal: number;
  commitmentsOverdueByOrganisation: { organisation: string; count: number }[];
  recentReplies: { replyId: string; letterId: string; reference: string; from: string; receivedDate: IsoDate; summary: string }[];
  replyTimes: { organisation: string; medianDays: number; replies: number }[];
}

/** Code-point order, as SQLite compares text: the lists' tie-break, the same in both stores. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The home screen's figures, worked out from letters and replies as they are today: what is overdue, what is
 * due in the next seven days, which organisations owe the most, what came in lately, and how long each
 * organisation takes to reply (from the day a letter was sent to the first reply).
 */
export function dashboardSummary(letters: Iterable<Letter>, replies: Iterable<Reply>, today: IsoDate): DashboardSummary {
  const allReplies = [...replies];
  const repliesByLetter = new Map<string, Reply[]>();
  for (const r of allReplies) repliesByLetter.set(r.letterId, [...(repliesByLetter.get(r.letterId) ?? []), r]);
  const live: Letter[] = [];
  for (const l of letters) if (!l.deletedAt) live.push(l);
  // The same rule as the register's Reply column: a reply to a chaser answers the letter it chased.
  const answered = answeredLetterIds(live, allReplies);
  const row = (l: Letter, days: number): DashboardLetter => ({
    id: l.id,
    reference: l.reference,
    subject: l.subject,
    recipient: l.recipient.fullName,
    organisation: l.recipient.organisation,
    deadlineDate: l.deadlineDate,
    days,
  });

  const overdue: DashboardLetter[] = [];
  const soon: DashboardLetter[] = [];
  const weekAhead = addCalendarDays(today, 7);
  const owed = new Map<string, number>();
  const times = new Map<string, number[]>();
  for (const l of live) {
    const state = replyState(l, answered.has(l.id), today);
    if (state === 'reply-overdue' && l.followsUp === null) overdue.push(row(l, daysBetween(l.deadlineDate!, today)));
    if (state === 'awaiting-reply' && l.deadlineDate && l.deadlineDate <= weekAhead) soon.push(row(l, daysBetween(today, l.deadlineDate)));
    if (l.status === 'sent' || l.status === 'closed') {
      for (const c of l.commitments) {
        if (isOverdue(c, l.deadlineDate, today)) {
          const org = c.organisation || l.recipient.organisation || 'Unknown';
          owed.set(org, (owed.get(org) ?? 0) + 1);
        }
      }
      const first = (repliesByLetter.get(l.id) ?? []).map((r) => r.receivedDate).sort()[0];
      if (first && l.sentDate && l.followsUp === null) {
        const org = l.recipient.organisation || 'Unknown';
        times.set(org, [...(times.get(org) ?? []), Math.max(0, daysBetween(l.sentDate, first))]);
      }
    }
  }
  const letterById = new Map(live.map((l) => [l.id, l]));
  const recent = [...repliesByLetter.values()]
    .flat()
    .filter((r) => letterById.has(r.letterId) && r.receivedDate >= addCalendarDays(today, -14))
    .sort((a, b) => b.receivedDate.localeCompare(a.receivedDate))
    .slice(0, 20)
    .map((r) => ({ replyId: r.id, letterId: r.letterId, reference: letterById.get(r.letterId)!.reference, from: r.from, receivedDate: r.receivedDate, summary: r.summary.slice(0, 200) }));

  return {
    today,
    repliesOverdue: overdue.sort((a, b) => b.days - a.days || byId(a, b)).slice(0, DASHBOARD_LIST_LIMIT),
    repliesOverdueTotal: overdue.length,
    repliesDueSoon: soon.sort((a, b) => a.days - b.days || byId(a, b)).slice(0, DASHBOARD_LIST_LIMIT),
    repliesDueSoonTotal: soon.length,
    commitmentsOverdueByOrganisation: [...owed].map(([organisation, count]) => ({ organisation, count })).sort((a, b) => b.count - a.count || a.organisation.localeCompare(b.organisation)),
    recentReplies: recent,
    replyTimes: [...times]
      .map(([organisation, days]) => ({ organisation, medianDays: median(days), replies: days.length }))
      .sort((a, b) => a.organisation.localeCompare(b.organisation, 'en-GB')),
  };
}
