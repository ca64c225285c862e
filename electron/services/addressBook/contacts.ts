import { NotFoundError, UserError } from '../../core/errors';
import { filterAndSort } from '../../core/addressBook/search';
import { formatFullName, suggestSalutation } from '../../core/addressBook/salutation';
import type { Contact, Organisation } from '../../core/addressBook/schemas';
import type { ContactView } from '../../core/addressBook/views';
import type { Handlers, ParsedInputOf } from '../../ipc/contract';
import type { ServiceContext } from '../context';
import { saveRecord } from './saveRecord';

type ContactHandlers = Pick<
  Handlers,
  'contacts.list' | 'contacts.get' | 'contacts.create' | 'contacts.update' | 'contacts.setArchived'
>;

export function contactView(c: Contact, org: Organisation | undefined): ContactView {
  return { ...c, fullName: formatFullName(c), organisationName: org?.name ?? '', organisationShortName: org?.shortName ?? '' };
}

export function contactHandlers(ctx: ServiceContext): ContactHandlers {
  const orgOf = (c: Contact) => (c.organisationId ? ctx.store().get<Organisation>('organisations', c.organisationId) : undefined);
  const view = (c: Contact) => contactView(c, orgOf(c));
  const find = (id: string) => {
    const c = ctx.store().get<Contact>('contacts', id);
    if (!c) throw new NotFoundError('That contact');
    return c;
  };
  const prepare = (values: ParsedInputOf<'contacts.create'>) => {
    if (values.organisationId && !ctx.store().get('organisations', values.organisationId)) {
      throw new UserError('Choose an organisation from the list.', { organisationId: 'That organisation no longer exists.' });
    }
    return { ...values, salutation: values.salutation || suggestSalutation(values) };
  };

  return {
    'contacts.list': async (q) => {
      const orgs = new Map(ctx.store().all<Organisation>('organisations').map((o) => [o.id, o]));
      const views = ctx
        .store()
        .all<Contact>('contacts')
        .filter((c) => (q.includeArchived || !c.archived) && (!q.organisationId || c.organisationId === q.organisationId))
        .map((c) => contactView(c, c.organisationId ? orgs.get(c.organisationId) : undefined));
      return filterAndSort(views, {
        query: q.query,
        text: (c) => [c.fullName, c.role, c.organisationName, c.organisationShortName, c.email, c.telephone, c.salutation].join(' '),
        sortKey: (c) =>
          ({
            familyName: `${c.familyName} ${c.givenName}`,
            givenName: `${c.givenName} ${c.familyName}`,
            organisation: `${c.organisationName} ${c.familyName}`,
            role: c.role,
            updatedAt: c.updatedAt,
          })[q.sort],
        direction: q.direction,
      });
    },
    'contacts.get': async ({ id }) => view(find(id)),
    'contacts.create': async (values) => {
      const now = ctx.nowIso();
      const record = { ...prepare(values), id: ctx.newId(), archived: false, createdAt: now, updatedAt: now };
      return view(await saveRecord(ctx, 'contacts', record));
    },
    'contacts.update': async ({ id, values }) => {
      const old = find(id);
      return view(await saveRecord(ctx, 'contacts', { ...old, ...prepare(values), updatedAt: ctx.nowIso() }));
    },
    'contacts.setArchived': async ({ id, archived }) => {
      const old = find(id);
      return view(await saveRecord(ctx, 'contacts', { ...old, archived, updatedAt: ctx.nowIso() }));
    },
  };
}
