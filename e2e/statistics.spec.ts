import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { confidentialityTextInForce, openSignedIn } from './support/vault.js';

const 孤立 = '社会的孤立・ひきこもり';
const YC = 'ヤングケアラー';

interface Seed {
  caseNo: string;
  receivedOn: string;
  /** The principal's name (the household's label is made from it). */
  name: string;
  birth: string;
  /** Members besides the principal. */
  others: number;
  issues: string[];
  field: '高齢' | '障がい' | '子ども' | null;
  consented: boolean;
  closedOn: string | null;
}

/*
 * By hand, with the default threshold 10 (1–9 hidden):
 *   令和7年度 (2025): 12 received (11 consented, one not), 4 closed (one of them the 令和6年度 case,
 *   one on 3/31), 年度末継続 1 + 12 − 4 = 9. 令和8年度 (2026): 11 received (10 consented), 2 closed,
 *   年度末継続 9 + 11 − 2 = 18. 社会的孤立 among consented: 11 and 10 (the unconsented ones are left
 *   out, rule 13); ヤングケアラー 4 and 5; 8050 3 and 2; 生活困窮 only in an unconsented household.
 */
type SeedRow = [
  caseNo: string,
  receivedOn: string,
  name: string,
  birth: string,
  others: number,
  issues: string[],
  field: Seed['field'],
  consented: boolean,
  closedOn: string | null,
];
// biome-ignore format: one household per line reads as a table.
const seedRows: SeedRow[] = [
  ['STAT-R6-01', '2024-10-01', '大野 隆', '1960-01-01', 0, [孤立], '高齢', false, '2025-06-30'],
  ['STAT-R7-01', '2025-04-10', '𠮷田 一郎', '1950-05-01', 1, [孤立, '8050', YC], '高齢', true, null],
  ['STAT-R7-02', '2025-05-15', '髙﨑 花子', '1975-01-01', 2, [孤立, '8050'], '高齢', true, '2025-12-01'],
  ['STAT-R7-03', '2025-06-01', '山﨑 次郎', '1990-03-03', 0, [孤立, '8050', YC], '障がい', true, null],
  ['STAT-R7-04', '2025-07-03', '佐藤 美咲', '1985-07-07', 3, [孤立, YC], '子ども', true, null],
  ['STAT-R7-05', '2025-08-20', '鈴木 健太', '1982-02-02', 1, [孤立, YC], '子ども', true, null],
  ['STAT-R7-06', '2025-09-09', '高橋 勇', '1940-09-09', 0, [孤立], '高齢', true, '2026-03-31'],
  ['STAT-R7-07', '2025-10-14', '田中 節子', '1938-04-04', 1, [孤立, '認知症'], '高齢', true, null],
  ['STAT-R7-08', '2025-11-11', '伊藤 誠', '1995-11-11', 0, [孤立], null, true, '2026-06-15'],
  ['STAT-R7-09', '2025-12-24', '渡辺 陽子', '1970-12-12', 4, [孤立], '障がい', true, null],
  ['STAT-R7-10', '2026-01-20', '中村 茂', '1948-01-20', 1, [孤立], '高齢', true, null],
  ['STAT-R7-11', '2026-03-31', '小林 さくら', '1988-03-31', 2, [孤立], '子ども', true, null],
  ['STAT-R7-12', '2026-02-02', '加藤 無同意', '1965-06-06', 0, ['生活困窮'], null, false, '2026-03-01'],
  ['STAT-R8-01', '2026-04-01', '吉田 そら🌸', '2010-04-01', 2, [孤立, YC], '子ども', true, null],
  ['STAT-R8-02', '2026-04-22', '山田 和夫', '1946-04-22', 1, [孤立, YC, '8050'], '高齢', true, null],
  ['STAT-R8-03', '2026-05-13', '松本 亮', '1992-05-13', 0, [孤立, YC], '障がい', true, '2026-10-20'],
  ['STAT-R8-04', '2026-06-05', '井上 愛', '1984-06-05', 3, [孤立, YC], '子ども', true, null],
  ['STAT-R8-05', '2026-06-30', '木村 正', '1952-06-30', 1, [孤立, YC, '8050'], '高齢', true, null],
  ['STAT-R8-06', '2026-07-17', '林 文子', '1944-07-17', 0, [孤立], '高齢', true, null],
  ['STAT-R8-07', '2026-08-03', '清水 学', '1999-08-03', 1, [孤立], '障がい', true, null],
  ['STAT-R8-08', '2026-09-01', '森 一樹', '1979-09-01', 2, [孤立], null, true, null],
  ['STAT-R8-09', '2026-10-05', '池田 京子', '1949-10-05', 1, [孤立], '高齢', true, null],
  ['STAT-R8-10', '2026-11-02', '橋本 陸', '2001-11-02', 0, [孤立], '子ども', true, null],
  ['STAT-R8-11', '2026-09-15', '石川 無同意', '1958-09-15', 0, [孤立], null, false, null],
];
const seeds: Seed[] = seedRows.map(
  ([caseNo, receivedOn, name, birth, others, issues, field, consented, closedOn]) => ({
    caseNo,
    receivedOn,
    name,
    birth,
    others,
    issues,
    field,
    consented,
    closedOn,
  }),
);

