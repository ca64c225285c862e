import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchStatus } from '../../../electron/core/export/batchStatus';
import type { Letter } from '../../../electron/core/letters/letterSchema';
import { startApp } from './helpers';

/** The pre-send check through the services, as the window calls them: what is refused, what is kept, what is skipped. */
type App = Awaited<ReturnType<typeof startApp>>;
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const para = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });

async function start(): Promise<{ app: App; folder: string; signatory: { signatoryId: string; name: string; titleLines: string[] }; taylor: string }> {
  const app = await startApp();
  const folder = await mkdtemp(join(tmpdir(), 'desk-readiness-'));
  cleanup.push(() => rm(app.dir, { recursive: true, force: true }), () => rm(folder, { recursive: true, force: true }), () => app.services.close());
  const mps = await app.must('organisations.create', { name: 'Metropolitan Police Service', shortName: 'MPS' });
  const taylor = await app.must('contacts.create', { honorific: 'DAC', givenName: 'Jane', familyName: 'Taylor', role: 'Deputy Assistant Commissioner', organisationId: mps.id, salutation: 'Dear DAC Taylor' });
  const s = await app.must('signatories.create', { name: 'Philip Glanville', titleLines: ['Mayor of Hackney'] });
  app.platform.dialogFolder = folder;
  return { app, folder, signatory: { signatoryId: s.id, name: s.name, titleLines: s.titleLines }, taylor: taylor.id };
}

/** A letter to DAC Taylor with the given changes, saved as a draft. */
async function letter(ctx: Awaited<ReturnType<typeof start>>, change: Partial<Letter>): Promise<Letter> {
  const { letter: made } = await ctx.app.must('letters.create', { contactId: ctx.taylor });
  const content = { ...made, subject: 'Safeguarding review', body: [para('We ask for a written action plan.')], signatories: [ctx.signatory], ...change };
  return (await ctx.app.must('letters.update', { id: made.id, content })).letter;
}

async function finished(app: App, jobId: string): Promise<BatchStatus> {
  for (;;) {
    const status = await app.must('export.batchStatus', { jobId });
    if (status.finished) return status;
    await new Promise((r) => setImmediate(r));
  }
}

describe('Mark as sent', () => {
  it('refuses a blank letter and lists every problem, in the check and in the refusal', async () => {
    const { app } = await start();
    const { letter: blank } = await app.must('letters.create', {});
    const expected = ['No recipient: choose who the letter is to.', 'No subject: add a subject heading.', 'The body is empty: write the letter.', 'No signatory: add at least one signatory.'];

    const report = await app.must('letters.check', { id: blank.id, action: 'mark-sent' });
    expect(report).toMatchObject({ action: 'mark-sent', blocked: false, needsReason: true });
    expect(report.problems.map((p) => [p.kind, p.message, p.blocking])).toEqual([
      ['no-recipient', expected[0], false],
      ['no-subject', expected[1], false],
      ['empty-body', expected[2], false],
      ['no-signatory', expected[3], false],
    ]);

    const refused = await app.call('letters.markSent', { id: blank.id, date: '2022-03-17', method: 'email' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) for (const m of [...expected, 'Give a reason to send it anyway']) expect(refused.error).toContain(m);
    expect((await app.must('letters.get', { id: blank.id })).letter.status).toBe('draft');
  });

  it('with a reason, sends and keeps the reason, who and when; one reason answers unfinished sign-off too', async () => {
    const ctx = await start();
    const draft = await letter(ctx, { cc: [], templateGaps: { signatories: ['Susan Fajana-Thomas'], ccGroup: null } });
    const report = await ctx.app.must('letters.check', { id: draft.id, action: 'mark-sent' });
    expect(report.problems.map((p) => p.kind)).toEqual(['template-signatory-missing', 'unsigned']);
    const sent = await ctx.app.must('letters.markSent', { id: draft.id, date: '2022-03-17', method: 'post', overrideReason: 'Agreed at the Mayor’s briefing' });
    expect(sent.letter.status).toBe('sent');
    expect(sent.letter.readinessOverrides).toEqual([
      {
        action: 'mark-sent',
        problems: report.problems.map(({ kind, message }) => ({ kind, message })),
        reason: 'Agreed at the Mayor’s briefing',
        at: '2022-03-17T09:30:00.000Z',
        by: 'test.officer',
      },
    ]);
    expect(sent.letter.sendRecord?.override).toEqual({ reason: 'Agreed at the Mayor’s briefing', unsigned: ['Philip Glanville'] });
    // Kept: read back from the store after a restart of the services.
    await ctx.app.services.close();
    const again = await startApp(ctx.app.dir);
    cleanup.push(() => again.services.close());
    expect((await again.must('letters.get', { id: draft.id })).letter.readinessOverrides[0]?.reason).toBe('Agreed at the Mayor’s briefing');
  });
});

describe('Send for signature', () => {
  it('refuses warnings without a reason, keeps the reason, and does not ask again when the letter is sent', async () => {
    const ctx = await start();
    const draft = await letter(ctx, { signatories: [] });
    expect(await ctx.app.call('letters.setStatus', { id: draft.id, status: 'awaiting-signature' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('No signatory: add at least one signatory.'),
    });
    const out = await ctx.app.must('letters.setStatus', { id: draft.id, status: 'awaiting-signature', overrideReason: 'Signed for the office by the Chief of Staff' });
    expect(out.letter.status).toBe('awaiting-signature');
    expect(out.letter.readinessOverrides).toMatchObject([{ action: 'send-for-signature', reason: 'Signed for the office by the Chief of Staff', problems: [{ kind: 'no-signatory' }] }]);
    const check = await ctx.app.must('letters.check', { id: draft.id, action: 'mark-sent' });
    expect(check).toMatchObject({ needsReason: false, problems: [{ kind: 'no-signatory', overridden: { reason: 'Signed for the office by the Chief of Staff', by: 'test.officer' } }] });
    expect((await ctx.app.must('letters.markSent', { id: draft.id, date: '2022-03-17', method: 'email' })).letter.status).toBe('sent');
  });

  it('refuses a template prompt even with a reason', async () => {
    const ctx = await start();
    const { letter: made } = await ctx.app.must('letters.create', { templateId: 'scrutiny-written-answers', contactId: ctx.taylor });
    const refused = await ctx.app.call('letters.setStatus', { id: made.id, status: 'awaiting-signature', overrideReason: 'The date is not yet fixed' });
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('the prompt [day and date of the meeting, time and place]') });
    expect(refused).toMatchObject({ error: expect.stringContaining('A reason cannot let this through') });
    expect((await ctx.app.must('letters.get', { id: made.id })).letter).toMatchObject({ status: 'draft', readinessOverrides: [] });
  });
});

