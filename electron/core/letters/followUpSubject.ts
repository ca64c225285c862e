import { formatIsoDate } from '../dates/londonDate';
import { fillPlaceholders } from './fillPlaceholders';
import type { Letter } from './letterSchema';

/**
 * A follow-up's subject with the letter it follows filled in ("Reminder: {{original.subject}}" becomes
 * "Reminder: Safeguarding action plan"), so the register, the thread and the subject field all say what the
 * letter is about, not only the preview. Other placeholders stay for the officer to see.
 */
export function followUpSubject(subject: string, original: Pick<Letter, 'reference' | 'letterDate' | 'sentDate' | 'subject'>): string {
  const values = {
    'original.reference': original.reference,
    'original.date': formatIsoDate(original.sentDate ?? original.letterDate),
    'original.subject': original.subject,
  };
  const filled = fillPlaceholders([{ type: 'paragraph', runs: [{ text: subject }] }], values).body[0];
  return filled?.type === 'paragraph' ? filled.runs.map((r) => r.text).join('') : subject;
}
