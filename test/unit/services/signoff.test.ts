import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/clock';
import { checkSend, readyToSend, signoffStates, signoffSummary, SignoffError, withSignoff } from '../../../electron/core/signoff/signoff';
import { startApp } from './helpers';

const at = '2022-03-17T10:00:00.000Z';
const four = {
  signatories: [
    { signatoryId: 's1', name: 'Philip Glanville' },
    { signatoryId: 's2', name: 'Anntoinette Bramble' },
    { signatoryId: 's3', name: 'Susan Fajana-Thomas' },
    { signatoryId: 's4', name: 'Mark Carroll' },
  ],
  signoffs: [],
};

describe('the sign-off state machine', () => {
  it('starts with everyone awaiting, and is ready only when all four have signed', () => {
    let letter = four;
    expect(signoffStates(letter).map((s) => s.state)).toEqual(['awaiting', 'awaiting', 'awaiting', 'awaiting']);
    for (const [i, id] of ['s1', 's2', 's3'].entries()) {
      letter = withSignoff(letter, { signatoryId: id, state: 'signed', date: '2022-03-18', method: i === 1 ? 'email' : 'paper', at, by: 'officer' });
      expect(readyToSend(letter)).toBe(false);
    }
    expect(signoffSummary(letter)).toBe('3 of 4 signed');
    letter = withSignoff(letter, { signatoryId: 's4', state: 'signed', date: '2022-03-18', method: 'paper', at, by: 'officer' });
    expect(readyToSend(letter)).toBe(true);
    expect(checkSend(letter, null)).toEqual({ override: null });
  });

  it('refuses to send before all have signed, unless a reason is given, which names who had not signed', () => {
    let letter = withSignoff(four, { signatoryId: 's1', state: 'signed', date: '2022-03-18', method: 'paper', at, by: 'x' });
    letter = withSignoff(letter, { signatoryId: 's2', state: 'declined', comment: 'Wants the second paragraph softened', at, by: 'x' });
    expect(signoffSummary(letter)).toBe('1 of 4 signed, 1 declined');
    expect(() => checkSend(letter, null)).toThrow(SignoffError);
    expect(() => checkSend(letter, '   ')).toThrow(/Anntoinette Bramble, Susan Fajana-Thomas, Mark Carroll/);
    expect(checkSend(letter, 'The Mayor approved sending at the briefing')).toEqual({
      override: { reason: 'The Mayor approved sending at the briefing', unsigned: ['Anntoinette Bramble', 'Susan Fajana-Thomas', 'Mark Carroll'] },
    });
  });

  it('a later entry replaces an earlier one, and only signatories of the letter can sign', () => {
    let letter = withSignoff(four, { signatoryId: 's2', state: 'declined', comment: 'No', at, by: 'x' });
    letter = withSignoff(letter, { signatoryId: 's2', state: 'signed', date: '2022-03-19', method: 'email', at, by: 'x' });
    expect(signoffStates(letter)[1]?.state).toBe('signed');
    expect(letter.signoffs).toHaveLength(1);
    expect(() => withSignoff(letter, { signatoryId: 'stranger', state: 'signed', date: '2022-03-19', method: 'email', at, by: 'x' })).toThrow(SignoffError);
  });
});

describe('sign-off and sending through the services', () => {
  const apps: Awaited<ReturnType<typeof startApp>>[] = [];
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.services.close();
  });

  it('records signatures, blocks sending until all have signed or a reason is given, and starts the deadline from the day sent', async () => {
    const app = await startApp(undefined, fixedClock('2022-03-21T10:00:00Z'));
    apps.push(app);
    const ids: string[] = [];
    for (const name of ['Philip Glanville', 'Anntoinette Bramble']) ids.push((await app.must('signatories.create', { name, titleLines: ['Mayor of Hackney'] })).id);
    const { letter } = await app.must('letters.create', { letterDate: '2022-03-17' });
    const drafted = await app.must('letters.update', {
      id: letter.id,
      content: {
        ...letter,
        recipient: { ...letter.recipient, fullName: 'DAC Jane Taylor', organisation: 'Metropolitan Police Service' },
        subject: 'Safeguarding review',
        body: [{ type: 'paragraph', runs: [{ text: 'We ask for a written action plan.' }] }],
        deadlineRule: { kind: 'calendar', days: 14 },
        signatories: ids.map((id, i) => ({ signatoryId: id, name: ['Philip Glanville', 'Anntoinette Bramble'][i]!, titleLines: ['Mayor of Hackney'] })),
      },
    });
    expect(drafted.letter.deadlineDate).toBe('2022-03-31');
    const one = await app.must('signoff.record', { letterId: letter.id, signatoryId: ids[0]!, entry: { state: 'signed', date: '2022-03-18', method: 'paper' } });
    expect(one.letter.status).toBe('awaiting-signature');
    expect(await app.call('letters.markSent', { id: letter.id, date: '2022-03-21', method: 'email' })).toMatchObject({ ok: false, error: expect.stringContaining('Anntoinette Bramble') });
    expect(await app.call('letters.setStatus', { id: letter.id, status: 'sent' })).toMatchObject({ ok: false });
    await app.must('signoff.record', { letterId: letter.id, signatoryId: ids[1]!, entry: { state: 'signed', date: '2022-03-21', method: 'email' } });
    expect(await app.call('letters.markSent', { id: letter.id, date: '2022-03-25', method: 'email' })).toMatchObject({ ok: false, error: expect.stringContaining('date still to come') });
    const sent = await app.must('letters.markSent', { id: letter.id, date: '2022-03-21', method: 'post' });
    expect(sent.letter).toMatchObject({ status: 'sent', sentDate: '2022-03-21', sendRecord: { method: 'post', override: null }, deadlineDate: '2022-04-04' });
    expect(await app.call('signoff.record', { letterId: letter.id, signatoryId: ids[0]!, entry: { state: 'awaiting' } })).toMatchObject({ ok: false });
  });

  it('sends with an override reason, recorded with who had not signed', async () => {
    const app = await startApp(undefined, fixedClock('2022-03-21T10:00:00Z'));
    apps.push(app);
    const s = await app.must('signatories.create', { name: 'Philip Glanville', titleLines: ['Mayor of Hackney'] });
    const { letter } = await app.must('letters.create', {});
    await app.must('letters.update', { id: letter.id, content: { ...letter, signatories: [{ signatoryId: s.id, name: s.name, titleLines: s.titleLines }] } });
    const sent = await app.must('letters.markSent', { id: letter.id, date: '2022-03-21', method: 'hand', overrideReason: 'Approved by the Mayor by phone; wet signature to follow' });
    expect(sent.letter.sendRecord?.override).toEqual({ reason: 'Approved by the Mayor by phone; wet signature to follow', unsigned: ['Philip Glanville'] });
  });
});
