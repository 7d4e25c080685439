import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearRange } from '../../domain/fiscal-year.js';
import type { Statistics } from '../../ipc/schemas/statistics.js';
import { a4, margins } from '../forms/page.js';
import { xlsxBytes } from '../import/fixtures.js';
import { runImport } from '../import/index.js';
import { csvToPdf, docxToPdf, pdfFonts, pdfPages, pdfText, pdfToPng } from '../testing/libreoffice.js';
import { seededRandom } from '../testing/seeded-random.js';
import { dayCtx, serviceCtx } from '../testing/service-context.js';
import { signedInVault } from '../testing/signed-in-vault.js';
import { statisticsFile, statisticsFor } from './index.js';
import { mainItems } from './report.js';

/**
 * A ledger over 年度 2023–2025 made by a seeded generator, imported through the real importer;
 * every number the service prints is checked against counts the test makes itself.
 */
interface Household {
  caseNo: string;
  receivedOn: string;
  consentOn: string | null;
  closedOn: string | null;
  issues: string[];
  referral: { name: string; field: string } | null;
  members: { birth: string | null }[];
}
interface Meeting {
  no: string;
  caseNo: string;
  kind: 'consented' | 'unconsented';
  heldOn: string;
  plan: boolean;
}

const agencies = [
  { name: '地域包括支援センター', field: '高齢' },
  { name: '社会福祉協議会', field: '地域' },
  { name: 'こども家庭センター', field: '子ども' },
  { name: '障がい者基幹相談支援センター', field: '障がい' },
];
const issueNames = ['8050', 'ダブルケア', '社会的孤立・ひきこもり', 'ヤングケアラー', '生活困窮'];

