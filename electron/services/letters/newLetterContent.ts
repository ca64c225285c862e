import { formatFullName } from '../../core/addressBook/salutation';
import type { Contact, Organisation } from '../../core/addressBook/schemas';
import type { IsoDate } from '../../core/dates/londonDate';
import type { CcEntry, LetterContent, Recipient } from '../../core/letters/letterSchema';
import type { LetterTemplate } from '../../core/templates/types';
import { matchesSignatoryName, signatoryDisplayName } from '../../core/addressBook/signatoryName';
import type { ServiceContext } from '../context';

/** The recipient block for a contact, copied so the letter keeps it even if the contact changes later. */
export function recipientFromContact(c: Contact, org: Organisation | undefined): Recipient {
  return {
    contactId: c.id,
    rank: c.honorific,
    givenName: c.givenName,
    familyName: c.familyName,
    fullName: formatFullName(c),
    role: c.role,
    organisation: org?.name ?? '',
    organisationShort: org?.shortName ?? '',
    addressLines: c.addressLines.length > 0 ? c.addressLines : (org?.addressLines ?? []),
    salutation: c.salutation,
  };
}

export function ccFromContact(c: Contact, org: Organisation | undefined): CcEntry {
  return { contactId: c.id, name: formatFullName(c), role: c.role, organisation: org?.shortName || org?.name || '' };
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A new letter's content: the template's subject, body, closing, deadline rule and commitments; its
 * suggested signatories and CC group looked up by name in the address book (a suggestion that matches no one
 * is reported, not guessed); and the chosen recipient.
 */
/** A CC group's members who are still in the address book, as CC lines, in the group's order. */
export async function membersAsCc(ctx: ServiceContext, memberIds: readonly string[]): Promise<CcEntry[]> {
  const contacts = await ctx.register().contacts.getMany(memberIds);
  const orgs = await ctx.register().organisations.getMany([...contacts.values()].flatMap((c) => (c.organisationId ? [c.organisationId] : [])));
  return memberIds.flatMap((id) => {
    const c = contacts.get(id);
    return c && !c.archived ? [ccFromContact(c, c.organisationId ? orgs.get(c.organisationId) : undefined)] : [];
  });
}

export async function newLetterContent(
  ctx: ServiceContext,
  opts: { template: LetterTemplate | null; contactId: string | null; letterDate: IsoDate },
): Promise<{ content: LetterContent }> {
  const register = ctx.register();
  const contact = opts.contactId ? await register.contacts.get(opts.contactId) : undefined;
  const contactOrg = contact?.organisationId ? await register.organisations.get(contact.organisationId) : undefined;
  const t = opts.template;

  const missingSignatories: string[] = [];
  const activeSignatories = t?.signatories.length ? await register.signatories.list(false) : [];
  const signatories = (t?.signatories ?? []).flatMap((name) => {
    const s = activeSignatories.find((x) => matchesSignatoryName(name, x));
    if (!s) missingSignatories.push(name);
    return s ? [{ signatoryId: s.id, name: signatoryDisplayName(s), titleLines: [...s.titleLines] }] : [];
  });

  let cc: CcEntry[] = [];
  let missingCcGroup: string | null = null;
  if (t?.ccGroup) {
    const group = (await register.ccGroups.list(false)).find((g) => sameName(g.name, t.ccGroup!));
    if (!group) missingCcGroup = t.ccGroup;
    cc = await membersAsCc(ctx, group?.memberIds ?? []);
  }

  const recipient: Recipient = contact
    ? recipientFromContact(contact, contactOrg)
    : { contactId: null, rank: '', givenName: '', familyName: '', fullName: '', role: '', organisation: '', organisationShort: '', addressLines: [], salutation: '' };

  return {
    content: {
      letterDate: opts.letterDate,
      recipient,
      subject: t?.subject ?? '',
      body: t?.body ?? [],
      closing: t?.closing || 'Yours sincerely',
      signatories,
      cc,
      deadlineRule: t?.deadline ?? null,
      deadlineManualDate: null,
      signByDate: null,
      commitments: (t?.commitments ?? []).map((text) => ({ id: ctx.newId(), text, organisation: recipient.organisation, dueDate: null, tags: [] })),
      templateGaps: { signatories: missingSignatories, ccGroup: missingCcGroup },
    },
  };
}
