import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/clock';
import { startApp } from './helpers';

const apps: Awaited<ReturnType<typeof startApp>>[] = [];
const start = async (now = '2022-03-17T10:00:00Z', dir?: string) => {
  const app = await startApp(dir, fixedClock(now));
  apps.push(app);
  return app;
};
afterEach(async () => {
  for (const a of apps.splice(0)) await a.services.close();
});

/** A sent letter to the MPS asking for four things within 14 calendar days of 17 March 2022. */
async function sentLetter(app: Awaited<ReturnType<typeof start>>) {
  await app.must('settings.saveOffice', { officeName: 'Office of the Mayor of Hackney', addressLines: ['Hackney Town Hall'], email: 'mayor@hackney.gov.uk', telephone: '020 8356 3000', referencePrefix: 'MCO' });
  const mps = await app.must('organisations.create', { name: 'Metropolitan Police Service', shortName: 'MPS' });
  const taylor = await app.must('contacts.create', { honorific: 'DAC', givenName: 'Jane', familyName: 'Taylor', organisationId: mps.id });
  const { letter } = await app.must('letters.create', { contactId: taylor.id });
  const asks = ['A written action plan', 'A meeting', 'An assurance on deployment', 'Quarterly data'];
  const drafted = await app.must('letters.update', {
    id: letter.id,
    content: { ...letter, subject: 'Safeguarding review', deadlineRule: { kind: 'calendar', days: 14 }, commitments: asks.map((text, i) => ({ id: `c${i}`, text })) },
  });
  expect(drafted.letter.deadlineDate).toBe('2022-03-31');
  return (await app.must('letters.markSent', { id: letter.id, date: '2022-03-17', method: 'email', overrideReason: 'Only the tracking is under test here' })).letter;
}

describe('deadlines', () => {
  it('count from the day the letter is sent, with the bank holidays of the chosen region', async () => {
    const app = await start('2022-04-08T10:00:00Z');
    const { letter } = await app.must('letters.create', { letterDate: '2022-04-01' });
    const d = await app.must('letters.update', { id: letter.id, content: { ...letter, deadlineRule: { kind: 'working', days: 10 } } });
    // From 1 April: skips two weekends, Good Friday and Easter Monday.
    expect(d.letter.deadlineDate).toBe('2022-04-19');
    const sent = await app.must('letters.markSent', { id: letter.id, date: '2022-04-08', method: 'post', overrideReason: 'Only the tracking is under test here' });
    // Sent on Friday 8 April: 10 working days skipping a weekend, Good Friday 15 April and Easter Monday 18 April.
    expect(sent.letter.deadlineDate).toBe('2022-04-26');
    expect(sent.deadlineSteps.at(-1)?.explanation).toMatch(/Good Friday/);
  });

  it('extend and override with a reason, each kept in the history and flowing through', async () => {
    const app = await start();
    const letter = await sentLetter(app);
    const extended = await app.must('letters.changeDeadline', { id: letter.id, change: { kind: 'extension', days: 5, dayKind: 'working', reason: 'The DAC asked for more time' } });
    expect(extended.letter.deadlineDate).toBe('2022-04-07');
    expect(extended.letter.deadlineEvents).toMatchObject([{ kind: 'extension', reason: 'The DAC asked for more time', by: 'test.officer' }]);
    expect(extended.deadlineSteps).toHaveLength(2);
    const overridden = await app.must('letters.changeDeadline', { id: letter.id, change: { kind: 'override', date: '2022-04-29', reason: 'Agreed at the meeting' } });
    expect(overridden.letter.deadlineDate).toBe('2022-04-29');
    expect(await app.call('letters.changeDeadline', { id: letter.id, change: { kind: 'override', date: '2022-04-29', reason: '  ' } })).toMatchObject({ ok: false });
  });

  it('a holiday added in settings recomputes open deadlines and says which moved', async () => {
    const app = await start();
    const letter = await sentLetter(app);
    const { preferences } = await app.must('settings.getPreferences', {});
    const saved = await app.must('settings.savePreferences', { ...preferences, deadlines: { ...preferences.deadlines, added: [{ date: '2022-03-31', name: 'Borough day of mourning' }] } });
    expect(saved.changed).toEqual([{ id: letter.id, reference: letter.reference, before: '2022-03-31', after: '2022-04-01' }]);
    const back = await app.must('settings.savePreferences', preferences);
    expect(back.changed.map((c) => c.after)).toEqual(['2022-03-31']);
  });
});

