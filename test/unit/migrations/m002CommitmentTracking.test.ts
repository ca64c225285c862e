import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/clock';
import { m002CommitmentTracking } from '../../../electron/services/migrations/m002CommitmentTracking';
import { shardFileName, shardOf } from '../../../electron/store/shardHash';
import { startApp } from '../services/helpers';

/** A letter as version 1 stored it: commitments were bare wording, the deadline a single date. */
const v1Letter = {
  id: 'old-letter',
  reference: 'MCO220317-02',
  referenceSource: 'allocated',
  templateId: 'safeguarding-action-plan',
  status: 'sent',
  letterDate: '2022-03-17',
  recipient: {
    contactId: null,
    rank: 'DAC',
    givenName: 'Jane',
    familyName: 'Taylor',
    fullName: 'DAC Jane Taylor',
    role: 'Deputy Assistant Commissioner',
    organisation: 'Metropolitan Police Service',
    organisationShort: 'MPS',
    addressLines: ['New Scotland Yard'],
    salutation: 'Dear DAC Taylor',
  },
  subject: 'Safeguarding review',
  body: [{ type: 'paragraph', runs: [{ text: 'We ask for a written action plan.' }] }],
  closing: 'Yours sincerely',
  signatories: [],
  cc: [],
  deadlineRule: null,
  deadlineDate: '2022-03-31',
  commitments: [
    { id: 'c1', text: 'A written and public action plan' },
    { id: 'c2', text: 'A meeting to discuss the plan' },
  ],
  sentDate: '2022-03-17',
  amendments: [],
  deletedAt: null,
  createdAt: '2022-03-17T09:00:00.000Z',
  updatedAt: '2022-03-17T09:00:00.000Z',
  aFieldFromTheFuture: 'kept',
};

describe('migration 2: commitment tracking', () => {
  it('turns bare commitments into tracked ones and gives every letter a thread', () => {
    const out = m002CommitmentTracking.up({ docs: {}, collections: { letters: [v1Letter] } });
    const [letter] = out.collections['letters'] as Record<string, unknown>[];
    expect(letter).toMatchObject({
      threadId: 'old-letter',
      followsUp: null,
      deadlineEvents: [],
      deadlineManualDate: '2022-03-31',
      aFieldFromTheFuture: 'kept',
      commitments: [
        { id: 'c1', text: 'A written and public action plan', organisation: 'Metropolitan Police Service', dueDate: null, tags: [], history: [{ status: 'requested', date: '2022-03-17', evidence: null }] },
        { id: 'c2', text: 'A meeting to discuss the plan', organisation: 'Metropolitan Police Service' },
      ],
    });
  });

  it('keeps a rule-based deadline as a rule, not as a typed date', () => {
    const out = m002CommitmentTracking.up({ docs: {}, collections: { letters: [{ ...v1Letter, deadlineRule: { kind: 'calendar', days: 14 } }] } });
    expect((out.collections['letters'] as Record<string, unknown>[])[0]).toMatchObject({ deadlineManualDate: null });
  });

  it('carries a version 1 data folder over on open, keeping the old files, and the app then tracks the letter', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'desk-m002-'));
    const shard = shardFileName(shardOf(v1Letter.id, 256), 256);
    await mkdir(join(dataDir, 'store', 'letters'), { recursive: true });
    await writeFile(join(dataDir, 'store', 'meta.json'), JSON.stringify({ schemaVersion: 1, createdAt: '2022-03-17T09:00:00.000Z', app: 'correspondence-desk' }));
    await writeFile(join(dataDir, 'store', 'letters', shard), JSON.stringify({ records: [v1Letter] }));

    const app = await startApp(dataDir, fixedClock('2022-04-20T09:00:00Z'));
    try {
      expect(app.services.status().state).toBe('ready');
      const detail = await app.must('letters.get', { id: 'old-letter' });
      expect(detail.letter.commitments.map((c) => c.history[0]?.status)).toEqual(['requested', 'requested']);
      expect(detail.letter.deadlineDate).toBe('2022-03-31');
      expect(detail.reply.state).toBe('reply-overdue');
      expect(detail.thread.map((t) => t.kind)).toEqual(['letter']);
      // The old store is kept as it was, under a new name, and the officer is told.
      const names = await readdir(dataDir);
      expect(names).not.toContain('store');
      expect(names.filter((n) => n.startsWith('store.imported-'))).toHaveLength(1);
      const status = await app.must('app.status', {});
      expect(status.state === 'ready' && status.notices.find((n) => n.kind === 'imported')?.message).toMatch(/carried over from the old register on 20 April 2022, 10:00 \(1 letter/);
    } finally {
      await app.services.close();
    }
  });
});
