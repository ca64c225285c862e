import { NotFoundError } from '../../core/errors';
import { filterAndSort } from '../../core/addressBook/search';
import type { Contact, Organisation } from '../../core/addressBook/schemas';
import type { OrganisationView } from '../../core/addressBook/views';
import type { Handlers } from '../../ipc/contract';
import type { ServiceContext } from '../context';
import { saveRecord } from './saveRecord';

type OrganisationHandlers = Pick<
  Handlers,
  'organisations.list' | 'organisations.get' | 'organisations.create' | 'organisations.update' | 'organisations.setArchived'
>;

export function organisationHandlers(ctx: ServiceContext): OrganisationHandlers {
  const view = (o: Organisation): OrganisationView => {
    const contactCount = ctx
      .store()
      .all<Contact>('contacts')
      .filter((c) => c.organisationId === o.id && !c.archived).length;
    return { ...o, contactCount };
  };
  const find = (id: string) => {
    const o = ctx.store().get<Organisation>('organisations', id);
    if (!o) throw new NotFoundError('That organisation');
    return o;
  };
  const counts = () => {
    const byOrg = new Map<string, number>();
    for (const c of ctx.store().all<Contact>('contacts')) {
      if (c.organisationId && !c.archived) byOrg.set(c.organisationId, (byOrg.get(c.organisationId) ?? 0) + 1);
    }
    return byOrg;
  };

  return {
    'organisations.list': async (q) => {
      const all = ctx.store().all<Organisation>('organisations').filter((o) => q.includeArchived || !o.archived);
      const byOrg = counts();
      const rows = filterAndSort(all, {
        query: q.query,
        text: (o) => [o.name, o.shortName, ...o.addressLines, o.email].join(' '),
        sortKey: (o) => (q.sort === 'shortName' ? o.shortName || o.name : q.sort === 'updatedAt' ? o.updatedAt : o.name),
        direction: q.direction,
      });
      return rows.map((o) => ({ ...o, contactCount: byOrg.get(o.id) ?? 0 }));
    },
    'organisations.get': async ({ id }) => view(find(id)),
    'organisations.create': async (values) => {
      const now = ctx.nowIso();
      return view(await saveRecord(ctx, 'organisations', { ...values, id: ctx.newId(), archived: false, createdAt: now, updatedAt: now }));
    },
    'organisations.update': async ({ id, values }) => {
      const old = find(id);
      return view(await saveRecord(ctx, 'organisations', { ...old, ...values, updatedAt: ctx.nowIso() }));
    },
    'organisations.setArchived': async ({ id, archived }) => {
      const old = find(id);
      return view(await saveRecord(ctx, 'organisations', { ...old, archived, updatedAt: ctx.nowIso() }));
    },
  };
}