/** 重層的支援会議 2 / 1, 支援会議 1 / 2, 確定した支援プラン 1 / 1 (令和7年度 / 令和8年度). */
const meetings = [
  { no: 'STAT-M1', caseNo: 'STAT-R7-01', kind: 'consented', heldOn: '2025-07-10', finalPlan: true },
  { no: 'STAT-M2', caseNo: 'STAT-R7-04', kind: 'consented', heldOn: '2025-12-05', finalPlan: false },
  { no: 'STAT-M3', caseNo: 'STAT-R7-12', kind: 'unconsented', heldOn: '2026-02-12', finalPlan: false },
  { no: 'STAT-M4', caseNo: 'STAT-R8-02', kind: 'consented', heldOn: '2026-05-20', finalPlan: true },
  { no: 'STAT-M5', caseNo: 'STAT-R8-11', kind: 'unconsented', heldOn: '2026-09-20', finalPlan: false },
  { no: 'STAT-M6', caseNo: 'STAT-R8-11', kind: 'unconsented', heldOn: '2026-10-01', finalPlan: false },
] as const;

/** Everything through the bridge, as the screens would do it, one call at a time. */
async function seed(page: Page): Promise<void> {
  await page.evaluate(
    async ({ households, held }) => {
      type Result<T> = { ok: true; value: T } | { ok: false; message: string };
      const ok = <T>(r: Result<T>): T => {
        if (!r.ok) throw new Error(r.message);
        return r.value;
      };
      // The office's agencies by 分野 (set-up may already have some); one is added where a 分野 has none.
      const agencyIds = new Map<string, string>();
      for (const a of ok(await window.kasane['agencies.list']({ includeRetired: false })))
        if (!agencyIds.has(a.field)) agencyIds.set(a.field, a.id);
      for (const field of ['高齢', '障がい', '子ども'] as const) {
        if (agencyIds.has(field)) continue;
        const saved = ok(
          await window.kasane['agencies.save']({
            field,
            name: `統計検証の${field}機関`,
            department: '',
            phone: '',
            email: '',
            address: '',
            contactPerson: '',
          }),
        );
        agencyIds.set(field, saved.id);
      }
      const ids = new Map<string, string>();
      for (const h of households) {
        const { id } = ok(
          await window.kasane['households.create']({
            caseNo: h.caseNo,
            receivedOn: h.receivedOn,
            label: `${h.name.split(' ')[0]}さん世帯`,
            referralAgencyId: h.field ? (agencyIds.get(h.field) ?? null) : null,
            issues: h.issues,
            note: '',
          }),
        );
        ids.set(h.caseNo, id);
        const member = (name: string, relationship: string, birthDate: string, isPrincipal: boolean) => ({
          name,
          kana: isPrincipal ? 'ほんにん' : 'かぞく',
          relationship,
          birthDate,
          sex: 'unknown' as const,
          isPrincipal,
        });
        const members = [
          member(h.name, '本人', h.birth, true),
          ...Array.from({ length: h.others }, (_, i) =>
            member(`${h.name.split(' ')[0]} 家族${i + 1}`, '家族', '', false),
          ),
        ];
        ok(await window.kasane['households.saveMembers']({ householdId: id, members }));
        if (h.consented) {
          ok(
            await window.kasane['consents.add']({
              householdId: id,
              obtainedOn: h.receivedOn,
              method: 'written',
              obtainedBy: '検証 太郎',
              allAgencies: true,
              agencyIds: [],
            }),
          );
        }
        if (h.closedOn) {
          ok(
            await window.kasane['households.changeStatus']({
              householdId: id,
              action: 'close',
              on: h.closedOn,
              reason: '課題解決',
            }),
          );
        }
      }
      for (const m of held) {
        const { id } = ok(
          await window.kasane['meetings.create']({
            householdId: ids.get(m.caseNo) ?? '',
            kind: m.kind,
            meetingNo: m.no,
            heldOn: m.heldOn,
            startTime: '',
            endTime: '',
            place: '',
            agenda: [],
            handouts: [],
            attendees: [],
            noticeNumber: null,
            issuedOn: m.heldOn,
            replyBy: '',
          }),
        );
        if (m.finalPlan) {
          ok(
            await window.kasane['meetings.savePlan']({
              meetingId: id,
              status: 'final',
              rows: [
                {
                  target: 'crisis',
                  memberId: null,
                  goal: '見守りを続ける',
                  discussion: '',
                  nextActions: '',
                  roles: '',
                },
              ],
            }),
          );
        }
      }
    },
    { households: seeds, held: meetings },
  );
}

