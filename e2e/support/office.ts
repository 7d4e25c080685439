import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { largeLedger } from '../../electron/services/import/fixtures.js';
import type { JobPace } from '../harness/job-pace.js';
import { bridge } from './bridge.js';
import { openPage } from './vault.js';

/**
 * An office's records, put in through the page's bridge the way the screens save them: agencies,
 * households 支援中 with consent, meetings with a 確定 plan and report, 支援経過. Specs describe their
 * office with these and test the screens on top; dates are the caller's (the harness runs on the
 * real clock, so specs pass days relative to the office's today).
 */

/** New agencies, in order; returns their ids. */
export async function addAgencies(page: Page, agencies: readonly (readonly [name: string, field: string])[]) {
  const ids: string[] = [];
  for (const [name, field] of agencies) {
    const { id } = await bridge<{ id: string }>(page, 'agencies.save', {
      field,
      name,
      department: '',
      phone: '',
      email: '',
      address: '',
      contactPerson: '',
    });
    ids.push(id);
  }
  return ids;
}

/** The first `count` agencies of the office's list (the default list of a new vault has 23). */
export async function listedAgencies(page: Page, count: number): Promise<string[]> {
  const agencies = await bridge<{ id: string }[]>(page, 'agencies.list', {});
  if (agencies.length < count) throw new Error(`only ${agencies.length} agencies listed, ${count} wanted`);
  return agencies.slice(0, count).map((a) => a.id);
}

/** 事務所の設定 complete enough for 様式1 (a letter needs its sender). */
export async function completeLetterSettings(page: Page): Promise<void> {
  const settings = await bridge<Record<string, unknown>>(page, 'settings.get', {});
  await bridge(page, 'settings.save', {
    ...settings,
    municipalityName: '鹿屋市',
    senderTitle: '鹿屋市保健福祉部福祉政策課長',
    phone: '0994-31-1113',
    documentNumberPrefix: '鹿福政',
  });
}

export interface MemberSeed {
  name: string;
  kana: string;
  relationship: string;
  birthDate: string;
  sex: 'male' | 'female';
  isPrincipal: boolean;
}

/** The one-person household's principal: 「<surname> 一郎」, born 1955. */
export const principal = (surname: string): MemberSeed => ({
  name: `${surname} 一郎`,
  kana: 'いちろう',
  relationship: '本人',
  birthDate: '1955-04-01',
  sex: 'male',
  isPrincipal: true,
});

export interface HouseholdSeed {
  caseNo: string;
  label: string;
  receivedOn: string;
  members: MemberSeed[];
  /** 支援開始 on this day; the household stays 受付 without it. */
  startedOn?: string;
  /** 同意 (rule 1) obtained on this day for all agencies, written unless `oral`. */
  consent?: { obtainedOn: string; method: 'written' | 'oral' };
}

/** A household with its members, 支援開始 and consent as given; returns its id. */
export async function addHousehold(page: Page, seed: HouseholdSeed): Promise<string> {
  const { id } = await bridge<{ id: string }>(page, 'households.create', {
    caseNo: seed.caseNo,
    receivedOn: seed.receivedOn,
    label: seed.label,
    referralAgencyId: null,
    issues: [],
    note: '',
  });
  await bridge(page, 'households.saveMembers', {
    householdId: id,
    members: seed.members.map((m) => ({ ...m, livesInHousehold: true, deceased: false, keyPerson: false })),
  });
  if (seed.startedOn)
    await bridge(page, 'households.changeStatus', { householdId: id, action: 'start', on: seed.startedOn });
  if (seed.consent)
    await bridge(page, 'consents.add', {
      householdId: id,
      obtainedOn: seed.consent.obtainedOn,
      method: seed.consent.method,
      obtainedBy: '検証 太郎',
      allAgencies: true,
      agencyIds: [],
    });
  return id;
}

export interface MeetingSeed {
  householdId: string;
  meetingNo: string;
  heldOn: string;
  /** 様式1's 発信日. */
  issuedOn: string;
  /** The attending agencies, in order (each with a 相談員 「担当 n」). */
  agencyIds: string[];
  kind?: 'consented' | 'unconsented';
  startTime?: string;
  endTime?: string;
  agenda?: string[];
}

