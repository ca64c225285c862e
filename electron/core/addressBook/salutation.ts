/**
 * Suggest how a letter opens, from rank or honorific and name. Police and civic ranks are used with the
 * family name (`Dear DAC Taylor`, `Dear Cllr Fajana-Thomas`); knights and dames with the given name
 * (`Dear Sir Mark`); `Rt Hon` and `The` are styles of address, not part of the salutation. The officer can
 * always overwrite the suggestion.
 */
const STYLE_WORDS = new Set(['the', 'rt', 'rt.', 'hon', 'hon.', 'right', 'honourable', 'rt hon']);
const GIVEN_NAME_TITLES = new Set(['sir', 'dame']);

export interface NameParts {
  honorific: string;
  givenName: string;
  familyName: string;
}

export function suggestSalutation({ honorific, givenName, familyName }: NameParts): string {
  const given = givenName.trim();
  const family = familyName.trim();
  const words = honorific
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '' && !STYLE_WORDS.has(w.toLowerCase()));
  const knighted = words.find((w) => GIVEN_NAME_TITLES.has(w.toLowerCase()));
  if (knighted && given) return `Dear ${capitalise(knighted)} ${given}`;
  const title = words.filter((w) => !GIVEN_NAME_TITLES.has(w.toLowerCase())).join(' ');
  if (title && family) return `Dear ${title} ${family}`;
  if (title && given) return `Dear ${title} ${given}`;
  const name = [given, family].filter(Boolean).join(' ');
  return name ? `Dear ${name}` : 'Dear Sir or Madam';
}

/** The name as it heads an address block: `DAC Jane Taylor QPM`. */
export function formatFullName(c: NameParts & { postNominals: string }): string {
  return [c.honorific, c.givenName, c.familyName, c.postNominals]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
}
