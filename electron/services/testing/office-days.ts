import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Channel } from '../../ipc/channels.js';
import { type ChannelInput, contract, type ParsedInput } from '../../ipc/contract.js';
import { saveAgency } from '../agencies.js';
import { addConsent } from '../consent.js';
import { createContext } from '../context.js';
import { DocumentGate } from '../document-gate.js';
import { changeHouseholdStatus } from '../household-status.js';
import { createHousehold, saveMembers } from '../households.js';
import { createMeeting, getMeeting, savePlan, saveReport } from '../meetings.js';
import { getOfficeSettings, saveOfficeSettings } from '../office-settings.js';
import { folderPlatform } from '../platform.js';
import { saveProgressNote } from '../progress-notes.js';
import { savedForMeeting } from './gate-confirmation.js';
import { livingMember } from './members.js';

/** A channel's input as the contract parses it (dates, times and defaults as the services get them). */
export const parse = <C extends Channel>(channel: C, raw: ChannelInput<C>): ParsedInput<C> =>
  contract[channel].input.parse(raw) as ParsedInput<C>;

/**
 * An office at work day by day, through the real services: each call is made at 10:00 (Japan time)
 * on the day given, so nothing is ever recorded in its own future.
 */
export function officeDays(db: Kysely<Database>, user: { id: string; name: string }, dataDir: string) {
  const at = (day: string) => new Date(`${day}T01:00:00Z`);
  const gate = new DocumentGate(folderPlatform(dataDir), async () => null);
  /** What one of our channels gets on that day: the store, who, when, and the office settings. */
  const ctx = (day: string) => createContext({ db, user, now: at(day) });
  return {
    ctx,
    async agency(day: string, name: string, field: '高齢' | '障がい' | '地域') {
      const input = parse('agencies.save', {
        field,
        name,
        department: '',
        phone: '',
        email: '',
        address: '',
        contactPerson: '',
      });
      return (await saveAgency(ctx(day), input)).id;
    },
    /** A household received that day, with 本人 and a daughter. */
    async household(day: string, caseNo: string, label: string) {
      const input = parse('households.create', {
        caseNo,
        receivedOn: day,
        label,
        referralAgencyId: null,
        issues: ['8050'],
        note: '',
      });
      const { id } = await createHousehold(ctx(day), input);
      const members = parse('households.saveMembers', {
        householdId: id,
        members: [
          {
            name: `${label} 一郎`,
            kana: 'いちろう',
            relationship: '本人',
            birthDate: '1950-01-01',
            sex: 'male',
            isPrincipal: true,
            ...livingMember,
          },
          {
            name: `${label} 花子`,
            kana: 'はなこ',
            relationship: '長女',
            birthDate: '1980-01-01',
            sex: 'female',
            isPrincipal: false,
            ...livingMember,
          },
        ],
      });
      await saveMembers(ctx(day), members);
      return id;
    },
    async status(day: string, householdId: string, action: 'start' | 'close' | 'reopen', reason?: string) {
      const input = parse('households.changeStatus', {
        householdId,
        action,
        on: day,
        ...(action === 'close' ? { reason: reason ?? '課題解決' } : {}),
      } as ChannelInput<'households.changeStatus'>);
      await changeHouseholdStatus(ctx(day), input);
    },
    /** 終結 with its evaluation (rule 20). */
    async close(
      day: string,
      householdId: string,
      closing: {
        reason: '課題解決' | '包括的相談支援事業へ戻す' | '転出' | '死亡' | 'その他';
        handoverAgencyId: string | null;
        evaluation: {
          planRowId: string;
          achievement: 'achieved' | 'partlyAchieved' | 'notAchieved';
          comment: string;
        }[];
      },
    ) {
      const input = parse('households.changeStatus', { householdId, action: 'close', on: day, ...closing });
      if (input.action !== 'close') throw new Error('close expected');
      await changeHouseholdStatus(ctx(day), input);
    },
    async consent(day: string, householdId: string, method: 'written' | 'oral') {
      const input = parse('consents.add', {
        householdId,
        obtainedOn: day,
        method,
        obtainedBy: user.name,
        allAgencies: true,
        agencyIds: [],
      });
      await addConsent(ctx(day), input);
    },
    async meeting(day: string, input: ChannelInput<'meetings.create'>) {
      return (await createMeeting(ctx(day), parse('meetings.create', input))).id;
    },
    meetingDetail: (day: string, id: string) => getMeeting(ctx(day), { id }),
    savePlan: (day: string, input: ChannelInput<'meetings.savePlan'>) =>
      savePlan(ctx(day), parse('meetings.savePlan', input)),
    saveReport: (day: string, input: ChannelInput<'meetings.saveReport'>) =>
      saveReport(ctx(day), parse('meetings.saveReport', input)),
    note: (day: string, input: ChannelInput<'progressNotes.save'>) =>
      saveProgressNote(ctx(day), parse('progressNotes.save', input)),
    /** Issues one 様式 of a meeting through the 159条 gate (preview, purpose, save). */
    async issue(day: string, meetingId: string, document: 'form1' | 'form3' | 'form4', copies = 1) {
      const request = parse('documents.preview', {
        meetingId,
        document,
        names: 'real',
        namesReason: '',
        copies,
        together: [],
        perAgency: false,
        notice: { number: '', issuedOn: null, replyBy: null },
      });
      const { previewId } = await gate.preview(db, user, await getOfficeSettings(db), request, at(day));
      await gate.issue(db, user.id, savedForMeeting(previewId), at(day));
    },
    async settings(day: string, change: Partial<Awaited<ReturnType<typeof getOfficeSettings>>>) {
      await saveOfficeSettings(ctx(day), { ...(await getOfficeSettings(db)), ...change });
    },
  };
}
