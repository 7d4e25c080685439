import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAgencies } from '../agencies.js';
import { listAuditEvents } from '../audit.js';
import { listConsents, withdrawConsent } from '../consent.js';
import { deskOn } from '../desk.js';
import { listHouseholds } from '../household-page.js';
import { getMeeting, listMeetings } from '../meetings.js';
import { dayCtx, serviceCtx } from '../testing/service-context.js';
import { signedInVault } from '../testing/signed-in-vault.js';
import {
  csvBytes,
  dumpDatabase,
  fileOf,
  importCounts,
  type Rows,
  type SheetData,
  xlsxFiles,
} from './fixtures.js';
import { previewImport, runImport } from './index.js';

const now = new Date('2026-11-22T01:00:00Z');
const today = '2026-11-22';
let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault(() => now);
});
afterEach(async () => vault.close());

const sqlite = () => vault.session.signedIn().store.sqlite;
type Book = Record<string, SheetData>;
const run = async (book: Book) =>
  runImport(serviceCtx(vault.db, vault.userId, now), { files: await xlsxFiles(book) });
const meetings = () => listMeetings(dayCtx(vault.db, today), { limit: 100 });
const meetingId = async (meetingNo: string) =>
  (await meetings()).find((m) => m.meetingNo === meetingNo)?.id ?? '';

/**
 * Three households: R8-001 consented from 2026-05-01 for every agency, R8-002 consented from
 * 2026-06-01 for three named agencies (one not yet registered), R8-003 without consent.
 */
const households: Rows = [
  {
    受付番号: 'R8-001',
    受付日: '2026/4/10',
    世帯表示名: 'A氏世帯',
    本人同意: 'あり',
    同意取得日: '2026/5/1',
  },
  {
    受付番号: 'R8-002',
    受付日: '2026/4/20',
    世帯表示名: 'B氏世帯',
    本人同意: 'あり',
    同意取得日: 'R8.6.1',
    同意範囲: '地域包括支援センター、社会福祉協議会、ＮＰＯ法人ひだまり',
  },
  { 受付番号: 'R8-003', 受付日: '令和8年5月7日', 世帯表示名: 'C氏世帯', 本人同意: 'なし' },
];
const members: Rows = [
  { 受付番号: 'R8-001', 記号: 'A', 氏名: '𠮷田 花子', 本人: '○' },
  { 受付番号: 'R8-001', 記号: 'B', 氏名: '𠮷田 髙志' },
  { 受付番号: 'R8-002', 記号: 'A', 氏名: '山﨑 美咲', 本人: '○' },
  { 受付番号: 'R8-003', 記号: 'A', 氏名: '佐藤 一' },
  { 受付番号: 'R8-003', 記号: 'B', 氏名: '佐藤 二' },
];
const meetingRows: Rows = [
  {
    会議番号: 'R8-001-1',
    受付番号: 'R8-001',
    種別: '重層的支援会議',
    開催日: '2026/5/20',
    開始時刻: '14:00',
    終了時刻: '15:30',
    場所: '市役所 第2会議室',
    支援プラン作成: 'あり',
  },
  { 会議番号: 'R8-001-2', 受付番号: 'R8-001', 種別: '重層的支援会議', 開催日: '令和8年8月3日' },
  {
    会議番号: 'R8-002-1',
    受付番号: 'R8-002',
    種別: '重層的支援会議',
    開催日: '2026-06-10',
    開始時刻: '9:30',
    終了時刻: '11時',
  },
  // Before R8-002's consent: allowed as a 支援会議, with any agency (106条の6).
  { 会議番号: 'R8-002-0', 受付番号: 'R8-002', 種別: '支援会議', 開催日: '2026/5/15' },
  {
    会議番号: 'R8-003-1',
    受付番号: 'R8-003',
    種別: '支援会議',
    開催日: new Date(Date.UTC(2026, 6, 1)),
    開始時刻: '１３：３０',
    終了時刻: 0.625,
    支援プラン作成: 'なし',
  },
];
const attendees: Rows = [
  {
    会議番号: 'R8-001-1',
    分野: '高齢',
    機関名: '地域包括支援センター',
    職名: '社会福祉士',
    出席者: '包括 一郎',
  },
  { 会議番号: 'R8-001-1', 分野: '地域', 機関名: 'ＮＰＯ法人ひだまり', 出席者: '日溜 二郎' },
  { 会議番号: 'R8-001-2', 機関名: '地域包括支援センター', 出席者: '包括 一郎' },
  { 会議番号: 'R8-002-1', 機関名: '地域包括支援センター' },
  { 会議番号: 'R8-002-1', 機関名: 'ＮＰＯ法人ひだまり', 出席者: '日溜 二郎' },
  { 会議番号: 'R8-002-0', 分野: '教育', 機関名: '学校', 職名: '教頭' },
  { 会議番号: 'R8-003-1', 機関名: '民生委員・児童委員', 出席者: '民生 三子' },
  { 会議番号: 'R8-003-1', 機関名: '警察署', 職名: '生活安全課' },
  { 会議番号: 'R8-003-1', 機関名: '見守りの会' },
];
const plan: Rows = [
  {
    会議番号: 'R8-001-1',
    対象: 'A',
    目標: '通院を続ける',
    検討内容: '受診同行',
    当面の取組事項: '予約',
    役割分担: '包括',
  },
  { 会議番号: 'R8-001-1', 対象: 'b氏', 目標: '就労', 検討内容: '相談につなぐ' },
  { 会議番号: 'R8-001-1', 対象: '危機介入', 目標: '急変時は119番' },
  { 会議番号: 'R8-001-1', 対象: 'その他', 当面の取組事項: '次回 8月' },
  { 会議番号: 'R8-003-1', 対象: 'B', 検討内容: '見守りの頻度' },
];
const ledger = (over: Partial<Record<'会議' | '出席者' | 'プラン', Rows>> = {}): Book => ({
  世帯: { rows: households },
  世帯員: { rows: members },
  会議: { rows: over.会議 ?? meetingRows },
  出席者: { rows: over.出席者 ?? attendees },
  プラン: { rows: over.プラン ?? plan },
});
const replaceRow = (rows: Rows, index: number, over: Rows[number]): Rows =>
  rows.map((row, i) => (i === index ? { ...row, ...over } : row));

