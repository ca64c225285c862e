import type { MethodName } from './contract';

/**
 * Every method of the contract by name, for the preload (and the test harness) to expose one function each.
 * Kept apart from contract.ts so the sandboxed preload bundles a list of strings instead of zod and every
 * schema. The checks below fail to compile if this list and the contract ever disagree.
 */
export const methodNames = [
  'app.status',
  'app.restoreNewestBackup',
  'app.openExternal',
  'settings.getThisPc',
  'settings.saveThisPc',
  'settings.getOffice',
  'settings.saveOffice',
  'organisations.list',
  'organisations.get',
  'organisations.create',
  'organisations.update',
  'organisations.setArchived',
  'contacts.list',
  'contacts.get',
  'contacts.create',
  'contacts.update',
  'contacts.setArchived',
  'signatories.list',
  'signatories.get',
  'signatories.create',
  'signatories.update',
  'signatories.setArchived',
  'ccGroups.list',
  'ccGroups.get',
  'ccGroups.create',
  'ccGroups.update',
  'ccGroups.setArchived',
  'letters.create',
  'letters.get',
  'letters.update',
  'letters.setStatus',
  'letters.check',
  'letters.delete',
  'letters.restore',
  'letters.list',
  'letters.organisations',
  'letters.recipientFromContact',
  'letters.ccFromContact',
  'letters.ccFromGroup',
  'templates.list',
  'templates.get',
  'templates.save',
  'templates.duplicate',
  'templates.create',
  'templates.remove',
  'export.letter',
  'export.startBatch',
  'export.batchStatus',
  'letters.createChaser',
  'letters.createAcknowledgement',
  'letters.changeDeadline',
  'replies.create',
  'replies.attachFiles',
  'replies.openAttachment',
  'commitments.setStatus',
  'commitments.list',
  'commitments.suggest',
  'commitments.tags',
  'dashboard.summary',
  'settings.getPreferences',
  'settings.savePreferences',
  'signoff.record',
  'letters.markSent',
  'print.packData',
  'print.savePdf',
  'print.printDialog',
  'history.ofLetter',
  'history.list',
  'history.officers',
  'history.exportCsv',
] as const;

/** The IPC channel of a method: one channel each, so main can refuse anything not in the contract. */
export const channelOf = (m: MethodName) => `desk:${m}`;

type Listed = (typeof methodNames)[number];
type Missing = Exclude<MethodName, Listed>;
type Unknown = Exclude<Listed, MethodName>;
export const methodListIsComplete: [Missing, Unknown] extends [never, never] ? true : { missing: Missing; unknown: Unknown } = true;
