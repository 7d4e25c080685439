import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from './backup.js';
import { listConsents, noteWrittenConsent } from './consent.js';
import { deskOn } from './desk.js';
import { markCopy } from './distributed-copies.js';
import { cancelMeeting, setAttendance } from './meetings.js';
import { addMonitoring, currentPlan } from './monitoring.js';
import { officeDays, parse } from './testing/office-days.js';
import { usualMeeting } from './testing/plan-fixture.js';
import { signedInVault } from './testing/signed-in-vault.js';

/**
 * A year of one office's work, built day by day through the real services on a real encrypted file;
 * ホーム is read on chosen days, boundaries included, exactly as the coordinator would see it then.
 */

let vault: Awaited<ReturnType<typeof signedInVault>>;
let office: ReturnType<typeof officeDays>;
const on = (day: string) => office.ctx(day);
const desk = (day: string) => deskOn(on(day), {});
const ids = <T extends { caseNo?: string; meetingNo?: string }>(list: T[]) =>
  list.map((x) => x.meetingNo ?? x.caseNo);

const agencies: string[] = [];
const h = { yoshida: '', takahashi: '', saito: '' };
let firstMeeting = '';

const meetingInput = (
  householdId: string,
  meetingNo: string,
  heldOn: string,
  issuedOn: string,
  replyBy: string,
) => usualMeeting({ householdId, meetingNo, heldOn, issuedOn, replyBy, agencyIds: agencies });

beforeAll(async () => {
  vault = await signedInVault(() => new Date('2025-04-01T01:00:00Z'));
  office = officeDays(vault.db, { id: vault.userId, name: '相談 花子' }, vault.dir);
  agencies.push(await office.agency('2025-04-01', '第一地域包括支援センター', '高齢'));
  agencies.push(await office.agency('2025-04-01', '基幹相談支援センター', '障がい'));
  await office.settings('2025-04-01', {
    municipalityName: 'かさね市',
    senderTitle: 'かさね市保健福祉部福祉政策課長',
    documentNumberPrefix: 'かさね福政',
    phone: '0123-45-6789',
  });
});
afterAll(async () => vault.close());