/** Runs the preview and the import; both must fail with `errors` and leave every table as it was. */
async function expectNothingWritten(book: Book, errors: string[]): Promise<void> {
  const before = dumpDatabase(sqlite());
  const files = await xlsxFiles(book);
  const preview = await previewImport(serviceCtx(vault.db, '', now), { files: files });
  expect(preview.errors).toEqual(errors);
  expect(preview.ok).toBe(false);
  expect(dumpDatabase(sqlite())).toEqual(before);
  const report = await runImport(serviceCtx(vault.db, vault.userId, now), { files: files });
  expect(report).toEqual(preview);
  expect(dumpDatabase(sqlite())).toEqual(before);
}

describe('会議・出席者・プランの取り込み', () => {
  it('両方の種別の会議と出席者・プランを取り込み、件数が合い、会議一覧と詳細に出る', async () => {
    const report = await run(ledger());
    expect(report).toEqual({
      ok: true,
      counts: importCounts({
        households: 3,
        members: 5,
        consents: 2,
        agenciesAdded: 2,
        meetings: 5,
        attendees: 9,
        planRows: 5,
      }),
      errors: [],
    });
    expect(
      (await meetings()).map((m) => [
        m.meetingNo,
        m.caseNo,
        m.kind,
        m.heldOn,
        m.attendeeCount,
        m.planRowCount,
      ]),
    ).toEqual([
      ['R8-001-2', 'R8-001', 'consented', '2026-08-03', 1, 0],
      ['R8-003-1', 'R8-003', 'unconsented', '2026-07-01', 3, 1],
      ['R8-002-1', 'R8-002', 'consented', '2026-06-10', 2, 0],
      ['R8-001-1', 'R8-001', 'consented', '2026-05-20', 2, 4],
      ['R8-002-0', 'R8-002', 'unconsented', '2026-05-15', 1, 0],
    ]);
    const first = await getMeeting(serviceCtx(vault.db, vault.userId, now), {
      id: await meetingId('R8-001-1'),
    });
    expect(first).toMatchObject({
      startTime: '14:00',
      endTime: '15:30',
      place: '市役所 第2会議室',
      planStatus: 'final',
      issuedOn: '2026-05-20',
      noticeNumber: null,
      replyBy: null,
      consentOnDate: 'granted',
      agenda: [
        '開会',
        '参加機関紹介',
        '現状及び課題の共有',
        '当面の支援方針及び役割分担',
        'その他（次回開催予定）',
        '閉会',
      ],
      handouts: [],
    });
    expect(first.attendees).toMatchObject([
      {
        agencyName: '地域包括支援センター',
        field: '高齢',
        title: '社会福祉士',
        personName: '包括 一郎',
        inScope: true,
      },
      { agencyName: 'ＮＰＯ法人ひだまり', field: '地域', title: '', personName: '日溜 二郎', inScope: true },
    ]);
    expect(first.planRows).toMatchObject([
      {
        target: 'member',
        heading: 'A氏 𠮷田 花子',
        goal: '通院を続ける',
        discussion: '受診同行',
        nextActions: '予約',
        roles: '包括',
      },
      { target: 'member', heading: 'B氏 𠮷田 髙志', goal: '就労', discussion: '相談につなぐ' },
      { target: 'crisis', heading: '危機介入', goal: '急変時は119番' },
      { target: 'other', heading: 'その他', nextActions: '次回 8月' },
    ]);
    const unconsented = await getMeeting(serviceCtx(vault.db, vault.userId, now), {
      id: await meetingId('R8-003-1'),
    });
    expect(unconsented).toMatchObject({ startTime: '13:30', endTime: '15:00', planStatus: 'none' });
    expect(unconsented.attendees.map((a) => [a.agencyName, a.field, a.inScope])).toEqual([
      ['民生委員・児童委員', '地域', true],
      ['警察署', '司法・警察', true],
      ['見守りの会', 'その他', true],
    ]);
    const second = await getMeeting(serviceCtx(vault.db, vault.userId, now), {
      id: await meetingId('R8-002-1'),
    });
    expect(second).toMatchObject({ startTime: '09:30', endTime: '11:00', planStatus: 'none' });
    expect(second.attendees.every((a) => a.inScope && a.scopeReason === null)).toBe(true);

    const events = await listAuditEvents(vault.db, { limit: 20 });
    expect(events.find((e) => e.kind === 'import.completed')?.detail).toMatchObject({
      meetings: 5,
      attendees: 9,
      planRows: 5,
    });
    expect(events.some((e) => e.kind === 'meeting.scopeException')).toBe(false);

    // 移行データ are past records: ホーム never asks for their 様式4 or their plan's 確定 (rule 21).
    const desk = await deskOn(dayCtx(vault.db, today), {});
    expect(desk.reportsMissing).toEqual([]);
    expect(desk.plansUnconfirmed).toEqual([]);
  });

  it('登録済みの世帯の会議だけのブック（世帯シートなし）も取り込め、世帯員の記号は登録済みのもの、登録済みの機関の分野は変えない', async () => {
    expect((await run({ 世帯: { rows: households }, 世帯員: { rows: members } })).ok).toBe(true);
    const report = await run({
      会議: { rows: meetingRows.slice(0, 2) },
      出席者: { rows: attendees.slice(0, 3) },
      プラン: { rows: plan.slice(0, 4) },
    });
    expect(report).toEqual({
      ok: true,
      counts: importCounts({ meetings: 2, attendees: 3, planRows: 4 }),
      errors: [],
    });
    // Added by the first import from R8-002's 同意範囲: a registered agency keeps its 分野.
    expect((await listAgencies({ db: vault.db })).find((a) => a.name === 'ＮＰＯ法人ひだまり')?.field).toBe(
      'その他',
    );
    expect((await meetings()).map((m) => [m.meetingNo, m.planRowCount])).toEqual([
      ['R8-001-2', 0],
      ['R8-001-1', 4],
    ]);
    expect(
      (await listHouseholds(dayCtx(vault.db, today), { query: '', sort: 'receivedOn', limit: 10 })).length,
    ).toBe(3);
  });

  it('CSV（世帯.csv … プラン.csv、Shift_JIS と UTF-8）でも同じ件数で取り込める', async () => {
    const book = ledger({ 会議: replaceRow(meetingRows, 4, { 終了時刻: '15:00' }) });
    const files = Object.entries(book).map(([name, data], i) =>
      fileOf(`${name}.csv`, csvBytes(name, data, i % 2 === 0 ? 'cp932' : 'utf8-bom')),
    );
    const report = await runImport(serviceCtx(vault.db, vault.userId, now), { files: files });
    expect(report.errors).toEqual([]);
    expect(report.counts).toMatchObject({ households: 3, meetings: 5, attendees: 9, planRows: 5 });
    const detail = await getMeeting(serviceCtx(vault.db, vault.userId, now), {
      id: await meetingId('R8-003-1'),
    });
    expect(detail).toMatchObject({ heldOn: '2026-07-01', startTime: '13:30', endTime: '15:00' });
  });

  it('ファイルにも台帳にも行がなければ誤り。見出しだけの会議シートは「行がない」', async () => {
    const report = await run({ 会議: { rows: [] } });
    expect(report.errors).toEqual([
      '取り込む行がありません（「世帯」か「会議」のシートに1行以上入力してください）',
    ]);
  });
});