/** A meeting at 市役所 第2会議室 (14:00–15:30 unless given); returns its id. */
export async function addMeeting(page: Page, seed: MeetingSeed): Promise<string> {
  const { id } = await bridge<{ id: string }>(page, 'meetings.create', {
    householdId: seed.householdId,
    kind: seed.kind ?? 'consented',
    meetingNo: seed.meetingNo,
    heldOn: seed.heldOn,
    startTime: seed.startTime ?? '14:00',
    endTime: seed.endTime ?? '15:30',
    place: '市役所 第2会議室',
    agenda: seed.agenda ?? [],
    handouts: [],
    attendees: seed.agencyIds.map((agencyId, k) => ({
      agencyId,
      title: '相談員',
      personName: `担当 ${k + 1}`,
      scopeReason: '',
    })),
    noticeNumber: null,
    issuedOn: seed.issuedOn,
    replyBy: '',
  });
  return id;
}

/**
 * The meeting's plan 確定 (its first row with `goal` and `nextActions`) and its report saved with
 * 次回見直し予定日 and the agencies that monitor.
 */
export async function finalizePlanAndReport(
  page: Page,
  meetingId: string,
  plan: { goal: string; nextActions: string; nextReviewOn: string; monitoringAgencyIds: string[] },
): Promise<void> {
  const detail = await bridge<{
    planRows: { id: string | null; target: string; memberId: string | null }[];
  }>(page, 'meetings.get', { id: meetingId });
  await bridge(page, 'meetings.savePlan', {
    meetingId,
    status: 'final',
    rows: detail.planRows.map((r, k) => ({
      ...(r.id ? { id: r.id } : {}),
      target: r.target,
      memberId: r.memberId,
      goal: k === 0 ? plan.goal : '',
      discussion: '',
      nextActions: k === 0 ? plan.nextActions : '',
      roles: '',
    })),
  });
  await bridge(page, 'meetings.saveReport', {
    meetingId,
    reportSections: [],
    nextReviewOn: plan.nextReviewOn,
    monitoringAgencyIds: plan.monitoringAgencyIds,
  });
}

export interface ProgressNoteSeed {
  notedOn: string;
  agencyId: string | null;
  means?: 'visit' | 'phone';
  content?: string;
  /** 次回予定 and its day (ホーム's 連絡の予定). */
  next?: { plan: string; on: string };
}

/** One 支援経過 by a 相談員, 10:00–10:30. */
export async function addProgressNote(page: Page, householdId: string, note: ProgressNoteSeed) {
  await bridge(page, 'progressNotes.save', {
    householdId,
    notedOn: note.notedOn,
    agencyId: note.agencyId,
    staff: '相談員',
    ...(note.means ? { means: note.means, timeFrom: '10:00', timeTo: '10:30', memberIds: [] } : {}),
    content: note.content ?? '本人と面談し、生活の様子を聞いた。',
    nextPlan: note.next?.plan ?? '',
    ...(note.next ? { nextOn: note.next.on } : {}),
  });
}

/** How many households 世帯一覧 lists now (up to 1,000), or finds for `query`. */
export async function householdCount(page: Page, query = ''): Promise<number> {
  return (await bridge<unknown[]>(page, 'households.list', { query, limit: 1000 })).length;
}

/**
 * 取り込み of a generated 相談受付台帳 (`households` households, 受付番号 `<prefix>-00000`…, written
 * into `dir`): 内容を確認 runs freely, then 取り込む is confirmed with the worker held before its
 * first report (a harness with `pacedJobs`), so the spec decides when each count arrives.
 */
export async function startLedgerImport(
  page: Page,
  pace: JobPace,
  ledger: { households: number; prefix: string; dir: string },
): Promise<void> {
  await openPage(page, '取り込み');
  await mkdir(ledger.dir, { recursive: true });
  const file = join(ledger.dir, '相談受付台帳.xlsx');
  await writeFile(file, await largeLedger(ledger.households, ledger.prefix));
  await page.locator('input[type="file"]').setInputFiles(file);

  pace.only(['import']);
  pace.release();
  await page.getByRole('button', { name: '内容を確認' }).click();
  await expect(page.getByText('誤りはありません。次の内容を登録できます')).toBeVisible({ timeout: 600_000 });

  pace.allow(0);
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'この内容で取り込みますか' })
    .getByRole('button', { name: '取り込む' })
    .click();
  await expect(page.getByRole('progressbar', { name: '取り込みの進み具合' })).toBeVisible({
    timeout: 120_000,
  });
}
