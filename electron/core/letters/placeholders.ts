/**
 * Every placeholder a template or a letter body may use, with what it becomes. A template that uses any
 * other `{{name}}` is reported (file and line) rather than producing a letter with a hole in it.
 */
export const PLACEHOLDERS = {
  'recipient.fullName': 'The recipient’s full name with rank, e.g. DAC Jane Taylor QPM',
  'recipient.rank': 'The recipient’s rank or honorific, e.g. DAC',
  'recipient.givenName': 'The recipient’s given name',
  'recipient.familyName': 'The recipient’s family name',
  'recipient.salutation': 'How the letter opens, e.g. Dear DAC Taylor',
  'recipient.role': 'The recipient’s role, e.g. Deputy Assistant Commissioner',
  'recipient.organisation': 'The recipient’s organisation, e.g. Metropolitan Police Service',
  'recipient.organisationShort': 'The organisation’s short name, e.g. MPS',
  'letter.date': 'The letter’s date, e.g. 17 March 2022',
  'letter.reference': 'The letter’s reference, e.g. MCO220317-02',
  'letter.subject': 'The letter’s subject',
  'deadline.date': 'The date a reply is asked for, e.g. 31 March 2022',
  'office.name': 'The office’s name from settings',
  'office.email': 'The office’s email address',
  'office.telephone': 'The office’s telephone number',
  'original.reference': 'For a follow-up: the reference of the letter it follows',
  'original.date': 'For a follow-up: the date of the letter it follows',
  'original.subject': 'For a follow-up: the subject of the letter it follows',
  'commitments.list': 'The commitments the letter asks for, as a bulleted list (on a line of its own)',
  'commitments.outstanding': 'For a chaser: the commitments still outstanding, as a bulleted list (on a line of its own)',
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

/** Placeholders that stand for a list and must be alone in their paragraph. */
export const LIST_PLACEHOLDERS: ReadonlySet<PlaceholderName> = new Set(['commitments.list', 'commitments.outstanding']);

export const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z][A-Za-z0-9.]*)\s*\}\}/g;

export const isPlaceholderName = (name: string): name is PlaceholderName => Object.hasOwn(PLACEHOLDERS, name);
