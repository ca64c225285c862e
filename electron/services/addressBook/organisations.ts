import { NotFoundError } from '../../core/errors';
import { filterAndSort } from '../../core/addressBook/search';
import type { Organisation } from '../../core/addressBook/schemas';
import type { OrganisationView } from '../../core/addressBook/views';
import type { Handlers } from '../../ipc/contract';
import type { ServiceContext } from '../context';
import { saveRecord } from './saveRecord';

type OrganisationHandlers = Pick<
  Handlers,
  'organisations.list' | 'organisations.get' | 'organisations.create' | 'organisations.update' | 'organisations.setArchived'
>;

export function organisationHandlers(ctx: ServiceContext): OrganisationHandlers {
  const view = async (o: Organisation): Promise<OrganisationView> => {
    const counts = await ctx.register().organisations.activeContactCounts([o.id]);
    return { ...o, contactCount: counts.get(o.id) ?? 0 };
  };
  const find = async (id: string) => {
    const o = await ctx.register().organisations.get(id);
    if (!o) throw new NotFoundError('That organisation');
    return o;
  };

  return {
    'organisations.list': async (q) => {
      const all = await ctx.register().organisations.list(q.includeArchived);
      const byOrg = await ctx.register().organisations.activeContactCounts();
      const rows = filterAndSort(all, {
        query: q.query,
        text: (o) => [o.name, o.shortName, ...o.addressLines, o.email].join(' '),
        sortKey: (o) => (q.sort === 'shortName' ? o.shortName || o.name : q.sort === 'updatedAt' ? o.updatedAt : o.name),
        direction: q.direction,
      });
      return rows.map((o) => ({ ...o, contactCount: byOrg.get(o.id) ?? 0 }));
    },
    'organisations.get': async ({ id }) => view(await find(id)),
    'organisations.create': async (values) => {
      const now = ctx.nowIso();
      return view(await saveRecord(ctx, 'organisations', { ...values, id: ctx.newId(), archived: false, createdAt: now, updatedAt: now }, 'create'));
    },
    'organisations.update': async ({ id, values }) => {
      const old = await find(id);
      return view(await saveRecord(ctx, 'organisations', { ...old, ...values, updatedAt: ctx.nowIso() }));
    },
    'organisations.setArchived': async ({ id, archived }) => {
      const old = await find(id);
      return view(await saveRecord(ctx, 'organisations', { ...old, archived, updatedAt: ctx.nowIso() }, archived ? 'archive' : 'unarchive'));
    },
  };
}
