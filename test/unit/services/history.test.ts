import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Handlers } from '../../../electron/ipc/contract';
import { combineHandlers } from '../../../electron/services/combineHandlers';
import { openDatabase } from '../../../electron/store/sql';
import { startApp } from './helpers';

const apps: Awaited<ReturnType<typeof startApp>>[] = [];
const start = async () => {
  const app = await startApp();
  apps.push(app);
  return app;
};
afterEach(async () => {
  for (const a of apps.splice(0)) await a.services.close();
});

const body = (text: string) => [{ type: 'paragraph' as const, runs: [{ text }] }];

async function sentLetter(app: Awaited<ReturnType<typeof startApp>>) {
  const contact = await app.must('contacts.create', { givenName: 'Amira', familyName: 'Khan', role: 'Borough Commander', salutation: 'Dear Commander' });
  const signatory = await app.must('signatories.create', { name: 'Philip Glanville', titleLines: ['Mayor of Hackney'] });
  const made = await app.must('letters.create', { contactId: contact.id });
  const content = {
    ...made.letter,
    subject: 'Stop and search',
    body: body('We ask for a written and public action plan.'),
    signatories: [{ signatoryId: signatory.id, name: signatory.name, titleLines: signatory.titleLines }],
    commitments: [{ id: 'c1', text: 'A written and public action plan', organisation: '', dueDate: null, tags: [] }],
    deadlineRule: { kind: 'working' as const, days: 20 },
  };
  const { letterDate, recipient, subject, closing, signatories, cc, deadlineRule, deadlineManualDate, signByDate, commitments, templateGaps } = content;
  await app.must('letters.update', { id: made.letter.id, content: { letterDate, recipient, subject, body: content.body, closing, signatories, cc, deadlineRule, deadlineManualDate, signByDate, commitments, templateGaps } });
  await app.must('signoff.record', { letterId: made.letter.id, signatoryId: signatory.id, entry: { state: 'signed', date: '2022-03-17', method: 'paper' } });
  await app.must('letters.markSent', { id: made.letter.id, date: '2022-03-17', method: 'email' });
  return made.letter.id;
}

