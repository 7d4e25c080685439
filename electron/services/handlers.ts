import type { Channel } from '../ipc/channels.js';
import type { ChannelOutput, Contract, ParsedInput } from '../ipc/contract.js';
import { deleteAgency, listAgencies, saveAgency, setAgencyRetired } from './agencies.js';
import { backUpFromApp, backupHistory } from './app-backup.js';
import { auditLog } from './audit.js';
import { addConsent, correctConsent, noteWrittenConsent, voidConsent, withdrawConsent } from './consent.js';
import type { App, PublicContext, SignedInContext } from './context.js';
import { deskOn } from './desk.js';
import { listCopies, markCopy } from './distributed-copies.js';
import { DocumentGate, issueDocument, previewDocument } from './document-gate.js';
import { forgetRasters } from './drawings/raster.js';
import { evaluationDraft, listEvaluations } from './evaluation.js';
import { getFamily, saveEcoMapTie, saveRelations } from './family.js';
import { listHouseholds } from './household-page.js';
import { changeHouseholdStatus, correctStatusChange, voidStatusChange } from './household-status.js';
import {
  createHousehold,
  getHousehold,
  saveMembers,
  suggestCaseNo,
  updateHousehold,
  voidMember,
} from './households.js';
import { previewImport, runImport, saveImportTemplate } from './import/index.js';
import { addIssueTag, listIssueTags, retireIssueTag } from './issue-tags.js';
import { cancelJob } from './jobs/cancel.js';
import { JobRunner, type WorkerEntry } from './jobs/job-runner.js';
import { caseRecordDocument } from './lists/case-record.js';
import { householdListDocument } from './lists/household-list.js';
import { meetingListDocument } from './lists/meeting-list.js';
import {
  cancelMeeting,
  checkMeetingKind,
  completeMigratedMeeting,
  createMeeting,
  deleteMeeting,
  getMeeting,
  listMeetings,
  meetingDefaults,
  savePlan,
  saveReport,
  setAttendance,
  unfinalizePlan,
  updateMeeting,
} from './meetings.js';
import { addMonitoring, currentPlan } from './monitoring.js';
import { officeSettings } from './office-settings.js';
import type { Platform } from './platform.js';
import {
  listProgressNotes,
  progressNoteHistory,
  saveProgressNote,
  searchProgressNotes,
  voidProgressNote,
} from './progress-notes.js';
import {
  acceptRecordsLoss,
  acknowledge,
  addCoordinator,
  changePassphrase,
  completeRecovery,
  confidentialityWarningToday,
  lock,
  saveSettings,
  setUpVault,
  unconsentedBanner,
  unlock,
  unlockWithRecoveryCode,
  vaultStatus,
} from './session-channels.js';
import { exportStatistics, statisticsFor, statisticsYears } from './statistics/index.js';
import { listCoordinators } from './users.js';
import type { VaultSession } from './vault-session.js';

/** A public channel runs before unlock; every other one gets the signed-in user's context. */
export type ContextFor<C extends Channel> = Contract[C]['access'] extends 'public'
  ? PublicContext
  : SignedInContext;