describe('本人同意のない重層的支援会議は取り込まない（ルール2）', () => {
  it('同意取得日より前の日付・同意のない世帯の重層的支援会議は「会議 行N 種別」の誤りになり、どの表も1行も変わらない', async () => {
    expect((await run({ 世帯: { rows: [{ ...households[0], 受付番号: 'R5-001' }] } })).ok).toBe(true);
    const book = ledger({
      会議: [
        ...replaceRow(meetingRows, 2, { 開催日: '2026/5/25' }),
        { 会議番号: 'R8-003-2', 受付番号: 'R8-003', 種別: '重層的支援会議', 開催日: '2026/7/2' },
      ],
    });
    await expectNothingWritten(book, [
      '会議 行4 種別: 本人同意の取得日（令和8年6月1日）より前の令和8年5月25日（月）には開けません。その日の会議は「支援会議」として開いてください。',
      '会議 行7 種別: この世帯には本人同意の記録がありません。同意のない世帯の会議は、社会福祉法第106条の6に基づく「支援会議」として開いてください。',
    ]);
    expect((await meetings()).length).toBe(0);
    expect(
      (await listHouseholds(dayCtx(vault.db, today), { query: '', sort: 'receivedOn', limit: 10 })).length,
    ).toBe(1);
  });

  it('登録済みの世帯で同意が撤回された後の日付の重層的支援会議は誤り。支援会議としてなら取り込める', async () => {
    expect((await run({ 世帯: { rows: households }, 世帯員: { rows: members } })).ok).toBe(true);
    const [household] = (
      await listHouseholds(dayCtx(vault.db, today), { query: '', sort: 'receivedOn', limit: 10 })
    ).filter((h) => h.caseNo === 'R8-001');
    const [consent] = await listConsents(vault.db, household?.id ?? '');
    await withdrawConsent(serviceCtx(vault.db, vault.userId, now), {
      consentId: consent?.id ?? '',
      withdrawnOn: '2026-09-01',
      reason: '本人の申し出',
    });
    const meeting = { 会議番号: 'R8-001-9', 受付番号: 'R8-001', 開催日: '2026/9/1' };
    await expectNothingWritten({ 会議: { rows: [{ ...meeting, 種別: '重層的支援会議' }] } }, [
      '会議 行2 種別: 令和8年9月1日（火）の時点で本人同意は撤回されています（撤回日 令和8年9月1日）。同意のない世帯の会議は、社会福祉法第106条の6に基づく「支援会議」として開いてください。',
    ]);
    expect((await run({ 会議: { rows: [{ ...meeting, 種別: '支援会議' }] } })).ok).toBe(true);
  });
});

