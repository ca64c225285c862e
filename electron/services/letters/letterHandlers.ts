import type { CcGroup, Contact, Organisation } from '../../core/addressBook/schemas';
import { londonDate } from '../../core/dates/londonDate';
import { NotFoundError, UserError } from '../../core/errors';
import { diffContent } from '../../core/letters/amendments';
import type { LetterDetail } from '../../core/letters/views';
import { letterContentSchema, type Letter, type LetterContent } from '../../core/letters/letterSchema';
import { queryRegister, searchText } from '../../core/letters/register';
import { canMove, isFrozen, STATUS_LABELS } from '../../core/letters/status';
import type { LetterTemplate } from '../../core/templates/types';
import type { Handlers } from '../../ipc/contract';
import { saveRecord } from '../addressBook/saveRecord';
import type { ServiceContext } from '../context';
import { createMutex } from '../mutex';
import { letterDocumentFor } from './letterDocument';
import { ccFromContact, newLetterContent, recipientFromContact } from './newLetterContent';
import { referenceAllocator } from './referenceAllocator';

type LetterHandlers = Pick<
  Handlers,
  | 'letters.create'
  | 'letters.get'
  | 'letters.update'
  | 'letters.setStatus'
  | 'letters.delete'
  | 'letters.restore'
  | 'letters.list'
  | 'letters.organisations'
  | 'letters.recipientFromContact'
  | 'letters.ccFromContact'
  | 'letters.ccFromGroup'
>;


const contentOf = (l: Letter): LetterContent => letterContentSchema.parse(l);

export function letterHandlers(ctx: ServiceContext, getTemplate: (id: string) => Promise<LetterTemplate>): LetterHandlers {
  const lock = createMutex();
  const references = referenceAllocator(ctx);
  // Search text per letter, rebuilt only when the letter changes: normalising 50,000 bodies per keystroke would not do.
  const searchCache = new Map<string, { updatedAt: string; text: string }>();
  const textOf = (l: Letter) => {
    const hit = searchCache.get(l.id);
    if (hit?.updatedAt === l.updatedAt) return hit.text;
    const text = searchText(l);
    searchCache.set(l.id, { updatedAt: l.updatedAt, text });
    return text;
  };

  const orgOf = (c: Contact) => (c.organisationId ? ctx.store().get<Organisation>('organisations', c.organisationId) : undefined);
  const find = (id: string) => {
    const l = ctx.store().get<Letter>('letters', id);
    if (!l) throw new NotFoundError('That letter');
    return l;
  };
  const detail = (letter: Letter, notes: string[] = []): LetterDetail => ({ letter, document: letterDocumentFor(ctx, letter), notes });

  return {
    'letters.create': ({ templateId, contactId, letterDate, manualReference }) =>
      lock(async () => {
        const template = templateId ? await getTemplate(templateId) : null;
        const date = letterDate ?? londonDate(ctx.clock.now());
        const { content, notes } = newLetterContent(ctx, { template, contactId, letterDate: date });
        const reference = manualReference ? references.check(manualReference) : await references.allocate();
        const now = ctx.nowIso();
        const letter: Letter = {
          ...content,
          id: ctx.newId(),
          reference,
          referenceSource: manualReference ? 'manual' : 'allocated',
          templateId,
          status: 'draft',
          sentDate: null,
          amendments: [],
          deletedAt: null,
          createdAt: now,
          updatedAt: now,
        };
        return detail(await saveRecord(ctx, 'letters', letter), notes);
      }),

    'letters.get': async ({ id }) => detail(find(id)),

    'letters.update': ({ id, content, expectedUpdatedAt }) =>
      lock(async () => {
        const old = find(id);
        if (old.deletedAt) throw new UserError('This letter is in the bin. Restore it before changing it.');
        if (expectedUpdatedAt && expectedUpdatedAt !== old.updatedAt && isFrozen(old.status)) {
          throw new UserError('This letter was changed elsewhere since you opened it. Reopen it to see the latest version.');
        }
        const changes = diffContent(contentOf(old), content);
        if (changes.length === 0) return detail(old);
        const now = ctx.nowIso();
        const amendments = isFrozen(old.status) ? [...old.amendments, { at: now, by: ctx.platform.userName(), changes }] : old.amendments;
        return detail(await saveRecord(ctx, 'letters', { ...old, ...content, amendments, updatedAt: now }));
      }),

    'letters.setStatus': ({ id, status }) =>
      lock(async () => {
        const old = find(id);
        if (old.status === status) return detail(old);
        if (!canMove(old.status, status)) {
          throw new UserError(`A letter that is ${STATUS_LABELS[old.status].toLowerCase()} cannot be marked ${STATUS_LABELS[status].toLowerCase()}.`);
        }
        const sentDate = status === 'sent' ? (old.sentDate ?? londonDate(ctx.clock.now())) : old.sentDate;
        return detail(await saveRecord(ctx, 'letters', { ...old, status, sentDate, updatedAt: ctx.nowIso() }));
      }),

    'letters.delete': ({ id }) =>
      lock(async () => {
        const old = find(id);
        if (isFrozen(old.status)) throw new UserError('A sent letter is part of the record and cannot be deleted. Close it instead.');
        return detail(await saveRecord(ctx, 'letters', { ...old, deletedAt: ctx.nowIso(), updatedAt: ctx.nowIso() }));
      }),

    'letters.restore': ({ id }) =>
      lock(async () => detail(await saveRecord(ctx, 'letters', { ...find(id), deletedAt: null, updatedAt: ctx.nowIso() }))),

    'letters.list': async (q) => queryRegister(ctx.store().all<Letter>('letters'), q, textOf),

    'letters.recipientFromContact': async ({ id }) => {
      const c = ctx.store().get<Contact>('contacts', id);
      if (!c) throw new NotFoundError('That contact');
      return recipientFromContact(c, orgOf(c));
    },
    'letters.ccFromContact': async ({ id }) => {
      const c = ctx.store().get<Contact>('contacts', id);
      if (!c) throw new NotFoundError('That contact');
      return ccFromContact(c, orgOf(c));
    },
    'letters.ccFromGroup': async ({ id }) => {
      const g = ctx.store().get<CcGroup>('ccGroups', id);
      if (!g) throw new NotFoundError('That CC group');
      return g.memberIds.flatMap((m) => {
        const c = ctx.store().get<Contact>('contacts', m);
        return c && !c.archived ? [ccFromContact(c, orgOf(c))] : [];
      });
    },

    'letters.organisations': async () =>
      [...new Set(ctx.store().all<Letter>('letters').map((l) => l.recipient.organisation).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en-GB')),
  };
}
