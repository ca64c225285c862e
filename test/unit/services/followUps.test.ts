import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/clock';
import { startApp } from './helpers';

const apps: Awaited<ReturnType<typeof startApp>>[] = [];
const start = async (now = '2022-03-17T10:00:00Z') => {
  const app = await startApp(undefined, fixedClock(now));
  apps.push(app);
  return app;
};
afterEach(async () => {
  for (const a of apps.splice(0)) await a.services.close();
});
type App = Awaited<ReturnType<typeof start>>;

async function addressBook(app: App) {
  await app.must('settings.saveOffice', { officeName: 'Office of the Mayor of Hackney', addressLines: ['Hackney Town Hall'], email: 'mayor@hackney.gov.uk', telephone: '020 8356 3000', referencePrefix: 'MCO' });
  const mps = await app.must('organisations.create', { name: 'Metropolitan Police Service', shortName: 'MPS' });
  const taylor = await app.must('contacts.create', { honorific: 'DAC', givenName: 'Jane', familyName: 'Taylor', organisationId: mps.id });
  const mayor = await app.must('signatories.create', { name: 'Philip Glanville', titleLines: ['Mayor of Hackney'] });
  return { mps, taylor, mayor };
}

/** A complete letter to DAC Taylor, sent on 17 March 2022 with a 14-day deadline and two commitments. */
async function sentLetter(app: App) {
  const { taylor, mayor } = await addressBook(app);
  const { letter } = await app.must('letters.create', { contactId: taylor.id });
  await app.must('letters.update', {
    id: letter.id,
    content: {
      ...letter,
      subject: 'Safeguarding review',
      body: [{ type: 'paragraph', runs: [{ text: 'We ask for an action plan and a meeting.' }] }],
      signatories: [{ signatoryId: mayor.id, name: mayor.name, titleLines: mayor.titleLines }],
      deadlineRule: { kind: 'calendar', days: 14 },
      commitments: [
        { id: 'c1', text: 'A written action plan' },
        { id: 'c2', text: 'A meeting' },
      ],
    },
  });
  await app.must('signoff.record', { letterId: letter.id, signatoryId: mayor.id, entry: { state: 'signed', date: '2022-03-17', method: 'paper' } });
  return (await app.must('letters.markSent', { id: letter.id, date: '2022-03-17', method: 'email' })).letter;
}

describe('what the template named', () => {
  it('is kept on the letter, so the notes are there whenever it is opened, and honorifics do not stop a match', async () => {
    const app = await start();
    await addressBook(app);
    // The template names "Anntoinette Bramble"; the address book has her as Cllr Anntoinette Bramble.
    await app.must('signatories.create', { honorific: 'Cllr', name: 'Anntoinette Bramble', titleLines: ['Deputy Mayor of Hackney'] });
    const created = await app.must('letters.create', { templateId: 'safeguarding-action-plan' });
    expect(created.letter.signatories.map((s) => s.name)).toEqual(['Philip Glanville', 'Cllr Anntoinette Bramble']);
    expect(created.letter.templateGaps).toEqual({ signatories: [], ccGroup: 'Hackney MPs and London representatives' });
    const reopened = await app.must('letters.get', { id: created.letter.id });
    expect(reopened.letter.templateGaps.ccGroup).toBe('Hackney MPs and London representatives');
  });

  it('records every signatory the address book lacks, and a dismissed note stays dismissed', async () => {
    const app = await start();
    const created = await app.must('letters.create', { templateId: 'iopc-complaints-and-culture' });
    expect(created.letter.templateGaps).toEqual({ signatories: ['Philip Glanville', 'Susan Fajana-Thomas'], ccGroup: 'Living in Hackney Scrutiny Commission' });
    const dismissed = await app.must('letters.update', { id: created.letter.id, content: { ...created.letter, templateGaps: { signatories: ['Susan Fajana-Thomas'], ccGroup: null } } });
    expect((await app.must('letters.get', { id: dismissed.letter.id })).letter.templateGaps).toEqual({ signatories: ['Susan Fajana-Thomas'], ccGroup: null });
  });

  it('matches a template name written with the honorific to a signatory stored without one, and the other way round', async () => {
    const app = await start();
    await app.must('signatories.create', { honorific: 'Mayor', name: 'Philip Glanville', titleLines: ['Mayor of Hackney'] });
    await app.must('signatories.create', { name: 'Susan Fajana-Thomas', titleLines: ['Cabinet Member for Community Safety'] });
    const created = await app.must('letters.create', { templateId: 'iopc-complaints-and-culture' });
    expect(created.letter.signatories.map((s) => s.name)).toEqual(['Mayor Philip Glanville', 'Susan Fajana-Thomas']);
    expect(created.letter.templateGaps.signatories).toEqual([]);
  });
});