describe('同意範囲の外の機関は重層的支援会議の出席者として取り込まない（ルール3）', () => {
  it('同意範囲に含まれない機関は「出席者 行N 機関名」の誤りで、理由は作らず何も書かない', async () => {
    const book = ledger({
      出席者: [
        ...attendees,
        { 会議番号: 'R8-002-1', 分野: '教育', 機関名: '学校', 職名: '教頭' },
        { 会議番号: 'R8-002-1', 機関名: '警察署' },
      ],
    });
    const reason = (name: string) =>
      `「${name}」は、この世帯の本人同意の範囲（同意範囲）に含まれていません。範囲外の機関が重層的支援会議に出席するには理由の記録が必要ですが、取り込みでは記録できません。この行を除いて取り込み、会議の画面で理由を添えて追加してください`;
    await expectNothingWritten(book, [
      `出席者 行11 機関名: ${reason('学校')}`,
      `出席者 行12 機関名: ${reason('警察署')}`,
    ]);
    expect(await meetings()).toEqual([]);
    expect((await listAgencies({ db: vault.db })).some((a) => a.name === 'ＮＰＯ法人ひだまり')).toBe(false);
  });
});

describe('会議・出席者・プランの誤りは、すべて「シート名 行N 列名: 理由」で返す', () => {
  it('会議番号の重複（ファイルの中・登録済み）、受付番号・会議番号のつながり、記号、時刻、分野の誤り', async () => {
    const first = ledger({ 会議: meetingRows.slice(0, 2), 出席者: [], プラン: plan.slice(0, 1) });
    expect((await run(first)).ok).toBe(true);
    const before = dumpDatabase(sqlite());
    const report = await run({
      会議: {
        rows: [
          { ...meetingRows[0] },
          { ...meetingRows[2], 開始時刻: '15:00', 終了時刻: '14:30' },
          { ...meetingRows[2], 受付番号: 'R8-999' },
          {
            ...meetingRows[3],
            種別: '重層会議',
            開始時刻: '25:00',
            終了時刻: new Date(Date.UTC(2026, 4, 1)),
          },
          { ...meetingRows[4], 支援プラン作成: 'あり' },
        ],
      },
      出席者: {
        rows: [
          { 会議番号: 'R8-404', 機関名: '学校' },
          { 会議番号: 'R8-001-2', 機関名: '学校' },
          { 会議番号: 'R8-002-0', 分野: '福祉', 機関名: '新しい団体' },
          { 会議番号: 'R8-002-0', 分野: '地域', 機関名: '別の団体', 出席者: '甲' },
          { 会議番号: 'R8-002-0', 分野: '教育', 機関名: '別の団体', 出席者: '乙' },
          { 会議番号: 'R8-002-0', 機関名: '学校', 出席者: '校長' },
          { 会議番号: 'R8-002-0', 機関名: '学校', 出席者: '校長' },
        ],
      },
      プラン: {
        rows: [
          { 会議番号: 'R8-002-1', 対象: 'B' },
          { 会議番号: 'R8-002-1', 対象: '本人' },
          { 会議番号: 'R8-002-1', 対象: '' },
          { 会議番号: 'R8-777', 対象: 'A' },
        ],
      },
    });
    expect(report.errors).toEqual([
      '会議 行2 会議番号: 「R8-001-1」はすでに登録されています（取り込みでは上書きしません）',
      '会議 行3 終了時刻: 終了時刻（14:30）は開始時刻（15:00）より後にしてください',
      '会議 行4 受付番号: 「R8-999」は「世帯」シートにも、かさねにも登録されていません',
      '会議 行4 会議番号: 「R8-002-1」は行3と重複しています',
      '会議 行5 種別: 「重層会議」は選べません（重層的支援会議 / 支援会議 のどれか）',
      '会議 行5 開始時刻: 「25:00」は時刻として読み取れません（14:00 のように入力してください）',
      '会議 行5 終了時刻: 日付が入力されています。時刻だけを入力してください（14:00 のように入力してください）',
      '会議 行6 支援プラン作成: 「あり」のときは「プラン」シートに、会議番号「R8-003-1」の目標か検討内容のある行を入れてください',
      '出席者 行2 会議番号: 「R8-404」は「会議」シートにありません',
      '出席者 行3 会議番号: 「R8-001-2」は登録済みの会議です。取り込みでは登録済みの会議に出席者を足せません（会議の画面で追加してください）',
      '出席者 行4 分野: 「福祉」は選べません（高齢 / 障がい / 子ども / 生活困窮 / 保健・医療 / 教育 / 地域 / 司法・警察 / 行政 / その他 のどれか）',
      '出席者 行6 分野: 「別の団体」の分野は行5で「地域」としています（同じ機関には同じ分野を）',
      '出席者 行8 機関名: 会議番号「R8-002-0」の出席者「学校」の「校長」は行7と重複しています',
      'プラン 行2 対象: 「B」は受付番号「R8-002」の世帯員の記号ではありません（この世帯の記号: A）',
      'プラン 行3 対象: 「本人」は対象にできません（世帯員の記号 A, B …、危機介入、その他 のどれか）',
      'プラン 行4 対象: 入力してください（世帯員の記号 A, B …、危機介入、その他 のどれか）',
      'プラン 行5 会議番号: 「R8-777」は「会議」シートにありません',
    ]);
    expect(report.ok).toBe(false);
    expect(dumpDatabase(sqlite())).toEqual(before);
  });

  it('時刻は 9:30・１３：３０・14時・14時30分・Excel の時刻（数値・日付型）で読め、終了が開始と同じなら誤り', async () => {
    const times: [start: string | number | Date, end: string | number | Date, expected: [string, string]][] =
      [
        ['9:30', '１０：４５', ['09:30', '10:45']],
        ['14時', '14時30分', ['14:00', '14:30']],
        [0.375, new Date(Date.UTC(1899, 11, 30, 11, 15)), ['09:00', '11:15']],
      ];
    const rows = times.map(([start, end], i) => ({
      会議番号: `T-${i}`,
      受付番号: 'R8-003',
      種別: '支援会議',
      開催日: '2026/7/1',
      開始時刻: start,
      終了時刻: end,
    }));
    const report = await run({ 世帯: { rows: households.slice(2) }, 会議: { rows } });
    expect(report.errors).toEqual([]);
    const stored = await meetings();
    for (const [i, [, , expected]] of times.entries()) {
      const meeting = stored.find((m) => m.meetingNo === `T-${i}`);
      expect([meeting?.startTime, meeting?.endTime]).toEqual(expected);
    }
    const same = await run({ 会議: { rows: [{ ...rows[0], 会議番号: 'T-9', 終了時刻: '09:30' }] } });
    expect(same.errors).toEqual([
      '会議 行2 終了時刻: 終了時刻（09:30）は開始時刻（09:30）より後にしてください',
    ]);
  });

  it('世帯や世帯員の行の誤りは、その会議・プランの行で二重に責めない', async () => {
    const broken = await run({
      世帯: { rows: [{ ...households[2], 受付番号: 'R8-010', 受付日: '令和6年2月30日' }] },
      世帯員: {
        rows: [
          { 受付番号: 'R8-010', 記号: 'A', 氏名: '' },
          { 受付番号: 'R8-010', 記号: 'B', 氏名: '二' },
        ],
      },
      会議: { rows: [{ ...meetingRows[4], 会議番号: 'R8-010-1', 受付番号: 'R8-010' }] },
      プラン: { rows: [{ 会議番号: 'R8-010-1', 対象: 'A', 目標: '見守り' }] },
    });
    expect(broken.errors).toEqual([
      '世帯 行2 受付日: 「令和6年2月30日」は存在する日付ではありません（例: 2024/4/1、令和6年4月1日、R6.4.1）',
      '世帯員 行2 氏名: 氏名を入力してください',
    ]);
  });
});

