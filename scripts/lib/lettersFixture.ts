import { UNSENT_LETTER_STATE } from '../../electron/core/letters/letterDefaults';
import type { Letter, LetterStatus } from '../../electron/core/letters/letterSchema';
import type { AddressBookFixture } from './addressBookFixture';
import type { Random } from './random';

const SUBJECTS = [
  'Safeguarding review: a written action plan and assurances',
  'Complaints handling, accountability and culture change',
  'Community representation and access to stop and search data',
  'Written answers before the Living in Hackney Scrutiny Commission',
  'Reminder: our letter about the safeguarding review',
  'Thank you for your reply and confirming our meeting',
];
const PARAGRAPHS = [
  'We are writing following the publication of the Local Child Safeguarding Practice Review. Its findings are deeply troubling and have shaken the confidence of parents, pupils and the wider community.',
  'We are therefore asking you to set out, in writing and in public, how you will respond to every recommendation of the review, by whom and by when.',
  'Residents have told us, repeatedly, that they feel over-policed and under-protected. Trust will be rebuilt only by action that residents can see.',
  'We would be grateful for your response within the next fortnight, and for a meeting with us to discuss the plan and how its delivery will be reported to the community.',
  'The Living in Hackney Scrutiny Commission will consider trust and confidence in policing at its next meeting, and has asked for written answers in advance.',
];
const STATUSES: LetterStatus[] = ['draft', 'awaiting-signature', 'sent', 'sent', 'sent', 'closed'];

/** A register of letters at the size a busy office reaches over years, addressed to the fixture's contacts. */
export function generateLetters(rnd: Random, book: AddressBookFixture, count: number): Letter[] {
  const start = Date.UTC(2019, 0, 1);
  const orgs = new Map(book.organisations.map((o) => [o.id, o]));
  const perDay = new Map<string, number>();
  const letters: Letter[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor((i / count) * 7 * 365) * 86_400_000).toISOString().slice(0, 10);
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const c = book.contacts[rnd.int(0, book.contacts.length - 1)]!;
    const org = c.organisationId ? orgs.get(c.organisationId) : undefined;
    const status = rnd.pick(STATUSES);
    letters.push({
      ...UNSENT_LETTER_STATE,
      id: `letter-${i}`,
      reference: `MCO${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(2, '0')}`,
      referenceSource: 'allocated',
      templateId: null,
      status,
      letterDate: day,
      recipient: {
        contactId: c.id,
        rank: c.honorific,
        givenName: c.givenName,
        familyName: c.familyName,
        fullName: `${c.honorific} ${c.givenName} ${c.familyName}`.trim(),
        role: c.role,
        organisation: org?.name ?? '',
        organisationShort: org?.shortName ?? '',
        addressLines: c.addressLines,
        salutation: c.salutation,
      },
      subject: `${rnd.pick(SUBJECTS)} (${i})`,
      body: Array.from({ length: rnd.int(3, 6) }, () => ({ type: 'paragraph' as const, runs: [{ text: rnd.pick(PARAGRAPHS) }] })),
      closing: 'Yours sincerely',
      signatories: book.signatories.slice(0, rnd.int(1, 3)).map((s) => ({ signatoryId: s.id, name: s.name, titleLines: s.titleLines })),
      cc: [],
      deadlineRule: { kind: 'calendar', days: 14 },
      deadlineDate: null,
      threadId: `letter-${i}`,
      commitments: [],
      sentDate: status === 'sent' || status === 'closed' ? day : null,
      createdAt: `${day}T09:00:00.000Z`,
      updatedAt: `${day}T09:00:00.000Z`,
    });
  }
  return letters;
}
