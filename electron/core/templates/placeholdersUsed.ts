import { isPlaceholderName, PLACEHOLDER_PATTERN } from '../letters/placeholders';
import type { PlaceholderName } from '../letters/placeholders';
import { plainText } from '../letters/richText';
import type { LetterTemplate } from './types';

/** The placeholders a template's subject and body use, in order of first use: to show what a letter will fill in. */
export function placeholdersUsed(t: Pick<LetterTemplate, 'subject' | 'body'>): PlaceholderName[] {
  const names = [...`${t.subject}\n${plainText(t.body)}`.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1] ?? '');
  return [...new Set(names.filter(isPlaceholderName))];
}
