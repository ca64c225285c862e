import type { Page } from '@playwright/test';
import type { ResultOf } from '../../electron/ipc/contract';
import { pngDataUrl, signaturePng } from '../../test/unit/export/png';
import { api } from '../../test/e2e/harness/seed';

// The fidelity check's data is entered the way an officer's would be, through the running window's API.
export { api };

export interface FidelityLetters {
  long: { id: string; reference: string };
  short: { id: string; reference: string };
}

export async function seedFidelityLetters(page: Page): Promise<FidelityLetters> {
  await api(page, 'settings.saveOffice', {
    officeName: 'Office of the Mayor of Hackney',
    addressLines: ['Hackney Town Hall', 'Mare Street', 'London E8 1EA'],
    email: 'mayor@hackney.gov.uk',
    telephone: '020 8356 3000',
    referencePrefix: 'MCO',
  });
  const mps = await api(page, 'organisations.create', { name: 'Metropolitan Police Service', shortName: 'MPS', addressLines: ['New Scotland Yard', 'Victoria Embankment', 'London SW1A 2JL'] });
  const gla = await api(page, 'organisations.create', { name: 'Greater London Authority', shortName: 'GLA', addressLines: ['City Hall', 'Kamal Chunchie Way', 'London E16 1ZE'] });
  const taylor = await api(page, 'contacts.create', { honorific: 'DAC', givenName: 'Jane', familyName: 'Taylor', postNominals: 'QPM', role: 'Deputy Assistant Commissioner', organisationId: mps.id, salutation: 'Dear DAC Taylor' });
  const copied = await Promise.all(
    [
      { honorific: 'Sir', givenName: 'Sadiq', familyName: 'Khan', role: 'Mayor of London', organisationId: gla.id },
      { honorific: 'Ms', givenName: 'Sophie', familyName: 'Linden', role: 'Deputy Mayor for Policing and Crime', organisationId: gla.id },
      { honorific: 'Ms', givenName: 'Diane', familyName: 'Abbott', postNominals: 'MP', role: 'Member of Parliament for Hackney North and Stoke Newington' },
      { honorific: 'Dame', givenName: 'Meg', familyName: 'Hillier', postNominals: 'MP', role: 'Member of Parliament for Hackney South and Shoreditch' },
    ].map((c) => api(page, 'contacts.create', c)),
  );
  await api(page, 'ccGroups.create', { name: 'Hackney MPs and London representatives', memberIds: copied.map((c) => c.id) });
  const signatories: ResultOf<'signatories.create'>[] = [];
  for (const s of [
    { name: 'Philip Glanville', titleLines: ['Mayor of Hackney'], signatureImage: pngDataUrl(signaturePng()) },
    { name: 'Anntoinette Bramble', titleLines: ['Deputy Mayor of Hackney and', 'Cabinet Member for Education, Young People and Children’s Social Care'] },
    { name: 'Susan Fajana-Thomas', titleLines: ['Cabinet Member for Community Safety'] },
    { name: 'Mark Carroll', titleLines: ['Chief Executive'] },
  ]) {
    signatories.push(await api(page, 'signatories.create', s));
  }
  const asSignatory = (s: (typeof signatories)[number]) => ({ signatoryId: s.id, name: s.name, titleLines: s.titleLines });

  // The long letter: the safeguarding template (which suggests the first two signatories and the CC group),
  // with all four signing.
  const long = await api(page, 'letters.create', { templateId: 'safeguarding-action-plan', contactId: taylor.id, letterDate: '2022-03-17' });
  await api(page, 'letters.update', { id: long.letter.id, content: { ...long.letter, signatories: signatories.map(asSignatory) } });

  const short = await api(page, 'letters.create', { contactId: taylor.id, letterDate: '2022-04-04' });
  await api(page, 'letters.update', {
    id: short.letter.id,
    content: {
      ...short.letter,
      subject: 'Thank you for meeting us',
      body: [
        { type: 'paragraph', runs: [{ text: 'Thank you for meeting us on ' }, { text: '1 April 2022', bold: true }, { text: ' to discuss the action plan.' }] },
        { type: 'paragraph', runs: [{ text: 'We look forward to receiving the published plan, as agreed, and to meeting again in the summer.' }] },
      ],
      signatories: [asSignatory(signatories[0]!)],
      cc: [],
    },
  });
  return { long: { id: long.letter.id, reference: long.letter.reference }, short: { id: short.letter.id, reference: short.letter.reference } };
}