function generate(): { households: Household[]; meetings: Meeting[] } {
  const rand = seededRandom(20241).next;
  const day = (fromIso: string, spanDays: number) =>
    new Date(Date.parse(`${fromIso}T00:00:00Z`) + Math.floor(rand() * spanDays) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  // Boundary dates first: 3/31 belongs to the 年度 that ends, 4/1 to the one that starts.
  const fixed = ['2024-03-31', '2024-04-01', '2025-03-31', '2025-04-01', '2026-03-31', '2023-04-01'];
  const households: Household[] = [];
  for (let i = 0; i < 140; i++) {
    const receivedOn = fixed[i] ?? day('2023-04-01', 1096);
    const consented = rand() < 0.6;
    const consentOn = consented ? (rand() < 0.8 ? receivedOn : day(receivedOn, 200)) : null;
    const closes = rand() < 0.35;
    const closedOn = i === 1 ? '2025-03-31' : closes ? day(receivedOn, 400) : null;
    households.push({
      caseNo: `T-${String(i).padStart(3, '0')}`,
      receivedOn,
      consentOn: consentOn && consentOn <= '2026-03-31' ? consentOn : null,
      closedOn: closedOn && closedOn <= '2026-03-31' ? closedOn : null,
      issues: issueNames.filter(() => rand() < 0.35),
      referral: rand() < 0.85 ? (agencies[Math.floor(rand() * agencies.length)] ?? null) : null,
      members: Array.from({ length: 1 + Math.floor(rand() * 5) }, () => ({
        birth:
          rand() < 0.9
            ? `${1935 + Math.floor(rand() * 80)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`
            : null,
      })),
    });
  }
  const meetings: Meeting[] = [];
  households.forEach((h, i) => {
    if (i % 2 !== 0) return;
    const heldOn = h.consentOn ?? h.receivedOn;
    if (heldOn > '2026-03-31') return;
    meetings.push({
      no: `M-${i}`,
      caseNo: h.caseNo,
      kind: h.consentOn ? 'consented' : 'unconsented',
      heldOn,
      plan: Boolean(h.consentOn) && i % 4 === 0,
    });
  });
  return { households, meetings };
}

const { households, meetings } = generate();
const labels = 'ABCDEF';
const years = [2023, 2024, 2025];
let vault: Awaited<ReturnType<typeof signedInVault>>;
let stats: Statistics;

beforeAll(async () => {
  vault = await signedInVault(() => new Date('2026-05-01T01:00:00Z'));
  const bytes = await xlsxBytes({
    世帯: {
      rows: households.map((h) => ({
        受付番号: h.caseNo,
        受付日: h.receivedOn,
        世帯表示名: `世帯${h.caseNo}`,
        本人同意: h.consentOn ? 'あり' : 'なし',
        同意取得日: h.consentOn,
        相談経路: h.referral?.name ?? null,
        課題: h.issues.join('、') || null,
        状態: h.closedOn ? '終結' : '支援中',
        終結日: h.closedOn,
        終結理由: h.closedOn ? '課題解決' : null,
      })),
    },
    世帯員: {
      rows: households.flatMap((h, k) => [
        ...h.members.map((m, i) => ({
          受付番号: h.caseNo,
          記号: labels[i] ?? 'Z',
          氏名: `統計 ${h.caseNo}${labels[i]}`,
          生年月日: m.birth,
          本人: i === 0 ? '○' : null,
          同居: '○',
        })),
        // Every third household has a relative drawn on its 家族構成図 who lives elsewhere: not a 世帯員 to count.
        ...(k % 3 === 0
          ? [
              {
                受付番号: h.caseNo,
                記号: labels[h.members.length] ?? 'Z',
                氏名: `別居 ${h.caseNo}`,
                同居: null,
              },
            ]
          : []),
      ]),
    },
    会議: {
      rows: meetings.map((m) => ({
        会議番号: m.no,
        受付番号: m.caseNo,
        種別: m.kind === 'consented' ? '重層的支援会議' : '支援会議',
        開催日: m.heldOn,
        支援プラン作成: m.plan ? 'あり' : 'なし',
      })),
    },
    プラン: {
      rows: meetings
        .filter((m) => m.plan)
        .map((m) => ({ 会議番号: m.no, 対象: 'A', 目標: '安定した生活', 検討内容: '見守り' })),
    },
  });
  const report = await runImport(serviceCtx(vault.db, vault.userId, new Date('2026-05-01T01:00:00Z')), {
    files: [{ name: 'ledger.xlsx', base64: bytes.toString('base64') }],
  });
  expect(report.errors).toEqual([]);
  stats = await statisticsFor(serviceCtx(vault.db, vault.userId, new Date('2026-05-01T01:00:00Z')), {
    fiscalYears: years,
    threshold: 3,
  });
}, 120_000);
afterAll(async () => vault.close());

const inYear = (iso: string | null, fy: number) =>
  iso !== null && iso >= fiscalYearRange(fy).start && iso <= fiscalYearRange(fy).end;
const openAtEnd = (h: Household, fy: number) =>
  h.receivedOn <= fiscalYearRange(fy).end && !(h.closedOn && h.closedOn <= fiscalYearRange(fy).end);
const consentedIn = (h: Household, fy: number) =>
  h.consentOn !== null && h.consentOn <= fiscalYearRange(fy).end;

function expectCell(actual: number | '＊' | undefined, expected: number, threshold = 3) {
  if (actual === '＊') expect(expected === 0 || expected >= 1).toBe(true);
  else expect(actual).toBe(expected);
  if (expected >= 1 && expected < threshold) expect(actual).toBe('＊');
}

describe('年度の統計（ルール11〜14）: 取り込んだ台帳と独立に数えた値が一致する', () => {
  it('主な表の6項目（年度合計は秘匿しない）', () => {
    const row = (item: string) => stats.main.find((r) => r.item === item)?.values ?? {};
    for (const fy of years) {
      const y = String(fy);
      const expected = {
        '複合的課題を抱える相談者（件数）': households.filter((h) => inYear(h.receivedOn, fy)).length,
        '重層的支援会議の開催（回数）': meetings.filter((m) => m.kind === 'consented' && inYear(m.heldOn, fy))
          .length,
        '支援会議の開催（回数）': meetings.filter((m) => m.kind === 'unconsented' && inYear(m.heldOn, fy))
          .length,
        '支援プランの作成（件数）': meetings.filter((m) => m.plan && inYear(m.heldOn, fy)).length,
        '終結（件数）': households.filter((h) => inYear(h.closedOn, fy)).length,
        '年度末継続（件数）': households.filter((h) => openAtEnd(h, fy)).length,
      };
      for (const item of mainItems) expect(row(item)[y], `${item} ${fy}`).toBe(expected[item]);
      // Rule 14's identity.
      const before = households.filter((h) => openAtEnd(h, fy - 1)).length;
      expect(row('年度末継続（件数）')[y]).toBe(
        before + (row('複合的課題を抱える相談者（件数）')[y] as number) - (row('終結（件数）')[y] as number),
      );
    }
  });

  it('3/31 の受付・終結は終わる年度、4/1 は始まる年度に入り、3/31 に終結した世帯は継続に数えない', () => {
    const received = stats.main[0]?.values ?? {};
    expect(households.find((h) => h.receivedOn === '2024-03-31')).toBeTruthy();
    expect(received['2023']).toBe(
      households.filter((h) => h.receivedOn >= '2023-04-01' && h.receivedOn <= '2024-03-31').length,
    );
    const closedOnBoundary = households[1];
    expect(closedOnBoundary?.closedOn).toBe('2025-03-31');
    expect(openAtEnd(closedOnBoundary as Household, 2024)).toBe(false);
  });

  it('内訳は本人同意のある世帯だけ（同意のない世帯は年度合計にだけ入る）', () => {
    const tables = stats.breakdowns;
    const count = (fy: number, pick: (h: Household) => boolean) =>
      households.filter((h) => inYear(h.receivedOn, fy) && consentedIn(h, fy) && pick(h)).length;
    for (const fy of years) {
      const y = String(fy);
      for (const issue of issueNames) {
        const row = tables.課題?.find((r) => r.label === issue);
        expectCell(
          row?.values[y] ?? 0,
          count(fy, (h) => h.issues.includes(issue)),
        );
      }
      for (const a of agencies) {
        const row = tables.相談経路の分野?.find((r) => r.label === a.field);
        expectCell(
          row?.values[y],
          count(fy, (h) => h.referral?.field === a.field),
        );
      }
      expectCell(
        tables.相談経路の分野?.find((r) => r.label === '不明・なし')?.values[y],
        count(fy, (h) => h.referral === null),
      );
      const total = tables.世帯員数?.find((r) => r.label === '合計')?.values[y];
      expectCell(
        total,
        count(fy, () => true),
      );
      expect(count(fy, () => true)).toBeLessThan(households.filter((h) => inYear(h.receivedOn, fy)).length);
      for (const size of [1, 2, 3, 4])
        expectCell(
          tables.世帯員数?.find((r) => r.label === `${size}人`)?.values[y],
          count(fy, (h) => h.members.length === size),
        );
      expectCell(
        tables.世帯員数?.find((r) => r.label === '5人以上')?.values[y],
        count(fy, (h) => h.members.length >= 5),
      );
      for (let month = 1; month <= 12; month++) {
        expectCell(
          tables.受付月?.find((r) => r.label === `${month}月`)?.values[y],
          count(fy, (h) => Number(h.receivedOn.slice(5, 7)) === month),
        );
      }
      const decade = (h: Household) => {
        const birth = h.members[0]?.birth;
        if (!birth) return '不明';
        const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
        const [y2, m2, d2] = h.receivedOn.split('-').map(Number) as [number, number, number];
        const age = y2 - by - (m2 < bm || (m2 === bm && d2 < bd) ? 1 : 0);
        return age < 10 ? '10歳未満' : age >= 90 ? '90歳以上' : `${Math.floor(age / 10) * 10}代`;
      };
      for (const row of tables.本人の年代 ?? []) {
        if (row.label === '合計') continue;
        expectCell(
          row.values[y],
          count(fy, (h) => decade(h) === row.label),
        );
      }
    }
  });

  it('匿名の統計には氏名・受付番号・生年月日が入らない', () => {
    const text = JSON.stringify(stats);
    for (const h of households) {
      expect(text).not.toContain(h.caseNo);
      for (const m of h.members) if (m.birth) expect(text).not.toContain(m.birth);
    }
    expect(text).not.toContain('統計 T-');
  });

  it('既定の基準10では 1〜9 件がすべて＊になり、主な表は隠さない', async () => {
    const tenfold = await statisticsFor(
      serviceCtx(vault.db, vault.userId, new Date('2026-05-01T01:00:00Z')),
      {
        fiscalYears: years,
        threshold: 10,
      },
    );
    for (const rows of Object.values(tenfold.breakdowns)) {
      for (const row of rows)
        for (const v of Object.values(row.values))
          if (typeof v === 'number') expect(v === 0 || v >= 10).toBe(true);
    }
    expect(tenfold.main.flatMap((r) => Object.values(r.values)).every((v) => typeof v === 'number')).toBe(
      true,
    );
    expect(tenfold.suppression.primary).toBeGreaterThan(0);
  });
});

describe('統計の書き出し（CSV・Excel・Word）', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'kasane-stats-'));
  });
  afterAll(async () => rm(out, { recursive: true, force: true }));

  async function assertNothingPersonal(bytes: Buffer) {
    const asText = bytes.toString('utf8');
    for (const h of households) {
      expect(asText).not.toContain(h.caseNo);
      for (const m of h.members) if (m.birth) expect(asText).not.toContain(m.birth);
    }
    expect(asText).not.toContain('統計 T-');
  }

  it('CSV は BOM つき UTF-8 で、LibreOffice Calc で開くと日本語がそのまま読める', async () => {
    const file = await statisticsFile(dayCtx(vault.db, '2026-05-01'), stats, 'csv');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await assertNothingPersonal(file.bytes);
    const text = await pdfText(await csvToPdf(file.bytes, out));
    expect(text).toContain('複合的課題を抱える相談者（件数）');
    expect(text).toContain('令和6年度');
    expect(text).toContain('本人同意のある世帯');
  }, 120_000);

  it('Excel は表ごとのシートで読み戻せ、秘匿の基準と作成日の注記がある', async () => {
    const file = await statisticsFile(dayCtx(vault.db, '2026-05-01'), stats, 'xlsx');
    await assertNothingPersonal(file.bytes);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '主な表',
      ...Object.keys(stats.breakdowns).map((n) => `${n}別（本人同意のある世帯）`),
    ]);
    const main = book.getWorksheet('主な表');
    const received = main?.getRow(3).values as (string | number)[];
    expect(received.slice(1)).toEqual([
      '複合的課題を抱える相談者（件数）',
      ...years.map((y) => stats.main[0]?.values[String(y)]),
    ]);
    const notes: string[] = [];
    main?.eachRow((row) => notes.push(String(row.getCell(1).value ?? '')));
    expect(notes.join('\n')).toMatch(/秘匿の基準: 1〜2件は「＊」/);
    expect(notes.join('\n')).toContain('作成日: 令和8年5月1日');
  });

  it('Word の報告書は主な表とすべての内訳を載せ、様式と同じ A4 の余白・ヘッダー・フッター（n / N）で印刷される', async () => {
    const file = await statisticsFile(dayCtx(vault.db, '2026-05-01'), stats, 'docx');
    await assertNothingPersonal(file.bytes);
    const pdfs = await docxToPdf([{ name: 'statistics', bytes: file.bytes }], out);
    const pdf = pdfs.get('statistics') ?? '';
    const layout = await pdfText(pdf);
    const text = layout.replace(/\s+/g, '');
    for (const item of mainItems) expect(text).toContain(item);
    expect(text).toContain('令和5年度〜令和7年度');
    const breakdowns = Object.entries(stats.breakdowns);
    expect(breakdowns.map(([name]) => name)).toEqual([
      '課題',
      '相談経路の分野',
      '本人の年代',
      '世帯員数',
      '受付月',
    ]);
    for (const [name, rows] of breakdowns) {
      expect(text).toContain(`${name}別（本人同意のある世帯）`);
      for (const row of rows) expect(text).toContain(row.label.replace(/\s+/g, ''));
    }
    expect(text).toMatch(/秘匿の基準:1〜2件は「＊」/);

    // The 様式' page furniture: header mark, the 159条 warning and 「n / N」 on every page.
    const { pages, sizes } = await pdfPages(pdf);
    expect(pages).toBeGreaterThan(1);
    const sheets = layout.split('\f').filter((p) => p.trim() !== '');
    expect(sheets).toHaveLength(pages);
    sheets.forEach((sheet, i) => {
      expect(sheet).toContain('（統計資料）');
      expect(sheet).toContain('取扱注意');
      expect(sheet.replace(/\s+/g, '')).toContain('社会福祉法');
      expect(sheet).toMatch(new RegExp(`${i + 1} / ${pages}\\s*$`));
    });
    for (const size of sizes) {
      expect(size.width).toBeCloseTo(595.3, 0);
      expect(size.height).toBeCloseTo(841.9, 0);
    }

    // One definition of the page: the section's size and margins are forms/page.ts's portrait ones.
    const documentXml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')?.async('string');
    const pgMar = /<w:pgMar ([^/]*)\/>/.exec(documentXml ?? '')?.[1] ?? '';
    const attribute = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(pgMar)?.[1]);
    for (const side of ['top', 'bottom', 'left', 'right', 'header', 'footer'] as const)
      expect(attribute(side)).toBe(margins.portrait[side]);
    expect(documentXml).toContain(`<w:pgSz w:w="${a4.short}" w:h="${a4.long}"`);

    expect(
      (await pdfFonts(pdf))
        .filter((f) => f.embedded)
        .map((f) => f.name)
        .join(' '),
    ).toMatch(/BIZ/);
    // For a person to look at, beside the 様式' PNGs.
    const pngs = join(process.cwd(), 'test-results', 'forms', 'statistics');
    await mkdir(pngs, { recursive: true });
    expect(await pdfToPng(pdf, join(pngs, 'report'))).toHaveLength(pages);
  }, 120_000);
});
