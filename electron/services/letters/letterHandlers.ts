import { londonDate } from '../../core/dates/londonDate';
import { UserError } from '../../core/errors';
import { mergeCommitmentDrafts } from '../../core/commitments/mergeDrafts';
import { diffContent } from '../../core/letters/amendments';
import { UNSENT_LETTER_STATE } from '../../core/letters/letterDefaults';
import { letterContentSchema, type Letter, type LetterContent } from '../../core/letters/letterSchema';
import { canMove, isFrozen, STATUS_LABELS } from '../../core/letters/status';
import type { LetterTemplate } from '../../core/templates/types';
import type { Handlers } from '../../ipc/contract';
import { saveLetter } from '../addressBook/saveRecord';
import type { ServiceContext } from '../context';
import type { createMutex } from '../mutex';
import type { DeadlineService } from './deadlines';
import type { LetterReader } from './letterDetail';
import { newLetterContent } from './newLetterContent';
import { followUpSubject } from '../../core/letters/followUpSubject';
import { referenceAllocator } from './referenceAllocator';
import { passReadiness, readinessReport, withReadinessOverride } from '../../core/readiness/gate';

type LetterHandlers = Pick<
  Handlers,
  'letters.create' | 'letters.get' | 'letters.update' | 'letters.setStatus' | 'letters.delete' | 'letters.restore' | 'letters.list' | 'letters.organisations'
>;

const contentOf = (l: Letter): LetterContent => letterContentSchema.parse(l);

export interface LetterDeps {
  ctx: ServiceContext;
  reader: LetterReader;
  deadlines: DeadlineService;
  getTemplate: (id: string) => Promise<LetterTemplate>;
  /** Every change to letters goes through this lock: references, deadlines and threads are read-decide-write. */
  lock: ReturnType<typeof createMutex>;
}

/** Build and save a new letter; shared by "New letter" and "Create chaser". */
export async function createLetter(
  deps: LetterDeps,
  opts: { templateId: string | null; contactId: string | null; letterDate?: string; manualReference?: string; followsUp?: Letter; followUpKind?: 'chaser' | 'other' },
) {
  const { ctx, deadlines } = deps;
  const references = referenceAllocator(ctx);
  const template = opts.templateId ? await deps.getTemplate(opts.templateId) : null;
  const date = opts.letterDate ?? londonDate(ctx.clock.now());
  const { content } = await newLetterContent(ctx, { template, contactId: opts.contactId, letterDate: date });
  if (opts.followsUp) content.subject = followUpSubject(content.subject, opts.followsUp);
  const manual = opts.manualReference ? await references.check(opts.manualReference) : null;
  const now = ctx.nowIso();
  const id = ctx.newId();
  const build = (reference: string): Letter => deadlines.apply({
    ...UNSENT_LETTER_STATE,
    ...content,
    commitments: mergeCommitmentDrafts(content.commitments, [], { date, at: now, by: ctx.officer(), organisation: content.recipient.organisation }),
    id,
    reference,
    referenceSource: opts.manualReference ? 'manual' : 'allocated',
    templateId: opts.templateId,
    followsUp: opts.followsUp?.id ?? null,
    followUpKind: opts.followsUp ? (opts.followUpKind ?? 'other') : null,
    threadId: opts.followsUp?.threadId ?? id,
    createdAt: now,
    updatedAt: now,
  });
  const register = ctx.register();
  // The reference and the letter commit together: see referenceAllocator.
  const saved = await register.write(async (trx) => {
    const letter = build(manual ?? (await references.allocate(trx, date)));
    return (await register.letters.saveLetterIn(trx, letter, { by: ctx.officer(), action: 'create' })).letter;
  });
  return deps.reader.detail(saved);
}

