import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/clock';
import { startApp } from './helpers';

const apps: Awaited<ReturnType<typeof startApp>>[] = [];
const start = async (dir?: string, clock = fixedClock('2022-03-17T09:30:00Z')) => {
  const app = await startApp(dir, clock);
  apps.push(app);
  return app;
};
afterEach(async () => {
  for (const a of apps.splice(0)) await a.services.close();
});

const body = (text: string) => [{ type: 'paragraph' as const, runs: [{ text }] }];

describe('letter references', () => {
  it('gives consecutive references on a day and never reuses a deleted letter’s', async () => {
    const app = await start();
    const a = await app.must('letters.create', {});
    const b = await app.must('letters.create', {});
    expect([a.letter.reference, b.letter.reference]).toEqual(['MCO220317-01', 'MCO220317-02']);
    await app.must('letters.delete', { id: b.letter.id });
    const c = await app.must('letters.create', {});
    expect(c.letter.reference).toBe('MCO220317-03');
    app.clock.set('2022-03-18T08:00:00Z');
    expect((await app.must('letters.create', {})).letter.reference).toBe('MCO220318-01');
  });

  it('counts on from a letter deleted for good, across a restart', async () => {
    const app = await start();
    await app.must('letters.create', {});
    await app.services.close();
    apps.pop();
    const again = await start(app.dir);
    expect((await again.must('letters.create', {})).letter.reference).toBe('MCO220317-02');
  });

  it('allocates on London’s date: 23:30 UTC in summer is already tomorrow', async () => {
    const app = await start(undefined, fixedClock('2022-06-30T23:30:00Z'));
    const l = await app.must('letters.create', {});
    expect(l.letter.reference).toBe('MCO220701-01');
    expect(l.letter.letterDate).toBe('2022-07-01');
  });

  it('gives different references to letters created at the same moment', async () => {
    const app = await start();
    const made = await Promise.all(Array.from({ length: 12 }, () => app.must('letters.create', {})));
    expect(new Set(made.map((m) => m.letter.reference)).size).toBe(12);
  });

  it('accepts a typed reference for an old letter, but not one already taken', async () => {
    const app = await start();
    const old = await app.must('letters.create', { manualReference: 'mco200114-03', letterDate: '2020-01-14' });
    expect(old.letter).toMatchObject({ reference: 'MCO200114-03', referenceSource: 'manual', letterDate: '2020-01-14' });
    expect(await app.call('letters.create', { manualReference: 'MCO200114-03' })).toMatchObject({ ok: false, error: 'The reference MCO200114-03 is already used by another letter.' });
    expect(await app.call('letters.create', { manualReference: '../x' })).toMatchObject({ ok: false });
    // A typed reference in today's stem pushes the counter past it.
    await app.must('letters.create', { manualReference: 'MCO220317-05' });
    expect((await app.must('letters.create', {})).letter.reference).toBe('MCO220317-06');
  });

  it('follows the format set in settings', async () => {
    const app = await start();
    const office = await app.must('settings.getOffice', {});
    await app.must('settings.saveOffice', { ...office, referencePrefix: 'MO', referencePattern: '{prefix}/{yyyy}/{nnn}' });
    expect((await app.must('letters.create', {})).letter.reference).toBe('MO/2022/001');
    expect(await app.call('settings.saveOffice', { ...office, referencePattern: '{prefix}-{week}' })).toMatchObject({ ok: false });
  });
});