describe('文字はそのまま残る（ルール16）', () => {
  it('<&>"\'・𠮷・髙・﨑・絵文字・5,000字の検討内容はそのまま、5,001字と制御文字は誤り', async () => {
    const hostile = `<&>"'\t改行も\nそのまま𠮷髙﨑😀`;
    // 5,000 characters as zod counts them: 𠮷 and 😀 are one character each.
    const discussion = hostile + 'あ'.repeat(5000 - [...hostile].length);
    const book = ledger({
      会議: [{ ...meetingRows[4], 場所: `<&>"'会議室😀` }],
      出席者: [{ 会議番号: 'R8-003-1', 機関名: `髙﨑<&>ネット`, 出席者: '𠮷野 髙子😀' }],
      プラン: [{ 会議番号: 'R8-003-1', 対象: 'A', 検討内容: discussion }],
    });
    const bad = ledger({
      // _x0007_ is how Excel stores a BEL.
      会議: [{ ...meetingRows[4], 場所: 'ベル_x0007_' }],
      出席者: [],
      プラン: [{ 会議番号: 'R8-003-1', 対象: 'A', 検討内容: `${discussion}あ` }],
    });
    await expectNothingWritten(bad, [
      '会議 行2 場所: 改行とタブ以外の制御文字が含まれています',
      'プラン 行2 検討内容: 5000文字以内で入力してください',
    ]);
    expect((await run(book)).ok).toBe(true);
    const detail = await getMeeting(serviceCtx(vault.db, vault.userId, now), {
      id: await meetingId('R8-003-1'),
    });
    expect(detail.place).toBe(`<&>"'会議室😀`);
    expect(detail.attendees).toMatchObject([{ agencyName: '髙﨑<&>ネット', personName: '𠮷野 髙子😀' }]);
    expect(detail.planRows[0]?.discussion).toBe(discussion);
    expect([...discussion]).toHaveLength(5000);
  });
});