export function letterHandlers(deps: LetterDeps): LetterHandlers {
  const { ctx, reader, deadlines, lock } = deps;

  return {
    'letters.create': ({ templateId, contactId, letterDate, manualReference }) =>
      lock(() => createLetter(deps, { templateId, contactId, ...(letterDate && { letterDate }), ...(manualReference && { manualReference }) })),

    'letters.get': async ({ id }) => reader.detail(await reader.find(id)),

    'letters.update': ({ id, content, expectedUpdatedAt }) =>
      lock(async () => {
        const old = await reader.find(id);
        if (old.deletedAt) throw new UserError('This letter is in the bin. Restore it before changing it.');
        if (expectedUpdatedAt && expectedUpdatedAt !== old.updatedAt && isFrozen(old.status)) {
          throw new UserError('This letter was changed elsewhere since you opened it. Reopen it to see the latest version.');
        }
        const now = ctx.nowIso();
        const commitments = mergeCommitmentDrafts(content.commitments, old.commitments, {
          date: old.sentDate ?? content.letterDate,
          at: now,
          by: ctx.officer(),
          organisation: content.recipient.organisation,
        });
        if (isFrozen(old.status)) {
          const kept = new Set(content.commitments.map((c) => c.id));
          const dropped = old.commitments.filter((c) => !kept.has(c.id));
          if (dropped.length > 0) throw new UserError('A commitment asked for in a sent letter stays on the record. Mark it declined or delivered instead of removing it.');
        }
        const changes = diffContent(contentOf(old), { ...content, commitments });
        if (changes.length === 0) return reader.detail(old);
        // A signature is for the text that was signed: once the letter changes, those signatures no longer
        // stand and are asked for again (the note says so).
        const notes: string[] = [];
        let signoffs = old.signoffs;
        if (!isFrozen(old.status) && signoffs.some((x) => x.state === 'signed')) {
          signoffs = [];
          notes.push('The letter changed after it was signed, so the signatures recorded have been cleared: ask the signatories to sign the new version.');
        }
        const amendments = isFrozen(old.status) ? [...old.amendments, { at: now, by: ctx.officer(), changes }] : old.amendments;
        let next = deadlines.apply({ ...old, ...content, commitments, amendments, signoffs, updatedAt: now });
        // An amendment to a sent letter is a deliberate change to the record: freeze it afresh as amended.
        if (isFrozen(old.status)) next = { ...next, sentSnapshot: await reader.snapshotOf(next) };
        return reader.detail(await saveLetter(ctx, next, 'edit'), notes);
      }),

    'letters.setStatus': ({ id, status, overrideReason }) =>
      lock(async () => {
        const old = await reader.find(id);
        if (old.status === status) return reader.detail(old);
        if (status === 'sent') throw new UserError('Use “Mark as sent” to record how and when the letter went.');
        if (!canMove(old.status, status)) {
          throw new UserError(`A letter that is ${STATUS_LABELS[old.status].toLowerCase()} cannot be marked ${STATUS_LABELS[status].toLowerCase()}.`);
        }
        // Signatories sign what they are given: it is checked as it would be sent.
        const passed =
          status === 'awaiting-signature'
            ? passReadiness(readinessReport(old, await reader.documentOf(old), 'send-for-signature'), overrideReason, { at: ctx.nowIso(), by: ctx.officer() })
            : null;
        return reader.detail(await saveLetter(ctx, deadlines.apply({ ...withReadinessOverride(old, passed), status, updatedAt: ctx.nowIso() }), 'edit', passed?.reason ?? null));
      }),

    'letters.delete': ({ id }) =>
      lock(async () => {
        const old = await reader.find(id);
        if (isFrozen(old.status)) throw new UserError('A sent letter is part of the record and cannot be deleted. Close it instead.');
        return reader.detail(await saveLetter(ctx, { ...old, deletedAt: ctx.nowIso(), updatedAt: ctx.nowIso() }, 'bin'));
      }),

    'letters.restore': ({ id }) =>
      lock(async () => reader.detail(await saveLetter(ctx, { ...(await reader.find(id)), deletedAt: null, updatedAt: ctx.nowIso() }, 'restore'))),

    'letters.list': async (q) => ctx.register().letters.queryLetters(q, reader.today()),

    'letters.organisations': async () => ctx.register().letters.organisations(),
  };
}
