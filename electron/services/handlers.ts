import { officeDate } from '../domain/office-day.js';
import type { Channel } from '../ipc/channels.js';
import type { ChannelOutput, ParsedInput } from '../ipc/contract.js';
import { deleteAgency, listAgencies, saveAgency, setAgencyRetired } from './agencies.js';
import { appendAuditEvent, listAuditEvents, verifyAuditChain } from './audit.js';
import { addConsent, correctConsent, voidConsent, withdrawConsent } from './consent.js';
import { listCopies, markCopy } from './distributed-copies.js';
import { DocumentGate } from './document-gate.js';
import { KasaneError } from './errors.js';
import { getFamily, saveEcoMapTie, saveRelations } from './family.js';
import { changeHouseholdStatus, correctStatusChange, voidStatusChange } from './household-status.js';
import {
  createHousehold,
  getHousehold,
  listHouseholds,
  saveMembers,
  suggestCaseNo,
  updateHousehold,
  voidMember,
} from './households.js';
import { buildImportTemplate, previewImport, runImport } from './import/index.js';
import { addIssueTag, listIssueTags, retireIssueTag } from './issue-tags.js';
import { confidentialityWarning } from './legal.js';
import {
  checkMeetingKind,
  createMeeting,
  getMeeting,
  listMeetings,
  meetingDefaults,
  savePlan,
  saveReport,
  updateMeeting,
} from './meetings.js';
import { getOfficeSettings, saveOfficeSettings } from './office-settings.js';
import type { Platform } from './platform.js';
import {
  listProgressNotes,
  progressNoteHistory,
  saveProgressNote,
  voidProgressNote,
} from './progress-notes.js';
import { exportStatistics, statisticsFor, statisticsYears } from './statistics/index.js';
import { listUsers } from './users.js';
import { checkPassphrase } from './vault.js';
import { addUser, setPassphrase } from './vault-keyslot-changes.js';
import type { VaultSession } from './vault-session.js';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>>;
};