describe('replies, commitments and chasers', () => {
  it('a reply agrees two, declines one, leaves one open; statuses, evidence and overdue follow', async () => {
    const app = await start();
    const letter = await sentLetter(app);
    app.clock.set('2022-04-05T10:00:00Z');
    const before = await app.must('letters.get', { id: letter.id });
    expect(before.reply.state).toBe('reply-overdue');
    expect(before.reply.chase.offer).toBe(true);
    const detail = await app.must('replies.create', {
      letterId: letter.id,
      receivedDate: '2022-04-05',
      from: 'DAC Jane Taylor',
      summary: 'Agrees to a plan and a meeting; declines the assurance.',
      answers: [
        { commitmentId: 'c0', status: 'agreed' },
        { commitmentId: 'c1', status: 'agreed' },
        { commitmentId: 'c2', status: 'declined' },
      ],
    });
    expect(detail.reply.state).toBe('replied');
    const { rows } = await app.must('commitments.list', {});
    // Agreed but not yet delivered, and past the date asked for, is still overdue; declined is closed.
    expect(rows.map((r) => [r.text, r.status, r.overdue])).toEqual([
      ['A written action plan', 'agreed', true],
      ['A meeting', 'agreed', true],
      ['Quarterly data', 'requested', true],
      ['An assurance on deployment', 'declined', false],
    ]);
    expect(rows[0]?.evidence).toEqual({ kind: 'reply', replyId: detail.replies[0]?.id });
    expect((await app.must('commitments.list', { statuses: ['declined'] })).rows.map((r) => r.text)).toEqual(['An assurance on deployment']);
    const dash = await app.must('dashboard.summary', {});
    expect(dash.repliesOverdue).toEqual([]);
    expect(dash.replyTimes).toEqual([{ organisation: 'Metropolitan Police Service', medianDays: 19, replies: 1 }]);
    expect(dash.commitmentsOverdueByOrganisation).toEqual([{ organisation: 'Metropolitan Police Service', count: 3 }]);
  });

  it('a reply cannot be recorded for a draft, before the letter was sent, or against another letter’s commitment', async () => {
    const app = await start();
    const letter = await sentLetter(app);
    const draft = (await app.must('letters.create', {})).letter;
    app.clock.set('2022-03-20T10:00:00Z');
    expect(await app.call('replies.create', { letterId: draft.id, receivedDate: '2022-03-18', from: 'x' })).toMatchObject({ ok: false });
    expect(await app.call('replies.create', { letterId: letter.id, receivedDate: '2022-03-10', from: 'x' })).toMatchObject({ ok: false });
    expect(await app.call('replies.create', { letterId: letter.id, receivedDate: '2022-03-18', from: 'x', answers: [{ commitmentId: 'nope', status: 'agreed' }] })).toMatchObject({ ok: false });
  });

  it('a chaser lists what is outstanding, joins the thread, and is not offered again until its own deadline passes', async () => {
    const app = await start();
    const letter = await sentLetter(app);
    expect((await app.must('letters.get', { id: letter.id })).reply.chase.offer).toBe(false);
    expect(await app.call('letters.createChaser', { id: letter.id })).toMatchObject({ ok: false });
    app.clock.set('2022-04-05T10:00:00Z');
    await app.must('commitments.setStatus', { letterId: letter.id, commitmentId: 'c1', status: 'agreed', date: '2022-04-01', evidence: { kind: 'note', text: 'Agreed by phone' } });
    const chaser = await app.must('letters.createChaser', { id: letter.id });
    expect(chaser.letter).toMatchObject({ followsUp: letter.id, followUpKind: 'chaser', threadId: letter.threadId, reference: 'MCO220405-01' });
    const body = chaser.document.body.map((b) => JSON.stringify(b)).join(' ');
    expect(body).toContain(letter.reference);
    expect(body).toContain('17 March 2022');
    expect(body).toContain('A written action plan');
    expect(body).not.toContain('A meeting');
    expect(chaser.document.unresolved).toEqual([]);

    const whileDrafting = await app.must('letters.get', { id: letter.id });
    expect(whileDrafting.reply.chase).toEqual({ offer: false, reason: `A chaser (${chaser.letter.reference}) is being prepared.` });
    const sentChaser = await app.must('letters.markSent', { id: chaser.letter.id, date: '2022-04-05', method: 'email', overrideReason: 'Only the tracking is under test here' });
    expect(sentChaser.letter.deadlineDate).toBe('2022-04-21');
    expect((await app.must('letters.get', { id: letter.id })).reply.chase.offer).toBe(false);
    app.clock.set('2022-04-22T10:00:00Z');
    expect((await app.must('letters.get', { id: letter.id })).reply.chase.offer).toBe(true);

    await app.must('replies.create', { letterId: chaser.letter.id, receivedDate: '2022-04-22', from: 'DAC Jane Taylor' });
    const thread = (await app.must('letters.get', { id: letter.id })).thread;
    expect(thread.map((t) => (t.kind === 'letter' ? t.followUpKind ?? 'letter' : 'reply'))).toEqual(['letter', 'chaser', 'reply']);
    expect((await app.must('letters.get', { id: letter.id })).reply.state).toBe('replied');
  });

  it('attaches a file with its checksum and refuses to open it if it changed on disk', async () => {
    const app = await start();
    const letter = await sentLetter(app);
    app.clock.set('2022-03-20T10:00:00Z');
    const detail = await app.must('replies.create', { letterId: letter.id, receivedDate: '2022-03-20', from: 'DAC Jane Taylor' });
    const replyId = detail.replies[0]!.id;
    const folder = await mkdtemp(join(tmpdir(), 'desk-attach-'));
    const file = join(folder, 'Reply from the DAC.pdf');
    await writeFile(file, '%PDF-1.4 a reply');
    app.platform.dialogFiles = [file];
    const reply = await app.must('replies.attachFiles', { id: replyId });
    expect(reply.attachments).toMatchObject([{ name: 'Reply from the DAC.pdf', size: 16, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    await writeFile(file, 'changed later: the stored copy is not affected');
    await app.must('replies.openAttachment', { replyId, attachmentId: reply.attachments[0]!.id });
    expect(app.platform.openedPaths).toHaveLength(1);
    await writeFile(app.platform.openedPaths[0]!, 'tampered');
    expect(await app.call('replies.openAttachment', { replyId, attachmentId: reply.attachments[0]!.id })).toMatchObject({ ok: false, error: expect.stringContaining('changed on disk') });

    // A program sent as an attachment is never run: it is shown in its folder instead.
    const program = join(folder, 'invoice\u202Efdp.exe');
    await writeFile(program, 'MZ not really a program');
    app.platform.dialogFiles = [program];
    const withProgram = await app.must('replies.attachFiles', { id: replyId });
    await app.must('replies.openAttachment', { replyId, attachmentId: withProgram.attachments[1]!.id });
    expect(app.platform.openedPaths).toHaveLength(1);
    expect(app.platform.shownInFolder).toHaveLength(1);
  });

  it('refuses replies dated in the future and changes to letters in the bin', async () => {
    const app = await start();
    const letter = await sentLetter(app);
    expect(await app.call('replies.create', { letterId: letter.id, receivedDate: '2022-03-20', from: 'x' })).toMatchObject({ ok: false, error: expect.stringContaining('still to come') });
    expect(await app.call('commitments.setStatus', { letterId: letter.id, commitmentId: 'c0', status: 'agreed', date: '2022-04-01' })).toMatchObject({ ok: false });
  });
});

describe('reminders', () => {
  it('notify once for replies newly overdue, not at every start, and not when turned off', async () => {
    const app = await start();
    await sentLetter(app);
    await app.services.runReminders();
    expect(app.platform.notifications).toEqual([]);
    app.clock.set('2022-03-30T08:00:00Z');
    await app.services.runReminders();
    expect(app.platform.notifications.map((n) => n.body)).toEqual(['Due tomorrow: MCO220317-01 (reply).']);
    app.clock.set('2022-04-01T08:00:00Z');
    await app.services.runReminders();
    await app.services.runReminders();
    expect(app.platform.notifications.map((n) => n.body)).toEqual(['Due tomorrow: MCO220317-01 (reply).', 'Now overdue: MCO220317-01 (reply).']);
    const { preferences } = await app.must('settings.getPreferences', {});
    await app.must('settings.savePreferences', { ...preferences, reminders: { enabled: false } });
    // Something new falls due while reminders are off: nothing is shown.
    const { letter: second } = await app.must('letters.create', {});
    await app.must('letters.update', { id: second.id, content: { ...second, deadlineManualDate: '2022-04-04' } });
    await app.must('letters.markSent', { id: second.id, date: '2022-04-01', method: 'email', overrideReason: 'Only the tracking is under test here' });
    app.clock.set('2022-04-10T08:00:00Z');
    await app.services.runReminders();
    expect(app.platform.notifications).toHaveLength(2);
    // Back on, it is notified, once a day at most.
    await app.must('settings.savePreferences', { ...preferences, reminders: { enabled: true } });
    await app.services.runReminders({ onlyIfNewDay: true });
    expect(app.platform.notifications.at(-1)?.body).toContain('MCO220401-01');
    await app.services.runReminders({ onlyIfNewDay: true });
    expect(app.platform.notifications).toHaveLength(3);
  });
});
