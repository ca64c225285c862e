import { NotFoundError, UserError } from '../../core/errors';
import { filterAndSort } from '../../core/addressBook/search';
import type { CcGroup } from '../../core/addressBook/schemas';
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
  const view = async (g: CcGroup): Promise<CcGroupView> => {
    const contacts = await ctx.register().contacts.getMany(g.memberIds);
    const orgs = await ctx.register().organisations.getMany([...contacts.values()].flatMap((c) => (c.organisationId ? [c.organisationId] : [])));
    const members = g.memberIds.flatMap((id) => {
      const c = contacts.get(id);
      if (!c) return [];
      const v = contactView(c, c.organisationId ? orgs.get(c.organisationId) : undefined);
      return [{ id: v.id, fullName: v.fullName, role: v.role, organisationShortName: v.organisationShortName || v.organisationName, archived: v.archived }];
    });
    return { ...g, members };
  };
  const find = async (id: string) => {
    const g = await ctx.register().ccGroups.get(id);
    if (!g) throw new NotFoundError('That CC group');
    return g;
  };
  const checkMembers = async (values: ParsedInputOf<'ccGroups.create'>) => {
    const found = await ctx.register().contacts.getMany(values.memberIds);
    const missing = values.memberIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new UserError('Some of the people chosen are no longer in the address book.', { memberIds: `${missing.length} not found.` });
    }
    return values;
  };

  return {
    'ccGroups.list': async (q) =>
      Promise.all(
        filterAndSort(await ctx.register().ccGroups.list(q.includeArchived), {
          query: q.query,
          text: (g) => [g.name, g.description].join(' '),
          sortKey: (g) => (q.sort === 'updatedAt' ? g.updatedAt : g.name),
          direction: q.direction,
        }).map(view),
      ),
    'ccGroups.get': async ({ id }) => view(await find(id)),
    'ccGroups.create': async (values) => {
      const now = ctx.nowIso();
      return view(await saveRecord(ctx, 'ccGroups', { ...(await checkMembers(values)), id: ctx.newId(), archived: false, createdAt: now, updatedAt: now }, 'create'));
    },
    'ccGroups.update': async ({ id, values }) =>
      view(await saveRecord(ctx, 'ccGroups', { ...(await find(id)), ...(await checkMembers(values)), updatedAt: ctx.nowIso() })),
    'ccGroups.setArchived': async ({ id, archived }) =>
      view(await saveRecord(ctx, 'ccGroups', { ...(await find(id)), archived, updatedAt: ctx.nowIso() }, archived ? 'archive' : 'unarchive')),
  };
}