describe('editing, status and the bin', () => {
  it('saves a draft, freezes it when sent and records each later change as an amendment', async () => {
    const app = await start();
    const { letter } = await app.must('letters.create', {});
    const draft = await app.must('letters.update', { id: letter.id, content: { ...letter, subject: 'Safeguarding review', body: body('First draft.') } });
    expect(draft.letter.amendments).toEqual([]);
    expect(draft.document.subject).toBe('Safeguarding review');
    await app.must('letters.setStatus', { id: letter.id, status: 'awaiting-signature', overrideReason: 'Only the register is under test here' });
    const sent = await app.must('letters.markSent', { id: letter.id, date: '2022-03-17', method: 'hand', overrideReason: 'Only the register is under test here' });
    expect(sent.letter.sentDate).toBe('2022-03-17');
    expect(await app.call('letters.setStatus', { id: letter.id, status: 'draft' })).toMatchObject({ ok: false });
    expect(await app.call('letters.delete', { id: letter.id })).toMatchObject({ ok: false });
    const amended = await app.must('letters.update', { id: letter.id, content: { ...sent.letter, subject: 'Safeguarding review (corrected)' } });
    expect(amended.letter.amendments).toEqual([
      { at: '2022-03-17T09:30:00.000Z', by: 'test.officer', changes: [{ field: 'Subject', before: 'Safeguarding review', after: 'Safeguarding review (corrected)' }] },
    ]);
  });

  it('moves a deleted draft to the bin and back', async () => {
    const app = await start();
    const { letter } = await app.must('letters.create', {});
    await app.must('letters.delete', { id: letter.id });
    expect(await app.must('letters.list', {})).toEqual({ rows: [], total: 0 });
    expect((await app.must('letters.list', { bin: true })).rows.map((r) => r.reference)).toEqual(['MCO220317-01']);
    await app.must('letters.restore', { id: letter.id });
    expect((await app.must('letters.list', {})).rows.map((r) => r.reference)).toEqual(['MCO220317-01']);
  });

  it('refuses a bad date and strips characters XML forbids from the body', async () => {
    const app = await start();
    const { letter } = await app.must('letters.create', {});
    expect(await app.call('letters.update', { id: letter.id, content: { ...letter, letterDate: '2022-02-30' } })).toMatchObject({ ok: false, error: 'Enter a real date.' });
    const saved = await app.must('letters.update', { id: letter.id, content: { ...letter, body: body('Bad\u0000 \u0007char & <ok> 😀') } });
    expect(saved.letter.body).toEqual(body('Bad char & <ok> 😀'));
  });
});

describe('the register', () => {
  it('searches reference, subject, recipient and body; filters by status, organisation and date; sorts', async () => {
    const app = await start();
    const mps = await app.must('organisations.create', { name: 'Metropolitan Police Service', shortName: 'MPS' });
    const iopc = await app.must('organisations.create', { name: 'Independent Office for Police Conduct', shortName: 'IOPC' });
    const taylor = await app.must('contacts.create', { honorific: 'DAC', givenName: 'Jane', familyName: 'Taylor', organisationId: mps.id });
    const naseem = await app.must('contacts.create', { givenName: 'Sal', familyName: 'Naseem', organisationId: iopc.id });
    const a = await app.must('letters.create', { contactId: taylor.id, letterDate: '2022-03-10' });
    await app.must('letters.update', { id: a.letter.id, content: { ...a.letter, subject: 'Child Q safeguarding review', body: body('We ask for a written action plan.') } });
    const b = await app.must('letters.create', { contactId: naseem.id, letterDate: '2022-04-02' });
    await app.must('letters.update', { id: b.letter.id, content: { ...b.letter, subject: 'Complaints handling', body: body('The complaints system is not trusted.') } });
    app.clock.set('2022-04-05T09:00:00Z');
    await app.must('letters.markSent', { id: b.letter.id, date: '2022-04-02', method: 'email', overrideReason: 'Only the register is under test here' });

    const refs = async (q: Parameters<typeof app.must<'letters.list'>>[1]) => (await app.must('letters.list', q)).rows.map((r) => r.reference);
    expect(await refs({ query: 'action plan' })).toEqual([a.letter.reference]);
    expect(await refs({ query: 'taylor' })).toEqual([a.letter.reference]);
    expect(await refs({ query: b.letter.reference.toLowerCase() })).toEqual([b.letter.reference]);
    expect(await refs({ statuses: ['sent'] })).toEqual([b.letter.reference]);
    expect(await refs({ organisation: 'Metropolitan Police Service' })).toEqual([a.letter.reference]);
    expect(await refs({ dateFrom: '2022-04-01', dateTo: '2022-04-30' })).toEqual([b.letter.reference]);
    expect(await refs({ sort: 'letterDate', direction: 'asc' })).toEqual([a.letter.reference, b.letter.reference]);
    expect(await refs({ sort: 'subject', direction: 'asc' })).toEqual([a.letter.reference, b.letter.reference]);
    expect(await app.must('letters.organisations', {})).toEqual(['Independent Office for Police Conduct', 'Metropolitan Police Service']);
    expect(await app.call('letters.list', { dateFrom: '17/03/2022' })).toMatchObject({ ok: false });
  });
});