/** Every channel's implementation has one shape: (context, the contract's parsed input) → output. */
export type Handlers = {
  [C in Channel]: (ctx: ContextFor<C>, input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

/**
 * The one table from contract channel to service function. The compiler rejects a missing or extra
 * channel and a function whose input or output differs from the contract. Main, the test harness
 * and tests all serve it through `dispatch`.
 */
export const handlers: Handlers = {
  'vault.status': vaultStatus,
  'vault.setup': setUpVault,
  'vault.unlock': unlock,
  'vault.acceptRecordsLoss': acceptRecordsLoss,
  'vault.unlockWithRecoveryCode': unlockWithRecoveryCode,
  'vault.completeRecovery': completeRecovery,
  'vault.lock': lock,
  'legal.confidentialityWarning': confidentialityWarningToday,
  'acknowledgement.acknowledge': acknowledge,
  'users.list': listCoordinators,
  'users.add': addCoordinator,
  'users.changePassphrase': changePassphrase,
  'settings.get': officeSettings,
  'settings.save': saveSettings,
  'audit.list': auditLog,
  'legal.unconsentedBanner': unconsentedBanner,
  'desk.get': deskOn,
  'monitoring.currentPlan': currentPlan,
  'monitoring.add': addMonitoring,
  'evaluations.draft': evaluationDraft,
  'evaluations.list': listEvaluations,
  'backup.create': backUpFromApp,
  'backup.history': backupHistory,
  'meetings.setAttendance': setAttendance,
  'consents.noteWritten': noteWrittenConsent,
  'households.list': listHouseholds,
  'households.get': getHousehold,
  'households.create': createHousehold,
  'households.update': updateHousehold,
  'households.saveMembers': saveMembers,
  'households.voidMember': voidMember,
  'households.changeStatus': changeHouseholdStatus,
  'households.voidStatusChange': voidStatusChange,
  'households.correctStatusChange': correctStatusChange,
  'households.suggestCaseNo': suggestCaseNo,
  'family.get': getFamily,
  'family.saveRelations': saveRelations,
  'family.saveTie': saveEcoMapTie,
  'consents.add': addConsent,
  'consents.withdraw': withdrawConsent,
  'consents.void': voidConsent,
  'consents.correct': correctConsent,
  'progressNotes.list': listProgressNotes,
  'progressNotes.save': saveProgressNote,
  'progressNotes.history': progressNoteHistory,
  'progressNotes.search': searchProgressNotes,
  'progressNotes.void': voidProgressNote,
  'agencies.list': listAgencies,
  'agencies.save': saveAgency,
  'agencies.setRetired': setAgencyRetired,
  'agencies.delete': deleteAgency,
  'issueTags.list': listIssueTags,
  'issueTags.add': addIssueTag,
  'issueTags.retire': retireIssueTag,
  'imports.preview': previewImport,
  'imports.run': runImport,
  'imports.saveTemplate': saveImportTemplate,
  'meetings.list': listMeetings,
  'meetings.get': getMeeting,
  'meetings.checkKind': checkMeetingKind,
  'meetings.defaults': meetingDefaults,
  'meetings.create': createMeeting,
  'meetings.update': updateMeeting,
  'meetings.cancel': cancelMeeting,
  'meetings.delete': deleteMeeting,
  'meetings.completeMigrated': completeMigratedMeeting,
  'meetings.unfinalizePlan': unfinalizePlan,
  'meetings.savePlan': savePlan,
  'meetings.saveReport': saveReport,
  'documents.preview': previewDocument,
  'documents.householdList': householdListDocument,
  'documents.meetingList': meetingListDocument,
  'documents.caseRecord': caseRecordDocument,
  'documents.issue': issueDocument,
  'copies.list': listCopies,
  'copies.mark': markCopy,
  'statistics.years': statisticsYears,
  'statistics.compute': statisticsFor,
  'statistics.export': exportStatistics,
  'jobs.cancel': cancelJob,
};

/**
 * The running app: its session, its desktop, the gate whose previews are dropped on lock, and —
 * given a worker entry (the app, the harness) — the runner that keeps heavy work off this thread.
 * A lock stops the running job first, so nothing holds the key or the write lock after it.
 */
export function createApp(session: VaultSession, platform: Platform, worker?: WorkerEntry): App {
  const gate = new DocumentGate(platform);
  const jobs = worker ? new JobRunner(session, worker) : undefined;
  if (jobs) {
    session.checkPagesWith((dataKey) => jobs.checkPages(dataKey));
    session.migrateWith((dataKey, now) => jobs.migrate(dataKey, now));
    session.onLock(() => jobs.stopAll());
  }
  session.onLock(() => {
    forgetRasters();
    return gate.discardAll();
  });
  return { session, platform, gate, ...(jobs ? { jobs } : {}) };
}