describe('移行データ（ルール21）', () => {
  it('開催済みの会議は移行データとして入り「未作成」を出さない。今後の会議は予定のまま、その支援プランは確定にできない', async () => {
    const book = ledger({
      会議: [
        ...meetingRows,
        { 会議番号: 'R8-003-9', 受付番号: 'R8-003', 種別: '支援会議', 開催日: '2026/12/10' },
      ],
    });
    expect((await run(book)).ok).toBe(true);
    const list = await meetings();
    expect(list.map((m) => [m.meetingNo, m.migrated, m.missing])).toEqual([
      ['R8-003-9', 'no', []],
      ['R8-001-2', 'pastRecord', []],
      ['R8-003-1', 'pastRecord', []],
      ['R8-002-1', 'pastRecord', []],
      ['R8-001-1', 'pastRecord', []],
      ['R8-002-0', 'pastRecord', []],
    ]);
    await expectNothingWritten(
      {
        会議: {
          rows: [
            {
              会議番号: 'R8-003-8',
              受付番号: 'R8-003',
              種別: '支援会議',
              開催日: '2026/12/11',
              支援プラン作成: 'あり',
            },
          ],
        },
        プラン: { rows: [{ 会議番号: 'R8-003-8', 対象: 'その他', 目標: '見守り' }] },
      },
      [
        '会議 行2 支援プラン作成: 支援プランは会議の開催日（令和8年12月11日）以降に確定します。今日（令和8年11月22日）はまだ確定できません。',
      ],
    );
  });
});