/** One function per contract channel. Main, the harness and tests all serve this same table. */
export function createHandlers(session: VaultSession, platform: Platform): Handlers {
  /** The signed-in user's store, who they are, and the office's today. */
  const signedIn = () => {
    const { store, user } = session.signedIn();
    const now = session.now();
    return { db: store.db, user, userId: user.id, now, today: officeDate(now) };
  };
  const gate = new DocumentGate(platform);
  session.onLock(() => gate.discardAll());
  return {
    'vault.status': () => session.status(),
    'vault.setup': (input) => session.setup(input),
    'vault.unlock': (input) => session.unlock(input),
    'vault.acceptRecordsLoss': () => session.acceptRecordsLoss(),
    'vault.unlockWithRecoveryCode': (input) => session.unlockWithRecoveryCode(input),
    'vault.completeRecovery': (input) => session.completeRecovery(input),
    'vault.lock': () => session.lock('user'),
    'legal.confidentialityWarning': async () => {
      const { textId, version, effectiveFrom, title, body } = confidentialityWarning(
        officeDate(session.now()),
      );
      return { textId, version, effectiveFrom, title, body };
    },
    'acknowledgement.acknowledge': (input) => session.acknowledge(input.textVersion),
    'users.list': () => listUsers(session.signedIn().store.db),
    'users.add': (input) => {
      const { vault, user } = session.signedIn();
      return addUser(session.ctx, vault, user.id, input);
    },
    'users.changePassphrase': async (input) => {
      const { vault, user } = session.signedIn();
      if (!(await checkPassphrase(session.ctx, user.id, input.currentPassphrase))) {
        throw new KasaneError('WRONG_PASSPHRASE', '現在のパスフレーズが違います。');
      }
      await setPassphrase(session.ctx, vault, user.id, input.newPassphrase);
      return { changed: true as const };
    },
    'settings.get': () => getOfficeSettings(session.signedIn().store.db),
    'settings.save': async (input) => {
      const { store, user } = session.signedIn();
      const saved = await saveOfficeSettings(store.db, user.id, input, session.now());
      await session.refreshSettings();
      return saved;
    },
    'audit.list': async (input) => {
      const { db } = session.signedIn().store;
      const [verification, events] = await Promise.all([verifyAuditChain(db), listAuditEvents(db, input)]);
      return { verification, events };
    },
    'legal.unconsentedBanner': async () => {
      const { version, unconsentedBanner } = confidentialityWarning(officeDate(session.now()));
      return { version, text: unconsentedBanner };
    },
    'households.list': (input) => {
      const { db, today } = signedIn();
      return listHouseholds(db, input, today);
    },
    'households.get': (input) => {
      const { db, userId, today, now } = signedIn();
      return getHousehold(db, userId, input.id, today, now);
    },
    'households.create': (input) => {
      const { db, userId, now } = signedIn();
      return createHousehold(db, userId, input, now);
    },
    'households.update': async (input) => {
      const { db, userId, now } = signedIn();
      await updateHousehold(db, userId, input.id, input.household, now);
      return { id: input.id };
    },
    'households.saveMembers': (input) => {
      const { db, userId, now } = signedIn();
      return saveMembers(db, userId, input.householdId, input.members, now, input.reason);
    },
    'households.voidMember': (input) => {
      const { db, userId, now } = signedIn();
      return voidMember(db, userId, input, now);
    },
    'households.changeStatus': async (input) => {
      const { db, userId, now } = signedIn();
      await changeHouseholdStatus(
        db,
        userId,
        { ...input, reason: 'reason' in input ? input.reason : undefined },
        now,
      );
      return { id: input.householdId };
    },
    'households.voidStatusChange': (input) => {
      const { db, userId, now } = signedIn();
      return voidStatusChange(db, userId, input, now);
    },
    'households.correctStatusChange': (input) => {
      const { db, userId, now } = signedIn();
      return correctStatusChange(db, userId, input, now);
    },
    'households.suggestCaseNo': async () => {
      const { db, today } = signedIn();
      return { caseNo: await suggestCaseNo(db, today) };
    },
    'family.get': async (input) => {
      const { db, today } = signedIn();
      return getFamily(db, input.householdId, { asOf: today, office: await getOfficeSettings(db) });
    },
    'family.saveRelations': (input) => {
      const { db, userId, now } = signedIn();
      return saveRelations(db, userId, input, now);
    },
    'family.saveTie': (input) => {
      const { db, userId, now } = signedIn();
      return saveEcoMapTie(db, userId, input, now);
    },
    'consents.add': async (input) => {
      const { db, userId, now } = signedIn();
      await addConsent(db, userId, input, now);
      return { householdId: input.householdId };
    },
    'consents.withdraw': async (input) => {
      const { db, userId, now } = signedIn();
      await withdrawConsent(db, userId, input, now);
      return { consentId: input.consentId };
    },
    'consents.void': (input) => {
      const { db, userId, now } = signedIn();
      return voidConsent(db, userId, input, now);
    },
    'consents.correct': (input) => {
      const { db, userId, now } = signedIn();
      return correctConsent(db, userId, input, now);
    },
    'progressNotes.list': (input) => listProgressNotes(signedIn().db, input.householdId),
    'progressNotes.save': (input) => {
      const { db, userId, now } = signedIn();
      return saveProgressNote(db, userId, input, now);
    },
    'progressNotes.history': (input) => progressNoteHistory(signedIn().db, input.noteId),
    'progressNotes.void': (input) => {
      const { db, userId, now } = signedIn();
      return voidProgressNote(db, userId, input, now);
    },
    'agencies.list': (input) => listAgencies(signedIn().db, input),
    'agencies.save': (input) => {
      const { db, userId, now } = signedIn();
      return saveAgency(db, userId, input, now);
    },
    'agencies.setRetired': async (input) => {
      const { db, userId, now } = signedIn();
      await setAgencyRetired(db, userId, input.id, input.retired, now);
      return { id: input.id };
    },
    'agencies.delete': async (input) => {
      const { db, userId, now } = signedIn();
      await deleteAgency(db, userId, input.id, now);
      return { id: input.id };
    },
    'issueTags.list': () => listIssueTags(signedIn().db),
    'issueTags.add': async (input) => {
      const { db, userId, now } = signedIn();
      await addIssueTag(db, userId, input.name, now);
      return { name: input.name };
    },
    'issueTags.retire': async (input) => {
      const { db, userId, now } = signedIn();
      await retireIssueTag(db, userId, input.name, now);
      return { name: input.name };
    },
    'imports.preview': (input) => {
      const { db, now } = signedIn();
      return previewImport(db, input.files, now);
    },
    'imports.run': (input) => {
      const { db, userId, now } = signedIn();
      return runImport(db, userId, input.files, now);
    },
    'imports.saveTemplate': async () => {
      const { db, userId, now } = signedIn();
      const result = await platform.saveFiles({
        files: [{ name: 'かさね_移行用テンプレート.xlsx', bytes: await buildImportTemplate() }],
        filters: [{ name: 'Excel ブック', extensions: ['xlsx'] }],
      });
      if (result.saved) await appendAuditEvent(db, { userId, kind: 'template.saved' }, now);
      return { saved: result.saved, fileName: result.fileNames[0] ?? '' };
    },
    'meetings.list': (input) => {
      const { db, today } = signedIn();
      return listMeetings(db, input, today);
    },
    'meetings.get': (input) => {
      const { db, userId, today, now } = signedIn();
      return getMeeting(db, userId, input.id, today, now);
    },
    'meetings.checkKind': async (input) => {
      const { db } = signedIn();
      return checkMeetingKind(
        db,
        input.householdId,
        input.heldOn,
        (await getOfficeSettings(db)).meetingLabels,
      );
    },
    'meetings.defaults': (input) => meetingDefaults(signedIn().db, input.householdId),
    'meetings.create': async (input) => {
      const { db, userId, now } = signedIn();
      return createMeeting(db, userId, input, (await getOfficeSettings(db)).meetingLabels, now);
    },
    'meetings.update': async (input) => {
      const { db, userId, now } = signedIn();
      await updateMeeting(
        db,
        userId,
        input.id,
        input.meeting,
        (await getOfficeSettings(db)).meetingLabels,
        now,
      );
      return { id: input.id };
    },
    'meetings.savePlan': async (input) => {
      const { db, userId, now } = signedIn();
      await savePlan(db, userId, input, now);
      return { id: input.meetingId };
    },
    'meetings.saveReport': async (input) => {
      const { db, userId, now } = signedIn();
      await saveReport(db, userId, input, now);
      return { id: input.meetingId };
    },
    'documents.preview': async (input) => {
      const { db, user, now } = signedIn();
      return gate.preview(db, user, await getOfficeSettings(db), input, now);
    },
    'copies.list': (input) => listCopies(signedIn().db, input.meetingId),
    'copies.mark': (input) => {
      const { db, userId, now } = signedIn();
      return markCopy(db, userId, input, now);
    },
    'documents.issue': (input) => {
      const { db, userId, now } = signedIn();
      return gate.issue(db, userId, input, now);
    },
    'statistics.years': () => {
      const { db, now } = signedIn();
      return statisticsYears(db, now);
    },
    'statistics.compute': (input) => statisticsFor(signedIn().db, input),
    'statistics.export': (input) => {
      const { db, userId, now } = signedIn();
      return exportStatistics(db, userId, platform, input, now);
    },
  };
}
