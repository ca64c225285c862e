import { formatDateTime } from '../../../core/dates/britishDate';
import type { DataFolder } from '../../dataFolder';
import type { RestorePreview } from './describeRestore';

const number = new Intl.NumberFormat('en-GB');

function counted(n: number, one: string, many = `${one}s`): string {
  return `${number.format(n)} ${n === 1 ? one : many}`;
}

/**
 * The preview as the officer reads it before confirming, e.g. "Restoring the backup of 17 March 2027,
 * 14:05 will undo 12 changes made since, to 3 letters (MO/2027/014, MO/2027/015, MO/2027/016). The
 * register it replaces will be kept, with its attachments and templates, in …/replaced."
 */
export function restoreSentence(preview: Omit<RestorePreview, 'sentence'>, folder: DataFolder): string {
  const when = formatDateTime(preview.backup.createdAt);
  if (!preview.restorable) return `The backup of ${when} was made by a newer version of Correspondence Desk, so it cannot be restored with this one.`;
  const sentences = [undoneSentence(preview, when)];
  if (preview.changesBroughtBack) sentences.push(`It brings back ${counted(preview.changesBroughtBack, 'change')} that the register no longer has.`);
  const files = [
    preview.attachmentsOnlyNow.length > 0 ? `${counted(preview.attachmentsOnlyNow.length, 'attachment')} added since` : '',
    preview.templatesChanged.length > 0 ? `${counted(preview.templatesChanged.length, 'template')} added or changed since` : '',
  ].filter(Boolean);
  if (files.length > 0) sentences.push(`The backup does not have ${files.join(' or ')}.`);
  sentences.push(`The register it replaces will be kept, with its attachments and templates, in ${folder.replaced}.`);
  return sentences.join(' ');
}

function undoneSentence(preview: Omit<RestorePreview, 'sentence'>, when: string): string {
  const { changesUndone, letters } = preview;
  if (changesUndone === null) return `The register cannot be read now, so what restoring the backup of ${when} would undo cannot be shown.`;
  if (changesUndone === 0) return `Restoring the backup of ${when} will undo nothing: the register has not changed since.`;
  const undo = `Restoring the backup of ${when} will undo ${counted(changesUndone, 'change')} made since`;
  if (letters.count === 0) return `${undo}, none of them to letters.`;
  const more = letters.count > letters.references.length ? `, and ${counted(letters.count - letters.references.length, 'other')}` : '';
  const which = `${counted(letters.count, 'letter')} (${letters.references.join(', ')}${more})`;
  return letters.changes === changesUndone ? `${undo}, to ${which}.` : `${undo}, including changes to ${which}.`;
}
