import type { CcGroup, Contact, Organisation, Signatory } from './schemas';

/** What lists and forms receive: the stored record plus what the renderer would otherwise have to join. */
export type OrganisationView = Organisation & { contactCount: number };
export type ContactView = Contact & { fullName: string; organisationName: string; organisationShortName: string };
export type SignatoryView = Signatory;
export interface CcMember {
  id: string;
  fullName: string;
  role: string;
  organisationShortName: string;
  archived: boolean;
}
export type CcGroupView = CcGroup & { members: CcMember[] };