describe('the history of every change', () => {
  it('keeps each step of a letter, who took it and what changed, oldest first', async () => {
    const app = await start();
    const id = await sentLetter(app);
    await app.must('letters.changeDeadline', { id, change: { kind: 'extension', days: 5, dayKind: 'working', reason: 'They asked for more time' } });
    await app.must('replies.create', { letterId: id, receivedDate: '2022-03-17', from: 'Met Police', answers: [{ commitmentId: 'c1', status: 'agreed', note: 'Plan by April' }] });
    const history = await app.must('history.ofLetter', { id });
    expect(history.map((h) => [h.recordType, h.action])).toEqual([
      ['letter', 'create'],
      ['letter', 'edit'],
      ['letter', 'sign-off'],
      ['letter', 'send'],
      ['letter', 'deadline'],
      ['reply', 'reply'],
      ['letter', 'reply'],
    ]);
    expect(new Set(history.map((h) => h.by))).toEqual(new Set(['test.officer']));
    const edit = history[1]!;
    expect(edit.changes.find((c) => c.field === 'subject')).toEqual({ field: 'subject', before: '', after: 'Stop and search' });
    expect(history[4]).toMatchObject({ reason: 'They asked for more time', recordLabel: 'MCO220317-01' });
    expect(history[5]!.recordLabel).toBe('Reply to MCO220317-01 from Met Police');
  });

  it('names the officer this PC’s settings name', async () => {
    const app = await start();
    await app.pcSettings.update({ officerName: 'Sam Okafor' });
    const made = await app.must('letters.create', {});
    expect((await app.must('history.ofLetter', { id: made.letter.id }))[0]).toMatchObject({ by: 'Sam Okafor', action: 'create' });
    expect(await app.must('history.officers', {})).toEqual(['Sam Okafor']);
  });

  it('lets the officer set their name on this PC, refusing an empty one', async () => {
    const app = await start();
    expect(await app.must('settings.getThisPc', {})).toMatchObject({ officerName: 'test.officer', dataDir: app.dir, problem: null });
    expect(await app.call('settings.saveThisPc', { officerName: '   ' })).toMatchObject({ ok: false });
    expect(await app.must('settings.saveThisPc', { officerName: '  Sam\u0007 Okafor ' })).toMatchObject({ officerName: 'Sam Okafor' });
    expect(app.pcSettings.get().officerName).toBe('Sam Okafor');
  });

  it('lists the office’s history newest first, filtered by officer, record type and London day', async () => {
    const app = await start();
    await app.must('organisations.create', { name: 'Metropolitan Police Service', shortName: 'MPS' });
    await app.pcSettings.update({ officerName: 'Sam Okafor' });
    await app.must('letters.create', {});
    const all = await app.must('history.list', {});
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => [r.recordType, r.by])).toEqual([
      ['letter', 'Sam Okafor'],
      ['organisation', 'test.officer'],
    ]);
    expect((await app.must('history.list', { by: 'Sam Okafor' })).total).toBe(1);
    expect((await app.must('history.list', { recordType: 'organisation' })).rows[0]!.recordLabel).toBe('Metropolitan Police Service');
    expect((await app.must('history.list', { dateFrom: '2022-03-17', dateTo: '2022-03-17' })).total).toBe(2);
    expect((await app.must('history.list', { dateFrom: '2022-03-18' })).total).toBe(0);
    expect((await app.must('history.list', { limit: 1, offset: 1 })).rows.map((r) => r.recordType)).toEqual(['organisation']);
  });

  it('cannot be changed or removed, even by SQL', async () => {
    const app = await start();
    await app.must('letters.create', {});
    // Through a connection of its own, as another tool would write.
    await app.services.close();
    apps.pop();
    const opened = await openDatabase(join(app.dir, 'register.sqlite3'));
    if (!opened.ok) throw new Error(opened.problem.message);
    await expect(sql`UPDATE history SET by = 'someone else'`.execute(opened.store.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM history`.execute(opened.store.db)).rejects.toThrow(/append-only/);
    await opened.store.close();
  });

  it('exports as CSV that Excel reads in British English, one row per field, formulas defused', async () => {
    const app = await start();
    await app.must('organisations.create', { name: '=HYPERLINK("http://evil.example")', shortName: 'Siân' });
    const folder = await mkdtemp(join(tmpdir(), 'desk-csv-'));
    app.platform.dialogFolder = folder;
    const saved = await app.must('history.exportCsv', {});
    if (saved.status !== 'saved') throw new Error('not saved');
    const bytes = await readFile(saved.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(['When', 'Officer', 'Record type', 'Record', 'Action', 'Field', 'Before', 'After', 'Reason']);
    const rows = parsed.data.slice(1);
    expect(rows.length).toBe(saved.rows);
    expect(rows.find((r) => r[5] === 'Short name')).toEqual(['17 March 2022, 09:30', 'test.officer', 'Organisation', "'=HYPERLINK(\"http://evil.example\")", 'Created', 'Short name', '', 'Siân', '']);
    expect(rows.every((r) => !r[3]!.startsWith('='))).toBe(true);
  });

  it('is cancelled with nothing written when no file is chosen', async () => {
    const app = await start();
    expect(await app.must('history.exportCsv', {})).toEqual({ status: 'cancelled' });
  });
});

describe('handler sets', () => {
  it('are combined only when no method has two answers', () => {
    const a = { 'app.status': async () => null } as unknown as Partial<Handlers>;
    const b = { 'app.status': async () => null } as unknown as Partial<Handlers>;
    const c = { 'letters.list': async () => null } as unknown as Partial<Handlers>;
    expect(() => combineHandlers(a, b)).toThrow('Two handler sets both answer app.status');
    expect(Object.keys(combineHandlers(a, c) as object)).toEqual(['app.status', 'letters.list']);
  });
});
