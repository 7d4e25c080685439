/**
 * Channel names only: the preload imports this file and nothing else, so the sandboxed bridge stays
 * tiny. `contract.ts` maps each name to its schemas; the compiler keeps the two in step.
 */
export const channels = [
  'vault.status',
  'vault.setup',
  'vault.unlock',
  'vault.unlockWithRecoveryCode',
  'vault.completeRecovery',
  'vault.lock',
  'legal.confidentialityWarning',
  'acknowledgement.acknowledge',
  'users.list',
  'users.add',
  'users.changePassphrase',
  'settings.get',
  'settings.save',
  'audit.list',
  'legal.unconsentedBanner',
  'households.list',
  'households.get',
  'households.create',
  'households.update',
  'households.saveMembers',
  'households.changeStatus',
  'households.suggestCaseNo',
  'family.get',
  'family.saveRelations',
  'family.saveTie',
  'consents.add',
  'consents.withdraw',
  'progressNotes.list',
  'progressNotes.save',
  'progressNotes.history',
  'agencies.list',
  'agencies.save',
  'agencies.setRetired',
  'agencies.delete',
  'issueTags.list',
  'issueTags.add',
  'issueTags.retire',
  'imports.preview',
  'imports.run',
  'imports.saveTemplate',
  'meetings.list',
  'meetings.get',
  'meetings.checkKind',
  'meetings.defaults',
  'meetings.create',
  'meetings.update',
  'meetings.savePlan',
  'meetings.saveReport',
  'documents.preview',
  'documents.issue',
  'statistics.years',
  'statistics.compute',
  'statistics.export',
] as const;

export type Channel = (typeof channels)[number];

/** Events main sends to the renderer (not requests). */
export const lockedEvent = 'kasane:locked';

export const ipcPrefix = 'kasane:';
