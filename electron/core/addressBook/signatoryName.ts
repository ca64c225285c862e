/**
 * How a signatory is named: with an optional honorific (`Cllr`, `Mayor`, `Dame`) before the name. Templates
 * name signatories as officers say them, with or without it ("Cllr Susan Fajana-Thomas", "Susan
 * Fajana-Thomas"), so matching ignores the honorific, case, repeated spaces and full stops ("Cllr." is "Cllr").
 */
export interface NamedSignatory {
  name: string;
  honorific?: string;
}

const fold = (s: string) => s.normalize('NFC').replace(/\./g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

/** The name as printed in the signature block: `Cllr Susan Fajana-Thomas`. */
export function signatoryDisplayName(s: NamedSignatory): string {
  const honorific = s.honorific?.trim() ?? '';
  return honorific ? `${honorific} ${s.name.trim()}` : s.name.trim();
}

/** Whether a name written in a template (or on a letter) means this signatory. */
export function matchesSignatoryName(written: string, s: NamedSignatory): boolean {
  const w = fold(written);
  if (w === '') return false;
  return w === fold(s.name) || w === fold(signatoryDisplayName(s));
}
