import type { Contact } from '../../core/addressBook/schemas';
import { NotFoundError } from '../../core/errors';
import type { Handlers } from '../../ipc/contract';
import type { ServiceContext } from '../context';
import { ccFromContact, membersAsCc, recipientFromContact } from './newLetterContent';

/** Turning address-book records into a letter's recipient block and CC lines. */
export function addressBookBridge(ctx: ServiceContext): Pick<Handlers, 'letters.recipientFromContact' | 'letters.ccFromContact' | 'letters.ccFromGroup'> {
  const orgOf = (c: Contact) => (c.organisationId ? ctx.register().organisations.get(c.organisationId) : Promise.resolve(undefined));
  const contact = async (id: string) => {
    const c = await ctx.register().contacts.get(id);
    if (!c) throw new NotFoundError('That contact');
    return c;
  };
  return {
    'letters.recipientFromContact': async ({ id }) => {
      const c = await contact(id);
      return recipientFromContact(c, await orgOf(c));
    },
    'letters.ccFromContact': async ({ id }) => {
      const c = await contact(id);
      return ccFromContact(c, await orgOf(c));
    },
    'letters.ccFromGroup': async ({ id }) => {
      const g = await ctx.register().ccGroups.get(id);
      if (!g) throw new NotFoundError('That CC group');
      return membersAsCc(ctx, g.memberIds);
    },
  };
}
