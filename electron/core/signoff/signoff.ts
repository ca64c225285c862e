import { z } from 'zod';
import { id, isoTimestamp, optionalLine } from '../addressBook/fields';
import { isoDate } from '../letters/isoDate';

/**
 * Who has signed a letter. Each signatory is awaiting, has signed (on paper or by approving an email: both
 * are recorded the same way, with the date), or has declined with a comment. A letter is ready to send when
 * every signatory has signed; sending before that needs a reason, which is kept.
 */
export const SIGN_METHODS = ['paper', 'email'] as const;
export const SEND_METHODS = ['email', 'post', 'hand'] as const;
export const SEND_METHOD_LABELS: Record<(typeof SEND_METHODS)[number], string> = { email: 'Email', post: 'Post', hand: 'By hand' };

export const signoffSchema = z.discriminatedUnion('state', [
  z.object({ signatoryId: id, state: z.literal('signed'), date: isoDate, method: z.enum(SIGN_METHODS), at: isoTimestamp, by: z.string().max(200) }),
  z.object({ signatoryId: id, state: z.literal('declined'), comment: optionalLine('Comment', 1000), at: isoTimestamp, by: z.string().max(200) }),
]);
export type Signoff = z.output<typeof signoffSchema>;

export const sendRecordSchema = z.object({
  method: z.enum(SEND_METHODS),
  /** Set when the officer sent the letter before everyone had signed, and why. */
  override: z.object({ reason: z.string().min(1).max(1000), unsigned: z.array(z.string()) }).nullable().default(null),
  at: isoTimestamp,
  by: z.string().max(200),
});
export type SendRecord = z.output<typeof sendRecordSchema>;

export type SignState = 'awaiting' | 'signed' | 'declined';

interface Signable {
  signatories: { signatoryId: string; name: string }[];
  signoffs: Signoff[];
}

/** Each signatory of the letter, in order, with where they stand. A signatory removed from the letter drops out. */
export function signoffStates(letter: Signable): { signatoryId: string; name: string; state: SignState; signoff: Signoff | null }[] {
  const latest = new Map(letter.signoffs.map((s) => [s.signatoryId, s]));
  return letter.signatories.map((s) => {
    const signoff = latest.get(s.signatoryId) ?? null;
    return { signatoryId: s.signatoryId, name: s.name, state: signoff?.state ?? 'awaiting', signoff };
  });
}

export function unsignedNames(letter: Signable): string[] {
  return signoffStates(letter).filter((s) => s.state !== 'signed').map((s) => s.name);
}

export const readyToSend = (letter: Signable) => unsignedNames(letter).length === 0;

export function signoffSummary(letter: Signable): string {
  return summariseSignStates(signoffStates(letter).map((s) => s.state));
}

/** "2 of 4 signed" from each signatory's state in order: the register reads these without the letter. */
export function summariseSignStates(states: readonly SignState[]): string {
  if (states.length === 0) return 'No signatories';
  const signed = states.filter((s) => s === 'signed').length;
  const declined = states.filter((s) => s === 'declined').length;
  return `${signed} of ${states.length} signed${declined ? `, ${declined} declined` : ''}`;
}

/** Record a signature or a refusal, replacing that signatory's earlier entry. */
export function withSignoff<T extends Signable>(letter: T, signoff: Signoff): T {
  if (!letter.signatories.some((s) => s.signatoryId === signoff.signatoryId)) throw new SignoffError('That person is not a signatory of this letter.');
  return { ...letter, signoffs: [...letter.signoffs.filter((s) => s.signatoryId !== signoff.signatoryId), signoff] };
}

export function withoutSignoff<T extends Signable>(letter: T, signatoryId: string): T {
  return { ...letter, signoffs: letter.signoffs.filter((s) => s.signatoryId !== signatoryId) };
}

/**
 * Check a "Mark as sent": refused while anyone has not signed, unless the officer gives a reason, which is
 * then recorded with the names of those who had not signed.
 */
export function checkSend(letter: Signable, overrideReason: string | null): { override: SendRecord['override'] } {
  const unsigned = unsignedNames(letter);
  if (unsigned.length === 0) return { override: null };
  const reason = overrideReason?.trim() ?? '';
  if (!reason) throw new SignoffError(`Not everyone has signed (${unsigned.join(', ')}). Give a reason to send it anyway; it will be recorded.`);
  return { override: { reason, unsigned } };
}

export class SignoffError extends Error {}
