import { NotFoundError, UserError } from '../../core/errors';
import { filterAndSort } from '../../core/addressBook/search';
import type { CcGroup, Contact, Organisation } from '../../core/addressBook/schemas';
import type { CcGroupView } from '../../core/addressBook/views';
import type { Handlers, ParsedInputOf } from '../../ipc/contract';
import type { ServiceContext } from '../context';
import { contactView } from './contacts';
import { saveRecord } from './saveRecord';

type CcGroupHandlers = Pick<
  Handlers,
  'ccGroups.list' | 'ccGroups.get' | 'ccGroups.create' | 'ccGroups.update' | 'ccGroups.setArchived'
>;

export function ccGroupHandlers(ctx: ServiceContext): CcGroupHandlers {
  const view = (g: CcGroup): CcGroupView => {
    const store = ctx.store();
    const members = g.memberIds.flatMap((id) => {
      const c = store.get<Contact>('contacts', id);
      if (!c) return [];
      const v = contactView(c, c.organisationId ? store.get<Organisation>('organisations', c.organisationId) : undefined);
      return [{ id: v.id, fullName: v.fullName, role: v.role, organisationShortName: v.organisationShortName || v.organisationName, archived: v.archived }];
    });
    return { ...g, members };
  };
  const find = (id: string) => {
    const g = ctx.store().get<CcGroup>('ccGroups', id);
    if (!g) throw new NotFoundError('That CC group');
    return g;
  };
  const checkMembers = (values: ParsedInputOf<'ccGroups.create'>) => {
    const missing = values.memberIds.filter((id) => !ctx.store().get('contacts', id));
    if (missing.length > 0) {
      throw new UserError('Some of the people chosen are no longer in the address book.', { memberIds: `${missing.length} not found.` });
    }
    return values;
  };

  return {
    'ccGroups.list': async (q) =>
      filterAndSort(
        ctx.store().all<CcGroup>('ccGroups').filter((g) => q.includeArchived || !g.archived),
        {
          query: q.query,
          text: (g) => [g.name, g.description].join(' '),
          sortKey: (g) => (q.sort === 'updatedAt' ? g.updatedAt : g.name),
          direction: q.direction,
        },
      ).map(view),
    'ccGroups.get': async ({ id }) => view(find(id)),
    'ccGroups.create': async (values) => {
      const now = ctx.nowIso();
      return view(await saveRecord(ctx, 'ccGroups', { ...checkMembers(values), id: ctx.newId(), archived: false, createdAt: now, updatedAt: now }));
    },
    'ccGroups.update': async ({ id, values }) =>
      view(await saveRecord(ctx, 'ccGroups', { ...find(id), ...checkMembers(values), updatedAt: ctx.nowIso() })),
    'ccGroups.setArchived': async ({ id, archived }) =>
      view(await saveRecord(ctx, 'ccGroups', { ...find(id), archived, updatedAt: ctx.nowIso() })),
  };
}
