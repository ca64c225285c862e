import type { Page } from '@playwright/test';
import type { InputOf, MethodName, ResultOf } from '../../../electron/ipc/contract';
import type { LetterContentInput } from '../../../electron/core/letters/letterSchema';
import type { Result } from '../../../electron/ipc/result';

/**
 * Set-up for the end-to-end specs, entered the way an officer's data would be: through `window.desk` in the
 * running window (the same API object the preload installs), never written into the store behind its back.
 */
export async function api<M extends MethodName>(page: Page, method: M, input: InputOf<M>): Promise<ResultOf<M>> {
  const r = await page.evaluate(([m, i]) => (window.desk[m] as (x: unknown) => Promise<Result<unknown>>)(i), [method, input] as const);
  if (!r.ok) throw new Error(`${method} failed: ${r.error}`);
  return r.value as ResultOf<M>;
}

export const OFFICE = {
  officeName: 'Office of the Mayor of Hackney',
  addressLines: ['Hackney Town Hall', 'Mare Street', 'London E8 1EA'],
  email: 'mayor@hackney.gov.uk',
  telephone: '020 8356 3000',
  referencePrefix: 'MCO',
};

/** The office, the MPS with DAC Jane Taylor, and the Mayor as the one signatory. */
export async function seedAddressBook(page: Page, opts: { mayorHonorific?: string } = {}) {
  await api(page, 'settings.saveOffice', OFFICE);
  const mps = await api(page, 'organisations.create', { name: 'Metropolitan Police Service', shortName: 'MPS' });
  const taylor = await api(page, 'contacts.create', { honorific: 'DAC', givenName: 'Jane', familyName: 'Taylor', role: 'Deputy Assistant Commissioner', organisationId: mps.id, salutation: 'Dear DAC Taylor' });
  const mayor = await api(page, 'signatories.create', { honorific: opts.mayorHonorific ?? '', name: 'Philip Glanville', titleLines: ['Mayor of Hackney'] });
  return { mps, taylor, mayor };
}
export type SeededPeople = Awaited<ReturnType<typeof seedAddressBook>>;

/**
 * A letter to DAC Taylor that passes the pre-send check (subject, body, the Mayor as signatory, a 14-day
 * deadline, one commitment), with any of its content changed.
 */
export async function completeLetter(page: Page, people: SeededPeople, opts: { letterDate?: string; content?: Partial<LetterContentInput> } = {}) {
  const { letter } = await api(page, 'letters.create', { contactId: people.taylor.id, ...(opts.letterDate && { letterDate: opts.letterDate }) });
  const name = [people.mayor.honorific, people.mayor.name].filter(Boolean).join(' ');
  return api(page, 'letters.update', {
    id: letter.id,
    content: {
      ...letter,
      subject: 'Safeguarding review',
      body: [{ type: 'paragraph', runs: [{ text: 'We ask for a written action plan within the next fortnight.' }] }],
      signatories: [{ signatoryId: people.mayor.id, name, titleLines: people.mayor.titleLines }],
      deadlineRule: { kind: 'calendar', days: 14 },
      commitments: [{ id: 'c1', text: 'A written action plan' }],
      ...opts.content,
    },
  });
}

/** Signed by the Mayor and marked as sent by email on the given day. */
export async function sendLetter(page: Page, people: SeededPeople, id: string, date: string) {
  await api(page, 'signoff.record', { letterId: id, signatoryId: people.mayor.id, entry: { state: 'signed', date, method: 'paper' } });
  return api(page, 'letters.markSent', { id, date, method: 'email' });
}

/** The window cached its lists before a set-up that bypassed it: start afresh, as after a restart. */
export async function reopen(page: Page) {
  await page.reload();
  await page.locator('[data-app-state="ready"]').waitFor();
}