describe('follow-ups', () => {
  it('a chaser has its subject filled in wherever it is shown: the record, the register and the thread', async () => {
    const app = await start();
    const letter = await sentLetter(app);
    app.clock.set('2022-04-05T10:00:00Z');
    const chaser = await app.must('letters.createChaser', { id: letter.id });
    expect(chaser.letter.subject).toBe('Reminder: Safeguarding review');
    const { rows } = await app.must('letters.list', { query: 'Reminder' });
    expect(rows.map((r) => r.subject)).toEqual(['Reminder: Safeguarding review']);
    expect(chaser.thread.find((t) => t.kind === 'letter' && t.id === chaser.letter.id)).toMatchObject({ subject: 'Reminder: Safeguarding review' });
  });

  it('"Acknowledge this reply" makes the acknowledgement from its template with the original letter filled in', async () => {
    const app = await start();
    const letter = await sentLetter(app);
    expect(await app.call('letters.createAcknowledgement', { id: letter.id })).toMatchObject({ ok: false, error: expect.stringMatching(/no reply/) });
    app.clock.set('2022-03-25T10:00:00Z');
    await app.must('replies.create', { letterId: letter.id, receivedDate: '2022-03-25', from: 'DAC Jane Taylor', answers: [{ commitmentId: 'c1', status: 'agreed', note: 'Plan promised by 30 April' }] });
    const ack = await app.must('letters.createAcknowledgement', { id: letter.id });
    expect(ack.letter).toMatchObject({ followsUp: letter.id, followUpKind: 'other', threadId: letter.threadId, templateId: 'acknowledge-reply-and-meeting' });
    expect(ack.letter.subject).toBe('Thank you for your reply: Safeguarding review');
    expect(ack.letter.recipient.fullName).toBe(letter.recipient.fullName);
    expect(ack.letter.signatories).toEqual(letter.signatories);
    const text = JSON.stringify(ack.document.body);
    expect(text).toContain('17 March 2022');
    expect(text).toContain(letter.reference);
    expect(text).toContain('Safeguarding review');
    expect(ack.document.unresolved.filter((u) => u.startsWith('original.'))).toEqual([]);
    expect(text).not.toContain('{{original');
  });
});

describe('the notes typed when recording a reply', () => {
  it('are kept in each commitment’s history and shown in the commitments register', async () => {
    const app = await start();
    const letter = await sentLetter(app);
    app.clock.set('2022-03-25T10:00:00Z');
    const d = await app.must('replies.create', {
      letterId: letter.id,
      receivedDate: '2022-03-25',
      from: 'DAC Jane Taylor',
      answers: [
        { commitmentId: 'c1', status: 'agreed', note: 'Plan promised by 30 April' },
        { commitmentId: 'c2', status: 'declined', note: '' },
      ],
    });
    const c1 = d.letter.commitments.find((c) => c.id === 'c1')!;
    expect(c1.history.at(-1)).toMatchObject({ status: 'agreed', note: 'Plan promised by 30 April', evidence: { kind: 'reply' } });
    expect(d.letter.commitments.find((c) => c.id === 'c2')!.history.at(-1)!.note).toBeUndefined();
    const { rows } = await app.must('commitments.list', {});
    expect(rows.find((r) => r.commitmentId === 'c1')).toMatchObject({ note: 'Plan promised by 30 April', status: 'agreed' });
    expect(rows.find((r) => r.commitmentId === 'c2')).toMatchObject({ note: '', status: 'declined' });
    expect((await app.must('commitments.list', { query: 'promised 30 april' })).rows.map((r) => r.commitmentId)).toEqual(['c1']);
  });
});

describe('the register’s reply column', () => {
  it('says awaiting, due soon, overdue, chased and replied as time passes', async () => {
    const app = await start();
    const letter = await sentLetter(app);
    const standing = async () => (await app.must('letters.list', {})).rows.find((r) => r.id === letter.id)!.reply;
    expect(await standing()).toBe('awaiting');
    app.clock.set('2022-03-25T10:00:00Z');
    expect(await standing()).toBe('due-soon');
    app.clock.set('2022-04-01T10:00:00Z');
    expect(await standing()).toBe('overdue');
    const chaser = await app.must('letters.createChaser', { id: letter.id });
    // A chaser being drafted has not chased anyone yet.
    expect(await standing()).toBe('overdue');
    await app.must('signoff.record', { letterId: chaser.letter.id, signatoryId: letter.signatories[0]!.signatoryId, entry: { state: 'signed', date: '2022-04-01', method: 'email' } });
    await app.must('letters.markSent', { id: chaser.letter.id, date: '2022-04-01', method: 'email' });
    expect(await standing()).toBe('chased');
    await app.must('replies.create', { letterId: chaser.letter.id, receivedDate: '2022-04-01', from: 'DAC Jane Taylor' });
    expect(await standing()).toBe('replied');
    const draft = await app.must('letters.create', {});
    expect((await app.must('letters.list', {})).rows.find((r) => r.id === draft.letter.id)!.reply).toBe('not-sent');
  });
});
