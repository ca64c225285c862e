import { suggestSalutation } from '../../electron/core/addressBook/salutation';
import type { CcGroup, Contact, Organisation, Signatory } from '../../electron/core/addressBook/schemas';
import type { Random } from './random';

/**
 * A realistic address book for a borough mayor's office at the size we plan for: police commands and
 * units, oversight bodies, councils, schools and community groups; their officers, with ranks; the MPs and
 * London representatives groups. Deterministic for a given random source.
 */
const ORG_KINDS = [
  { name: (n: string) => `Metropolitan Police Service, ${n} BCU`, short: 'MPS', ranks: ['DCS', 'Ch Supt', 'Supt', 'DCI', 'Insp', 'Commander', 'DAC'] },
  { name: (n: string) => `${n} Council`, short: '', ranks: ['Cllr', 'Mr', 'Ms', 'Dr'] },
  { name: (n: string) => `${n} Academy`, short: '', ranks: ['Mr', 'Ms', 'Mrs', 'Dr'] },
  { name: (n: string) => `${n} Community Trust`, short: '', ranks: ['Mr', 'Ms', 'Rev', ''] },
  { name: (n: string) => `${n} Safeguarding Partnership`, short: '', ranks: ['Ms', 'Mr', 'Dr'] },
];
const PLACES = ['Hackney', 'Tower Hamlets', 'Islington', 'Haringey', 'Newham', 'Waltham Forest', 'Camden', 'Southwark', 'Lambeth', 'Lewisham', 'Greenwich', 'Enfield', 'Barnet', 'Brent', 'Ealing', 'Croydon', 'Bromley', 'Westminster', 'Hammersmith', 'Wandsworth'];
const QUALIFIERS = ['North', 'South', 'East', 'West', 'Central', 'Upper', 'Lower', 'Old', 'New', 'St Mary’s', 'Kingsland', 'Dalston', 'Homerton', 'Clapton', 'Stoke Newington', 'Shoreditch'];
const GIVEN = ['Jane', 'James', 'Sal', 'Emma', 'Natasha', 'Jo', 'Marcus', 'Susan', 'Philip', 'Anntoinette', 'Caroline', 'Mark', 'Amir', 'Olufemi', 'Zoë', 'Siobhán', 'Priya', 'Tomasz', 'Fatima', 'Kwame', 'Chen', 'Aisha', 'Rhys', 'Niamh'];
const FAMILY = ['Taylor', 'Conway', 'Naseem', 'Pearce', 'Plummer', 'White', 'Barnett', 'Fajana-Thomas', 'Glanville', 'Bramble', 'Connors', 'Rowley', 'Okafor', 'Nowak', 'Begum', 'Mensah', 'Li', 'Hussain', 'Evans', 'O’Brien', 'Patel', 'Kowalski', 'Adeyemi', 'Murphy'];
const ROLES = ['Borough Commander', 'Head of Engagement', 'Reviews Manager', 'Oversight Lead', 'Regional Director', 'Head Teacher', 'Chief Executive', 'Director of Children’s Services', 'Safeguarding Lead', 'Chair', 'Cabinet Member for Community Safety', 'Neighbourhood Inspector'];

export interface AddressBookFixture {
  organisations: Organisation[];
  contacts: Contact[];
  ccGroups: CcGroup[];
  signatories: Signatory[];
}

export function generateAddressBook(rnd: Random, size = { organisations: 300, contacts: 5000, ccGroups: 50 }, now = new Date('2026-01-05T09:00:00Z')): AddressBookFixture {
  const ts = now.toISOString();
  const meta = (id: string) => ({ id, archived: false, createdAt: ts, updatedAt: ts });
  const kinds: (typeof ORG_KINDS)[number][] = [];
  const organisations: Organisation[] = Array.from({ length: size.organisations }, (_, i) => {
    const kind = rnd.pick(ORG_KINDS);
    kinds.push(kind);
    const place = `${rnd.pick(QUALIFIERS)} ${rnd.pick(PLACES)}`;
    return {
      ...meta(`org-${i}`),
      name: `${kind.name(place)} ${i}`,
      shortName: kind.short,
      addressLines: [`${rnd.int(1, 240)} ${rnd.pick(['High Street', 'Mare Street', 'Cresset Road', 'Victoria Embankment'])}`, 'London', `E${rnd.int(1, 20)} ${rnd.int(1, 9)}AB`],
      email: `office${i}@example.gov.uk`,
      telephone: `020 ${rnd.int(7000, 8999)} ${rnd.int(1000, 9999)}`,
    };
  });
  const contacts: Contact[] = Array.from({ length: size.contacts }, (_, i) => {
    const orgIndex = rnd.int(0, organisations.length - 1);
    const org = organisations[orgIndex]!;
    const honorific = rnd.pick(kinds[orgIndex]!.ranks);
    const givenName = rnd.pick(GIVEN);
    const familyName = rnd.pick(FAMILY);
    return {
      ...meta(`contact-${i}`),
      honorific,
      givenName,
      familyName,
      postNominals: rnd.next() < 0.05 ? rnd.pick(['OBE', 'QPM', 'MBE']) : '',
      role: rnd.pick(ROLES),
      organisationId: org.id,
      addressLines: org.addressLines,
      email: `${givenName}.${familyName}.${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + '@example.gov.uk',
      telephone: '',
      salutation: suggestSalutation({ honorific, givenName, familyName }),
    };
  });
  const ccGroups: CcGroup[] = Array.from({ length: size.ccGroups }, (_, i) => {
    const members = new Set<string>();
    const count = rnd.int(5, 20);
    while (members.size < count) members.add(`contact-${rnd.int(0, contacts.length - 1)}`);
    return { ...meta(`group-${i}`), name: `${rnd.pick(PLACES)} representatives ${i}`, description: '', memberIds: [...members] };
  });
  const signatories: Signatory[] = [
    { ...meta('sig-mayor'), honorific: '', name: 'Philip Glanville', titleLines: ['Mayor of Hackney'], signatureImage: null, email: '', telephone: '' },
    { ...meta('sig-deputy'), honorific: 'Cllr', name: 'Anntoinette Bramble', titleLines: ['Deputy Mayor of Hackney and', 'Cabinet Member for Education, Young People and Children’s Social Care'], signatureImage: null, email: '', telephone: '' },
    { ...meta('sig-safety'), honorific: 'Cllr', name: 'Susan Fajana-Thomas', titleLines: ['Cabinet Member for Community Safety and Regulatory Services'], signatureImage: null, email: '', telephone: '' },
  ];
  return { organisations, contacts, ccGroups, signatories };
}
