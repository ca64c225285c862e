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
  const orgOf = (c: Contact) => (c.organisationId ? ctx.register().organisations.get(c.organisationId) : Promise.resolve(undefined));
  const view = async (c: Contact) => contactView(c, await orgOf(c));
  const find = async (id: string) => {
    const c = await ctx.register().contacts.get(id);
    if (!c) throw new NotFoundError('That contact');
    return c;
  };
  const prepare = async (values: ParsedInputOf<'contacts.create'>) => {
    if (values.organisationId && !(await ctx.register().organisations.get(values.organisationId))) {
      throw new UserError('Choose an organisation from the list.', { organisationId: 'That organisation no longer exists.' });
    }
    return { ...values, salutation: values.salutation || suggestSalutation(values) };
  };

  return {
    'contacts.list': async (q) => {
      const contacts = await ctx.register().contacts.list({ includeArchived: q.includeArchived, organisationId: q.organisationId });
      const orgs = await ctx.register().organisations.getMany(contacts.flatMap((c) => (c.organisationId ? [c.organisationId] : [])));
      const views = contacts.map((c) => contactView(c, c.organisationId ? orgs.get(c.organisationId) : undefined));
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
    'contacts.get': async ({ id }) => view(await find(id)),
    'contacts.create': async (values) => {
      const now = ctx.nowIso();
      const record = { ...(await prepare(values)), id: ctx.newId(), archived: false, createdAt: now, updatedAt: now };
      return view(await saveRecord(ctx, 'contacts', record, 'create'));
    },
    'contacts.update': async ({ id, values }) => {
      const old = await find(id);
      return view(await saveRecord(ctx, 'contacts', { ...old, ...(await prepare(values)), updatedAt: ctx.nowIso() }));
    },
    'contacts.setArchived': async ({ id, archived }) => {
      const old = await find(id);
      return view(await saveRecord(ctx, 'contacts', { ...old, archived, updatedAt: ctx.nowIso() }, archived ? 'archive' : 'unarchive'));
    },
  };
}