describe('Export as Word', () => {
  it('refuses unfilled placeholders even with a reason, and writes nothing', async () => {
    const ctx = await start();
    const draft = await letter(ctx, { subject: 'Reminder: {{original.subject}}' });
    for (const overrideReason of [undefined, 'It must go today']) {
      const refused = await ctx.app.call('export.letter', { id: draft.id, ...(overrideReason && { overrideReason }) });
      expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('The subject still has {{original.subject}}: it would be printed as it stands.') });
    }
    expect(await readdir(ctx.folder)).toEqual([]);
  });

  it('exports a letter with warnings once a reason is given, and keeps it', async () => {
    const ctx = await start();
    const draft = await letter(ctx, { signatories: [] });
    expect(await ctx.app.call('export.letter', { id: draft.id })).toMatchObject({ ok: false, error: expect.stringContaining('Give a reason to export it anyway') });
    const saved = await ctx.app.must('export.letter', { id: draft.id, overrideReason: 'A draft for the Chief Executive to comment on' });
    expect(saved).toMatchObject({ status: 'saved' });
    const after = (await ctx.app.must('letters.get', { id: draft.id })).letter;
    expect(after.readinessOverrides).toMatchObject([{ action: 'export', reason: 'A draft for the Chief Executive to comment on', by: 'test.officer' }]);
    // Only the override was added: an editor holding this letter sees no change it did not make.
    expect(after.updatedAt).toBe(draft.updatedAt);
    // The same warning on the next export needs no new reason; sending it still does.
    expect(await ctx.app.must('export.letter', { id: draft.id })).toMatchObject({ status: 'saved' });
    expect((await ctx.app.must('letters.check', { id: draft.id, action: 'mark-sent' })).needsReason).toBe(true);
  });
});

describe('batch export', () => {
  it('skips the letter that would print a placeholder and says why, writes the rest, and lists their warnings', async () => {
    const ctx = await start();
    const good = await letter(ctx, { subject: 'Our letter {{letter.reference}}' });
    const blocked = await letter(ctx, { subject: 'Reminder: {{original.subject}}' });
    const warned = await letter(ctx, { signatories: [] });
    const job = await ctx.app.must('export.startBatch', { ids: [good.id, blocked.id, warned.id] });
    const status = await finished(ctx.app, job!.jobId);

    expect(status).toMatchObject({ total: 3, done: 3, failed: [] });
    expect(status.skipped).toEqual([
      { reference: blocked.reference, problems: ['The subject still has {{original.subject}}: it would be printed as it stands. Type the words it stands for in its place.'] },
    ]);
    expect(status.warnings).toEqual([{ reference: warned.reference, problems: ['No signatory: add at least one signatory.'] }]);
    // Named by the subject as printed, placeholders filled.
    expect(status.written).toEqual([
      { reference: good.reference, file: `${good.reference} Our letter ${good.reference}.docx` },
      { reference: warned.reference, file: `${warned.reference} Safeguarding review.docx` },
    ]);
    const files = await readdir(ctx.folder);
    expect(files.sort()).toEqual(status.written.map((w) => w.file).sort());
    expect(files.some((f) => /[{}]/.test(f))).toBe(false);
  });
});

describe('signatory packs', () => {
  it('leave out letters that would print the wrong text, say why, and note the warnings of those put in', async () => {
    const ctx = await start();
    const good = await letter(ctx, {});
    const prompt = await letter(ctx, { body: [para('We will meet on [day and date] at [time].')] });
    const warned = await letter(ctx, { cc: [{ contactId: ctx.taylor, name: 'DAC Jane Taylor', role: '', organisation: 'MPS' }] });
    const pack = await ctx.app.must('print.packData', { ids: [good.id, prompt.id, warned.id] });
    expect(pack.items.map((i) => i.reference)).toEqual([good.reference, warned.reference]);
    expect(pack.skipped).toEqual([
      {
        id: prompt.id,
        reference: prompt.reference,
        problems: [
          'The body still has the prompt [day and date]: it would be printed as it stands. Replace it with the details it asks for.',
          'The body still has the prompt [time]: it would be printed as it stands. Replace it with the details it asks for.',
        ],
      },
    ]);
    expect(pack.warnings).toEqual([{ id: warned.id, reference: warned.reference, problems: ['DAC Jane Taylor is the recipient and is also on the CC list: take them off the CC list.'] }]);
  });
});