async function openStatistics(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '統計', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '統計' })).toBeVisible();
}

/** The cells of one table row, in 年度 order (the row's own heading is not a cell). */
function cells(table: Locator, rowLabel: string): Locator {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: rowLabel, exact: true }) })
    .getByRole('cell');
}

function breakdown(page: Page, name: string): Locator {
  return page.locator(`[data-breakdown="${name}"]`);
}

async function expectSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('statistics-results')).toBeVisible();
  await expect(page.getByTestId('statistics-results')).not.toHaveAttribute('aria-busy', 'true');
}

test.describe('統計', () => {
  test('年度を選ぶと本部に報告する表と内訳が表とグラフで出て、少ない件数は＊になり、CSVは守秘義務の確認を通って個人の情報なしに保存される', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    await seed(page);
    await openStatistics(page);

    // Two 年度, then a third: while it counts, the previous tables stay, dimmed, and it says so.
    const r6 = page.getByRole('checkbox', { name: '令和6年度' });
    const r7 = page.getByRole('checkbox', { name: '令和7年度' });
    const r8 = page.getByRole('checkbox', { name: '令和8年度' });
    await r7.check();
    await r8.check();
    await expectSettled(page);
    const main = page.getByRole('table', { name: '年度別の実績' });
    await expect(main.getByRole('columnheader')).toHaveText(['項目', '令和7年度', /^令和8年度/]);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/__harness/ipc/statistics.compute', async (route) => {
      await held;
      await route.continue();
    });
    await r6.check();
    await expect(page.getByText('集計しています…')).toBeVisible();
    await expect(page.getByTestId('statistics-results')).toHaveAttribute('aria-busy', 'true');
    await expect(main.getByRole('columnheader')).toHaveText(['項目', '令和7年度', /^令和8年度/]);
    await expect(page.getByRole('button', { name: 'CSV', exact: true })).toBeDisabled();
    release();
    await expectSettled(page);
    await page.unroute('**/__harness/ipc/statistics.compute');
    await expect(page.getByText('集計しています…')).toBeHidden();
    await expect(main.getByRole('columnheader')).toHaveText(['項目', '令和6年度', '令和7年度', /^令和8年度/]);
    await expect(page.locator('[data-part="line"]')).toHaveCount(6);
    await screenshot(page, 'statistics-lines');
    await r6.uncheck();
    await expectSettled(page);
    await expect(main.getByRole('columnheader')).toHaveText(['項目', '令和7年度', /^令和8年度/]);
    await expect(page.locator('[data-part="line"]')).toHaveCount(0);

    // Rule 14, by hand from the seed: received, meetings, plans, closures, and what continues.
    await expect(cells(main, '複合的課題を抱える相談者（件数）')).toHaveText(['12', '11']);
    await expect(cells(main, '重層的支援会議の開催（回数）')).toHaveText(['2', '1']);
    await expect(cells(main, '支援会議の開催（回数）')).toHaveText(['1', '2']);
    await expect(cells(main, '支援プランの作成（件数）')).toHaveText(['1', '1']);
    await expect(cells(main, '終結（件数）')).toHaveText(['4', '2']);
    await expect(cells(main, '年度末継続（件数）')).toHaveText(['9', '18']);
    const mainChart = page.locator('section[aria-labelledby="stats-main-title"] svg[role="img"]');
    await expect(mainChart.locator('[data-cell="value"]')).toHaveCount(12);
    await expect(mainChart.locator('[data-part="category"]')).toHaveText([
      '複合的課題を抱える相談者',
      '重層的支援会議の開催',
      '支援会議の開催',
      '支援プランの作成',
      '終結',
      '年度末継続',
    ]);

    // Rule 13: only consented households in the breakdowns (生活困窮 was only in an unconsented one).
    const issues = breakdown(page, '課題');
    const issueTable = issues.getByRole('table');
    await expect(cells(issueTable, 孤立)).toHaveText(['11', '10']);
    await expect(issueTable.getByRole('rowheader', { name: '生活困窮' })).toHaveCount(0);
    // Rule 12: 4 and 5 ヤングケアラー are hidden, never shown as a number or a zero.
    await expect(cells(issueTable, YC)).toHaveText(['＊', '＊']);
    const fieldTable = breakdown(page, '相談経路の分野').getByRole('table');
    await expect(cells(fieldTable, '合計')).toHaveText(['11', '10']);
    await expect(cells(fieldTable, '高齢')).toHaveText(['＊', '＊']);
    await expect(cells(fieldTable, '教育')).toHaveText(['0', '0']);
    const monthTable = breakdown(page, '受付月').getByRole('table');
    // The 3/31 household counts in 令和7年度's 3月; the unconsented one of 2/2 counts nowhere here.
    await expect(cells(monthTable, '3月').first()).toHaveText('＊');
    await expect(cells(monthTable, '2月')).toHaveText(['0', '0']);

    // The charts: one mark per category and 年度; hidden cells are hatched stubs labelled ＊.
    const issueChart = issues.locator('svg[role="img"]');
    await expect(issueChart.locator('[data-part="category"]')).toHaveText(['8050', 孤立, YC, '認知症']);
    await expect(issueChart.locator('[data-cell]')).toHaveCount(8);
    await expect(issueChart.locator('[data-row="ヤングケアラー"] [data-cell="suppressed"]')).toHaveCount(2);
    await expect(issueChart.locator('[data-row="ヤングケアラー"] [data-part="value"]')).toHaveText([
      '＊',
      '＊',
    ]);
    await expect(issueChart.locator(`[data-row="${孤立}"] [data-part="value"]`)).toHaveText(['11', '10']);
    await expect(breakdown(page, '受付月').locator('svg [data-cell]')).toHaveCount(24);
    await expect(breakdown(page, '本人の年代').locator('svg [data-part="category"]')).toHaveCount(11);
    await expect(breakdown(page, '相談経路の分野').locator('svg [data-row="合計"]')).toHaveCount(0);
    await expect(issues.getByRole('list', { name: '凡例' })).toContainText('＊ 件数を表示しない欄');

    const explanation = page.getByTestId('suppression-explanation');
    await expect(explanation).toContainText('1〜9件の件数');
    await expect(explanation).toContainText('「＊」にしました');
    await expect(page.getByText(/「＊」で隠した欄: \d+か所/)).toBeVisible();
    await expect(page.getByText('本人同意のある世帯のみ', { exact: true })).toBeVisible();

    // A lower threshold for this count only: the hidden 4 and 5 come back.
    const threshold = page.getByLabel('秘匿の基準');
    await expect(threshold).toHaveValue('10');
    await threshold.fill('2');
    await expect(page.getByText('秘匿の基準は3以上100以下の整数で入力してください。')).toBeVisible();
    await threshold.fill('3');
    await expectSettled(page);
    await expect(cells(issueTable, YC)).toHaveText(['4', '5']);
    await expect(explanation).toContainText('1〜2件の件数');
    await page.getByRole('button', { name: '事務所の設定（10件）に戻す' }).click();
    await expectSettled(page);
    await expect(cells(issueTable, YC)).toHaveText(['＊', '＊']);
    await screenshot(page, 'statistics');

    // Cancelling the confirmation saves nothing and says so.
    await page.getByRole('button', { name: 'Excel', exact: true }).click();
    await expect(page.getByRole('dialog', { name: '統計の書き出し（Excel ブック）' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByText('保存しませんでした')).toBeVisible();

    // Rule 7: warning from main, a purpose, a ticked box; その他 needs words.
    await page.getByRole('button', { name: 'CSV', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '統計の書き出し（CSV）' });
    const warning = await confidentialityTextInForce();
    await expect(dialog.getByTestId('export-warning')).toContainText(warning.title);
    await expect(dialog.getByTestId('export-warning')).toContainText(warning.body.slice(0, 40));
    const save = dialog.getByRole('button', { name: '保存', exact: true });
    await expect(dialog.getByLabel('使用目的', { exact: true })).toBeFocused();
    await expect(save).toBeDisabled();
    await dialog.getByLabel('使用目的', { exact: true }).selectOption('その他');
    await expect(save).toBeDisabled();
    await dialog.getByLabel('上記の守秘義務を理解し、目的の範囲でのみ使用します').check();
    await expect(save).toBeEnabled();
    await save.click();
    await expect(dialog.getByText('「その他」の場合は目的を具体的に入力してください')).toBeVisible();
    await dialog.getByLabel('目的の詳細').fill('市の年度報告のため');
    await screenshot(page, 'statistics-export');
    await save.click();
    const fileName = '重層的支援_統計_令和7年度_令和8年度.csv';
    await expect(page.getByText(`保存しました: ${fileName}`)).toBeVisible();
    await expect(dialog).toBeHidden();

    // Rule 11: the file is the tables only — UTF-8 with BOM, no names, no 受付番号, no labels.
    const bytes = await readFile(join(harness.downloadsDir, fileName));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('複合的課題を抱える相談者（件数）');
    expect(text).toContain('複合的課題を抱える相談者（件数）,12,11');
    for (const s of seeds) {
      expect(text).not.toContain(s.caseNo);
      expect(text).not.toContain(s.name);
      expect(text).not.toContain(s.name.split(' ')[0]);
    }
    expect(text).not.toContain('STAT-');
  });
});
