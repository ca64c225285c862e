import type { CcGroup, Contact, Organisation } from '../../core/addressBook/schemas';
import { NotFoundError } from '../../core/errors';
import type { Handlers } from '../../ipc/contract';
import type { ServiceContext } from '../context';
import { ccFromContact, recipientFromContact } from './newLetterContent';

/** Turning address-book records into a letter's recipient block and CC lines. */
export function addressBookBridge(ctx: ServiceContext): Pick<Handlers, 'letters.recipientFromContact' | 'letters.ccFromContact' | 'letters.ccFromGroup'> {
  const orgOf = (c: Contact) => (c.organisationId ? ctx.store().get<Organisation>('organisations', c.organisationId) : undefined);
  const contact = (id: string) => {
    const c = ctx.store().get<Contact>('contacts', id);
    if (!c) throw new NotFoundError('That contact');
    return c;
  };
  return {
    'letters.recipientFromContact': async ({ id }) => {
      const c = contact(id);
      return recipientFromContact(c, orgOf(c));
    },
    'letters.ccFromContact': async ({ id }) => {
      const c = contact(id);
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
  };
}