describe('ホーム「今日の仕事」: 1年分の記録を日ごとに', () => {
  it('4月: 何もない日は急ぎの作業がなく、バックアップは一度も作っていないので催促する', async () => {
    const d = await desk('2025-04-01');
    expect(d.upcomingMeetings).toEqual([]);
    expect(d.quietHouseholds).toEqual([]);
    expect(d.backup).toEqual({ lastOn: null, due: true });
    expect(d.window).toEqual({ upcomingMeetingDays: 14, quietHouseholdDays: 30, backupReminderDays: 7 });
  });

  it('会議は14日先のものまで載り、15日先のものは載らない', async () => {
    h.yoshida = await office.household('2025-04-10', 'R7-001', '𠮷田');
    await office.status('2025-04-15', h.yoshida, 'start');
    await office.consent('2025-04-15', h.yoshida, 'written');
    firstMeeting = await office.meeting(
      '2025-05-01',
      meetingInput(h.yoshida, 'R7-001-1', '2025-05-20', '2025-05-01', '2025-05-15'),
    );
    expect((await desk('2025-05-05')).upcomingMeetings).toEqual([]);
    const [m] = (await desk('2025-05-06')).upcomingMeetings;
    expect(m).toMatchObject({
      meetingNo: 'R7-001-1',
      caseNo: 'R7-001',
      date: '2025-05-20',
      attendees: 2,
      unconfirmed: 2,
    });
    expect(m?.missing).toEqual(['noticeNotIssued', 'attendanceUnconfirmed']);
  });

  it('中止した会議は、予定にも会議の後の作業にも載らない（規則22）', async () => {
    const cancelled = await office.meeting(
      '2025-05-01',
      meetingInput(h.yoshida, 'R7-001-9', '2025-05-12', '2025-05-01', '2025-05-08'),
    );
    expect(ids((await desk('2025-05-06')).upcomingMeetings)).toEqual(['R7-001-9', 'R7-001-1']);
    await cancelMeeting(on('2025-05-06'), { meetingId: cancelled, reason: '本人の入院のため' });
    expect(ids((await desk('2025-05-06')).upcomingMeetings)).toEqual(['R7-001-1']);
    expect(ids((await desk('2025-05-13')).reportsMissing)).toEqual([]);
  });

  it('通知を出すと「未発行」が消え、回答期限を過ぎると出欠未確認が「期限切れ」になり、出欠がそろうと準備済みになる', async () => {
    await office.issue('2025-05-08', firstMeeting, 'form1');
    expect((await desk('2025-05-07')).upcomingMeetings[0]?.missing).toContain('noticeNotIssued');
    expect((await desk('2025-05-08')).upcomingMeetings[0]?.missing).toEqual(['attendanceUnconfirmed']);
    expect((await desk('2025-05-15')).upcomingMeetings[0]?.missing).toEqual(['attendanceUnconfirmed']);
    expect((await desk('2025-05-16')).upcomingMeetings[0]?.missing).toEqual(['replyOverdue']);
    const meeting = await office.meetingDetail('2025-05-16', firstMeeting);
    for (const a of meeting.attendees)
      await setAttendance(
        on('2025-05-16'),
        parse('meetings.setAttendance', {
          meetingId: firstMeeting,
          attendeeId: a.id,
          attendance: 'attending',
        }),
      );
    expect((await desk('2025-05-16')).upcomingMeetings[0]).toMatchObject({ missing: [], unconfirmed: 0 });
    expect((await desk('2025-05-20')).upcomingMeetings.map((x) => x.meetingNo)).toEqual(['R7-001-1']);
  });

  it('開催の翌日から、様式4とプランの確定が残っている会議が載り、済んだものから消える', async () => {
    expect((await desk('2025-05-20')).reportsMissing).toEqual([]);
    let d = await desk('2025-05-21');
    expect(d.upcomingMeetings).toEqual([]);
    expect(d.reportsMissing).toEqual([
      expect.objectContaining({ meetingNo: 'R7-001-1', date: '2025-05-20' }),
    ]);
    expect(ids(d.plansUnconfirmed)).toEqual(['R7-001-1']);
    const detail = await office.meetingDetail('2025-05-22', firstMeeting);
    await office.savePlan('2025-05-22', {
      meetingId: firstMeeting,
      status: 'final',
      rows: detail.planRows.map((r, i) => ({
        id: r.id,
        target: r.target,
        memberId: r.memberId,
        goal: i === 0 ? '服薬を続け、通院につながる' : i === 1 ? '就労の相談に通う' : '',
        discussion: '',
        nextActions: i < 2 ? '月1回の訪問' : '',
        roles: i < 2 ? '地域包括支援センター' : '',
      })),
    });
    await office.saveReport('2025-05-22', {
      meetingId: firstMeeting,
      reportSections: [],
      nextReviewOn: '2025-08-20',
      monitoringAgencyIds: [agencies[0] ?? ''],
    });
    d = await desk('2025-05-22');
    expect(d.plansUnconfirmed).toEqual([]);
    expect(ids(d.reportsMissing)).toEqual(['R7-001-1']);
    await office.issue('2025-05-23', firstMeeting, 'form4');
    expect((await desk('2025-05-23')).reportsMissing).toEqual([]);
  });

  it('番号付きで配った資料は、会議の翌日から回収か廃棄まで載る（会議の当日は載らない）', async () => {
    await office.issue('2025-05-19', firstMeeting, 'form3', 2);
    const copies = async (day: string) => (await desk(day)).copiesOutstanding.map((c) => c.copyNo);
    expect(await copies('2025-05-20')).toEqual([]);
    expect(await copies('2025-05-21')).toEqual([1, 2]);
    await markCopy(on('2025-05-23'), { meetingId: firstMeeting, copyNo: 1, status: 'collected', on: null });
    expect(await copies('2025-05-22')).toEqual([1, 2]);
    expect(await copies('2025-05-23')).toEqual([2]);
    await markCopy(on('2025-05-24'), { meetingId: firstMeeting, copyNo: 2, status: 'destroyed', on: null });
    expect(await copies('2025-05-24')).toEqual([]);
  });

  it('支援経過の次回予定日が来た日に載り、前日には載らず、次の記録で消える', async () => {
    h.takahashi = await office.household('2025-06-01', 'R7-002', '髙橋');
    await office.status('2025-06-02', h.takahashi, 'start');
    await office.note('2025-06-10', {
      householdId: h.takahashi,
      notedOn: '2025-06-10',
      agencyId: null,
      staff: '相談 花子',
      means: 'visit',
      timeFrom: '10:00',
      timeTo: '11:00',
      memberIds: [],
      content: '自宅を訪問した。',
      nextPlan: '電話で様子を聞く',
      nextOn: '2025-06-24',
    });
    expect((await desk('2025-06-23')).contactsDue).toEqual([]);
    expect((await desk('2025-06-24')).contactsDue).toEqual([
      expect.objectContaining({ caseNo: 'R7-002', dueOn: '2025-06-24', nextPlan: '電話で様子を聞く' }),
    ]);
  });

  it('支援中で30日記録がない世帯は、ちょうど30日目から載る（29日目は載らない）', async () => {
    expect(ids((await desk('2025-07-09')).quietHouseholds)).not.toContain('R7-002');
    const quiet = (await desk('2025-07-10')).quietHouseholds.find((q) => q.caseNo === 'R7-002');
    expect(quiet).toMatchObject({ lastActivityOn: '2025-06-10', days: 30 });
    // 𠮷田: the last activity is the meeting of 5/20; 30 days later is 6/19.
    expect((await desk('2025-06-18')).quietHouseholds.map((q) => q.caseNo)).not.toContain('R7-001');
    expect((await desk('2025-06-19')).quietHouseholds.find((q) => q.caseNo === 'R7-001')).toMatchObject({
      lastActivityOn: '2025-05-20',
    });
    await office.note('2025-07-11', {
      householdId: h.takahashi,
      notedOn: '2025-07-11',
      agencyId: agencies[1] ?? null,
      staff: '',
      means: 'phone',
      timeFrom: '',
      timeTo: '',
      memberIds: [],
      content: '電話で近況を聞いた。',
      nextPlan: '',
      nextOn: '',
    });
    const d = await desk('2025-07-11');
    expect(ids(d.quietHouseholds)).not.toContain('R7-002');
    expect(d.contactsDue).toEqual([]);
  });

  it('口頭の同意は書面を受け取るまで載る', async () => {
    h.saito = await office.household('2025-07-01', 'R7-003', '齋藤');
    await office.consent('2025-07-01', h.saito, 'oral');
    expect((await desk('2025-07-01')).oralConsents).toEqual([
      expect.objectContaining({ caseNo: 'R7-003', obtainedOn: '2025-07-01' }),
    ]);
    const [consent] = await listConsents(vault.db, h.saito);
    await noteWrittenConsent(
      on('2025-07-15'),
      parse('consents.noteWritten', { consentId: consent?.id ?? '', writtenOn: '2025-07-14' }),
    );
    expect((await desk('2025-07-13')).oralConsents.map((c) => c.caseNo)).toEqual(['R7-003']);
    expect((await desk('2025-07-15')).oralConsents).toEqual([]);
  });

  it('モニタリングで「見直しが必要」になった行は、その日から見直しの時期に載る', async () => {
    const plan = await currentPlan(on('2025-07-20'), { householdId: h.yoshida });
    const [first, second] = plan?.rows ?? [];
    await addMonitoring(
      on('2025-07-20'),
      parse('monitoring.add', {
        planRowId: first?.id ?? '',
        checkedOn: '2025-07-20',
        status: 'ongoing',
        note: '通院を続けている',
        agencyId: agencies[0] ?? null,
      }),
    );
    expect((await desk('2025-07-20')).reviewsDue).toEqual([]);
    await addMonitoring(
      on('2025-07-25'),
      parse('monitoring.add', {
        planRowId: second?.id ?? '',
        checkedOn: '2025-07-25',
        status: 'needsReview',
        note: '相談に来なくなった',
        agencyId: null,
      }),
    );
    const [review] = (await desk('2025-07-25')).reviewsDue;
    expect(review).toMatchObject({
      caseNo: 'R7-001',
      meetingNo: 'R7-001-1',
      dueOn: '2025-07-25',
      reason: 'monitoring',
    });
    expect(review?.rows.map((r) => r.status)).toEqual(['ongoing', 'needsReview']);
  });

  it('次回見直し予定日はその日（今日）に載り、前日には載らない。次の会議を準備すると消える', async () => {
    await addMonitoring(
      on('2025-08-01'),
      parse('monitoring.add', {
        planRowId: (await currentPlan(on('2025-08-01'), { householdId: h.yoshida }))?.rows[1]?.id ?? '',
        checkedOn: '2025-08-01',
        status: 'ongoing',
        note: '相談を再開した',
        agencyId: null,
      }),
    );
    expect((await desk('2025-08-19')).reviewsDue).toEqual([]);
    expect((await desk('2025-08-20')).reviewsDue).toEqual([
      expect.objectContaining({
        caseNo: 'R7-001',
        meetingNo: 'R7-001-1',
        dueOn: '2025-08-20',
        reason: 'scheduled',
      }),
    ]);
    await office.meeting(
      '2025-08-21',
      meetingInput(h.yoshida, 'R7-001-2', '2025-09-03', '2025-08-21', '2025-08-29'),
    );
    const d = await desk('2025-08-21');
    expect(d.reviewsDue).toEqual([]);
    expect(d.upcomingMeetings.map((m) => m.meetingNo)).toEqual(['R7-001-2']);
  });

  it('バックアップは作った日から7日は催促せず、8日目から催促する', async () => {
    const backupAt = new Date('2025-10-01T01:00:00Z');
    const { vault: unlocked } = vault.session.signedIn();
    await createBackup(
      { ...vault.session.ctx, clock: () => backupAt },
      unlocked,
      vault.userId,
      `${vault.dir}/backups`,
    );
    expect((await desk('2025-10-01')).backup).toEqual({ lastOn: '2025-10-01', due: false });
    expect((await desk('2025-10-08')).backup).toEqual({ lastOn: '2025-10-01', due: false });
    expect((await desk('2025-10-09')).backup).toEqual({ lastOn: '2025-10-01', due: true });
  });

  it('日数は事務所の設定に従う', async () => {
    await office.settings('2025-10-09', { quietHouseholdDays: 90, backupReminderDays: 14 });
    const d = await desk('2025-10-09');
    expect(d.window.quietHouseholdDays).toBe(90);
    expect(d.backup.due).toBe(false);
    expect(ids(d.quietHouseholds)).toEqual(['R7-002']);
    expect(d.quietHouseholds[0]?.lastActivityOn).toBe('2025-07-11');
  });

  it('過去の日を指定すると、その日の状態で答える（終結した世帯はその日より後なら載る）', async () => {
    await office.status('2025-11-01', h.takahashi, 'close');
    expect(ids((await deskOn(on('2025-11-02'), {})).quietHouseholds)).not.toContain('R7-002');
    expect(ids((await deskOn(on('2025-11-02'), { asOf: '2025-10-31' })).quietHouseholds)).toContain('R7-002');
  });

  it('どの一覧も日付の順に並ぶ', async () => {
    const d = await deskOn(on('2026-03-31'), {});
    for (const list of [
      d.reportsMissing.map((x) => x.date),
      d.plansUnconfirmed.map((x) => x.date),
      d.reviewsDue.map((x) => x.dueOn),
      d.quietHouseholds.map((x) => x.lastActivityOn),
      d.oralConsents.map((x) => x.obtainedOn),
    ])
      expect(list).toEqual([...list].sort());
    expect(d.reportsMissing.map((x) => x.meetingNo)).toEqual(['R7-001-2']);
  });
});
