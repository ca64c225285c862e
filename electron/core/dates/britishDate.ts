import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { LONDON } from './londonDate';

/**
 * Dates as a British office writes them (`17 March 2022`), always on London time, whatever the machine's
 * time zone: an officer in a different zone must see the same date as the letter.
 */
export function formatDateTime(iso: string): string {
  return format(new Date(iso), 'd MMMM y, HH:mm', { in: LONDON, locale: enGB });
}
