import { ccGroupRecord, contactRecord, organisationRecord, signatoryRecord } from '../../../core/addressBook/schemas';
import type { CcGroup, Contact, Organisation, Signatory } from '../../../core/addressBook/schemas';
import { sortKey } from '../sortKey';
import type { RecordMapping } from './recordTable';

const flag = (b: boolean) => (b ? 1 : 0);

export const organisationMapping: RecordMapping<Organisation> = {
  table: 'organisations',
  recordType: 'organisation',
  label: 'organisations',
  schema: organisationRecord,
  columns: (o) => ({
    columns: { name: o.name, short_name: o.shortName, sort_name: sortKey(o.name), archived: flag(o.archived) },
    omit: ['name', 'shortName', 'archived'],
  }),
  restore: (r) => ({ name: r['name'], shortName: r['short_name'], archived: r['archived'] === 1 }),
};

export const contactMapping: RecordMapping<Contact> = {
  table: 'contacts',
  recordType: 'contact',
  label: 'contacts',
  schema: contactRecord,
  columns: (c) => ({
    columns: {
      organisation_id: c.organisationId,
      honorific: c.honorific,
      given_name: c.givenName,
      family_name: c.familyName,
      role: c.role,
      email: c.email,
      sort_name: sortKey(`${c.familyName} ${c.givenName}`),
      archived: flag(c.archived),
    },
    omit: ['organisationId', 'honorific', 'givenName', 'familyName', 'role', 'email', 'archived'],
  }),
  restore: (r) => ({
    organisationId: r['organisation_id'],
    honorific: r['honorific'],
    givenName: r['given_name'],
    familyName: r['family_name'],
    role: r['role'],
    email: r['email'],
    archived: r['archived'] === 1,
  }),
};

export const signatoryMapping: RecordMapping<Signatory> = {
  table: 'signatories',
  recordType: 'signatory',
  label: 'signatories',
  schema: signatoryRecord,
  columns: (s) => ({ columns: { name: s.name, archived: flag(s.archived) }, omit: ['name', 'archived'] }),
  restore: (r) => ({ name: r['name'], archived: r['archived'] === 1 }),
};

export const ccGroupMapping: RecordMapping<CcGroup> = {
  table: 'cc_groups',
  recordType: 'cc-group',
  label: 'ccGroups',
  schema: ccGroupRecord,
  columns: (g) => ({ columns: { name: g.name, archived: flag(g.archived) }, omit: ['name', 'archived', 'memberIds'] }),
  restore: (r) => ({ name: r['name'], archived: r['archived'] === 1 }),
  children: {
    async write(trx, g) {
      await trx.deleteFrom('cc_group_members').where('group_id', '=', g.id).execute();
      if (g.memberIds.length > 0) {
        await trx
          .insertInto('cc_group_members')
          .values(g.memberIds.map((contact_id, position) => ({ group_id: g.id, position, contact_id })))
          .execute();
      }
    },
    async read(db, ids) {
      const rows = await db.selectFrom('cc_group_members').select(['group_id', 'contact_id']).where('group_id', 'in', ids).orderBy('group_id').orderBy('position').execute();
      const out = new Map<string, { memberIds: string[] }>();
      for (const id of ids) out.set(id, { memberIds: [] });
      for (const r of rows) out.get(r.group_id)!.memberIds.push(r.contact_id);
      return out;
    },
  },
};
