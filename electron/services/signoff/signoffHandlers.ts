import { UserError } from '../../core/errors';
import { londonDate } from '../../core/dates/londonDate';
import { checkSend, SignoffError, withoutSignoff, withSignoff } from '../../core/signoff/signoff';
import { passReadiness, readinessReport, withReadinessOverride } from '../../core/readiness/gate';
import type { Handlers } from '../../ipc/contract';
import { saveLetter } from '../addressBook/saveRecord';
import type { LetterDeps } from '../letters/letterHandlers';

/**
 * Recording signatures and refusals, and sending: the moment the reply clock starts. The pre-send check
 * lives here too, as sending is what it guards most.
 */
export function signoffHandlers(deps: LetterDeps): Pick<Handlers, 'signoff.record' | 'letters.markSent' | 'letters.check'> {
  const { ctx, reader, deadlines, lock } = deps;
  const guard = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof SignoffError) throw new UserError(err.message);
      throw err;
    }
  };
  return {
    'letters.check': async ({ id, action }) => {
      const letter = await reader.find(id);
      return readinessReport(letter, await reader.documentOf(letter), action);
    },
    'signoff.record': ({ letterId, signatoryId, entry }) =>
      lock(async () => {
        const letter = await reader.find(letterId);
        if (letter.status === 'sent' || letter.status === 'closed') throw new UserError('This letter has been sent; its sign-off can no longer change.');
        if (letter.deletedAt) throw new UserError('This letter is in the bin. Restore it first.');
        if (entry.state === 'signed' && entry.date > reader.today()) throw new UserError('A signature cannot be dated in the future.', { date: 'That date is in the future.' });
        const stamp = { at: ctx.nowIso(), by: ctx.officer() };
        const next = guard(() =>
          entry.state === 'awaiting'
            ? withoutSignoff(letter, signatoryId)
            : withSignoff(letter, entry.state === 'signed' ? { signatoryId, state: 'signed', date: entry.date, method: entry.method, ...stamp } : { signatoryId, state: 'declined', comment: entry.comment, ...stamp }),
        );
        // Collecting signatures means the letter is out for signature.
        const status = letter.status === 'draft' && entry.state !== 'awaiting' ? 'awaiting-signature' : letter.status;
        return reader.detail(await saveLetter(ctx, { ...next, status, updatedAt: stamp.at }, 'sign-off', entry.state === 'declined' ? entry.comment : null));
      }),
    'letters.markSent': ({ id, date, method, overrideReason }) =>
      lock(async () => {
        const letter = await reader.find(id);
        if (letter.deletedAt) throw new UserError('This letter is in the bin.');
        if (letter.status === 'sent' || letter.status === 'closed') throw new UserError('This letter has already been sent.');
        if (date > londonDate(ctx.clock.now())) throw new UserError('A letter cannot be marked as sent on a date still to come.', { date: 'That date is in the future.' });
        if (date < letter.letterDate) throw new UserError('A letter cannot be sent before its own date.', { date: 'Before the letter’s date.' });
        const stamp = { at: ctx.nowIso(), by: ctx.officer() };
        // One reason answers the whole list the officer was shown, unfinished sign-off included.
        const passed = passReadiness(readinessReport(letter, await reader.documentOf(letter), 'mark-sent'), overrideReason, stamp);
        const { override } = guard(() => checkSend(letter, overrideReason ?? null));
        const dated = deadlines.apply({ ...letter, sentDate: date });
        const sent = deadlines.apply({
          ...withReadinessOverride(letter, passed),
          status: 'sent' as const,
          sentDate: date,
          sendRecord: { method, override, ...stamp },
          // The text is now on the record: freeze what its placeholders and letterhead said on the day.
          sentSnapshot: await reader.snapshotOf(dated),
          updatedAt: ctx.nowIso(),
        });
        return reader.detail(await saveLetter(ctx, sent, 'send', overrideReason ?? null));
      }),
  };
}
