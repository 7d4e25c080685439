import { readdir } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { bridge, officeDay } from './support/bridge.js';
import {
  addAgencies,
  addHousehold,
  addMeeting,
  addProgressNote,
  completeLetterSettings,
} from './support/office.js';
import { screenshot } from './support/screens.js';
import { openPage, openSignedIn } from './support/vault.js';

/**
 * The manual's cycle on the real screens (issue 13): 会議 → プラン（確定）→ モニタリング → 2回目の会議
 * (its 様式3 starts from the plan) → 評価と終結 → 評価シート, with ホーム's 今日の仕事 showing each
 * item and clearing it once it is done. The harness runs on the real clock, so every date is a day
 * relative to the office's today (Japan time).
 */

/** The office's today (Japan time), as YYYY-MM-DD. */
const today = officeDay();

/** An office with its settings filled in, two agencies and one household 支援中 with written consent. */
async function office(page: Page) {
  await completeLetterSettings(page);
  const agencies = await addAgencies(page, [
    ['第一地域包括支援センター', '高齢'],
    ['基幹相談支援センター', '障がい'],
  ]);
  const householdId = await addHousehold(page, {
    caseNo: 'R8-201',
    receivedOn: officeDay(-70),
    label: '森田氏世帯',
    members: [
      {
        name: '森田 一郎',
        kana: 'もりた いちろう',
        relationship: '本人',
        birthDate: '1952-04-01',
        sex: 'male',
        isPrincipal: true,
      },
      {
        name: '森田 花',
        kana: 'もりた はな',
        relationship: '長女',
        birthDate: '1982-06-01',
        sex: 'female',
        isPrincipal: false,
      },
    ],
    startedOn: officeDay(-60),
    consent: { obtainedOn: officeDay(-60), method: 'written' },
  });
  await addProgressNote(page, householdId, {
    notedOn: officeDay(-2),
    agencyId: null,
    content: '本人宅を訪問し、通院の様子を聞いた。',
  });
  const meeting = (n: number, heldOn: string, issuedOn: string) =>
    addMeeting(page, { householdId, meetingNo: `R8-201-${n}`, heldOn, issuedOn, agencyIds: agencies });
  return { householdId, meeting };
}

/** ホーム's 今日の仕事, read again. */
async function desk(page: Page): Promise<Locator> {
  await openPage(page, 'ホーム');
  return page.getByRole('region', { name: '今日の仕事' });
}

/** One document through the 159条 gate from the open meeting's 様式 tab: preview, purpose, 保存. */
async function issue(page: Page, form: number, check?: (preview: Locator) => Promise<void>) {
  await page.getByRole('tab', { name: '様式' }).click();
  await page.getByRole('button', { name: new RegExp(`^様式${form} `) }).click();
  const gate = page.getByRole('dialog', { name: new RegExp(`^様式${form}`) });
  await gate.getByRole('button', { name: 'プレビュー' }).click();
  await check?.(gate.getByTestId('docx-preview'));
  await gate.getByRole('button', { name: '確認へ進む' }).click();
  await gate.getByLabel('使用目的', { exact: true }).selectOption('会議資料として配布');
  await gate.getByLabel('上記の守秘義務を理解し、目的の範囲でのみ使用します').check();
  await gate.getByRole('button', { name: '保存', exact: true }).click();
  await expect(gate.getByText(/保存しました: /)).toBeVisible();
  await gate.getByRole('button', { name: '閉じる' }).click();
}

/** The household's page, reached as the coordinator would: today's meeting on the desk, then its household. */
async function openHousehold(page: Page) {
  const work = await desk(page);
  await work
    .getByTestId('desk-upcoming')
    .getByRole('link', { name: /R8-201/ })
    .click();
  await page.getByRole('button', { name: '森田氏世帯', exact: true }).click();
  await expect(page.getByRole('heading', { name: /森田氏世帯/ }).first()).toBeVisible();
}

test('会議・プランの確定・モニタリング・2回目の会議・評価と終結を一巡し、今日の仕事が現れては消える', async ({
  page,
  harness,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSignedIn(page, harness);
  const { householdId, meeting } = await office(page);

  // 1. A meeting held ten days ago, with neither 様式4 nor a 確定 plan.
  await meeting(1, officeDay(-10), officeDay(-20));
  let work = await desk(page);
  const after = work.getByTestId('desk-after');
  await expect(after).toContainText('R8-201-1');
  await expect(after).toContainText('会議報告（様式4）が未発行');
  await expect(after).toContainText('支援プランが未確定');
  await expect(work.getByTestId('desk-reviews')).toContainText('見直しの時期が来たプランはありません。');

  // 2. The plan, 確定; the report with today as 次回見直し予定日; 様式4 through the gate.
  await after.getByRole('link', { name: /R8-201-1/ }).click();
  await page.getByRole('tab', { name: /支援プラン/ }).click();
  const plan = page.getByRole('form', { name: '世帯支援プラン' });
  await plan.getByLabel('A氏 森田 一郎（本人） の目標').fill('通院を続け、服薬を自分で管理できる');
  await plan.getByLabel('A氏 森田 一郎（本人） の検討内容').fill('通院の付き添いと服薬の声かけ');
  await plan.getByLabel('A氏 森田 一郎（本人） の当面の取組事項').fill('月1回の通院同行');
  await plan.getByRole('button', { name: '確定', exact: true }).click();
  await expect(plan.getByTestId('plan-status')).toHaveText('確定');
  await page.getByRole('tab', { name: /会議報告/ }).click();
  const report = page.getByRole('form', { name: '会議報告' });
  await report.getByLabel('次回見直し予定日').fill(today);
  await report.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('会議報告を保存しました。')).toBeVisible();
  await issue(page, 4);
  work = await desk(page);
  await expect(work.getByTestId('desk-after')).toContainText('報告やプランの残っている会議はありません。');
  const reviews = work.getByTestId('desk-reviews');
  await expect(reviews).toContainText('R8-201');
  await expect(reviews).toContainText('次回見直し予定日（R8-201-1）');

  // 3. モニタリング from the desk's link: the row needs review.
  await reviews
    .getByRole('link', { name: /R8-201/ })
    .first()
    .click();
  const monitoring = page.getByRole('region', { name: '支援プランとモニタリング' });
  await expect(monitoring.getByText('目標：通院を続け、服薬を自分で管理できる')).toBeVisible();
  await monitoring.getByRole('button', { name: '記録する' }).click();
  const record = page.getByRole('dialog', { name: 'モニタリングの記録' });
  // Checked yesterday: the household is closed on that day too (below), so that 再開 can be today.
  await record.getByLabel('確認した日').fill(officeDay(-1));
  await record.getByLabel('実施状況').selectOption({ label: '見直しが必要' });
  await record.getByLabel('報告した機関').selectOption({ label: '第一地域包括支援センター' });
  await record.getByLabel('メモ').fill('通院が途切れがち。服薬の声かけを増やしたい');
  await record.getByRole('button', { name: '記録する' }).click();
  await expect(monitoring.getByTestId('latest-status')).toHaveText('見直しが必要');
  work = await desk(page);
  await expect(work.getByTestId('desk-reviews')).toContainText('見直しが必要');

  // 4. The second meeting, today: the review is now on its agenda, so the desk lists the meeting instead.
  await meeting(2, today, today);
  work = await desk(page);
  await expect(work.getByTestId('desk-reviews')).toContainText('見直しの時期が来たプランはありません。');
  const upcoming = work.getByTestId('desk-upcoming');
  await expect(upcoming).toContainText('R8-201');
  await expect(upcoming).toContainText('開催通知（様式1）が未発行');
  await expect(upcoming).toContainText('出欠未確認 2機関');
  await screenshot(page, 'desk-cycle-second-meeting');
  await upcoming.getByRole('link', { name: /R8-201/ }).click();

  // Its 様式3 starts from the plan: 目標 carried over, 検討内容 seeded with the latest 実施状況.
  await page.getByRole('tab', { name: /支援プラン/ }).click();
  const next = page.getByRole('form', { name: '世帯支援プラン' });
  await expect(next.getByLabel('A氏 森田 一郎（本人） の目標')).toHaveValue(
    '通院を続け、服薬を自分で管理できる',
  );
  await expect(next.getByLabel('A氏 森田 一郎（本人） の検討内容')).toHaveValue(
    /^【前回の実施状況】見直しが必要（.+ 第一地域包括支援センター）\n通院が途切れがち。服薬の声かけを増やしたい$/,
  );
  await issue(page, 3, async (preview) => {
    await expect(preview.getByText('通院を続け、服薬を自分で管理できる')).toBeVisible();
    await expect(preview.getByText(/【前回の実施状況】見直しが必要/)).toBeVisible();
  });
  await issue(page, 1);
  await page.getByRole('tab', { name: /出席者/ }).click();
  await page.getByLabel('1 第一地域包括支援センターの出欠').selectOption({ label: '出席' });
  await expect(page.getByLabel('1 第一地域包括支援センターの出欠')).toHaveValue('attending');
  await page.getByLabel('2 基幹相談支援センターの出欠').selectOption({ label: '欠席' });
  await expect(page.getByLabel('2 基幹相談支援センターの出欠')).toHaveValue('absent');
  work = await desk(page);
  await expect(work.getByTestId('desk-upcoming')).toContainText('準備済み');
  await expect(work.getByTestId('desk-upcoming')).not.toContainText('未発行');
  await expect(work.getByTestId('desk-upcoming')).not.toContainText('出欠未確認');

  // 5. 終結 with the evaluation, then its 評価シート through the gate.
  await openHousehold(page);
  await page.getByRole('button', { name: '終結', exact: true }).click();
  const close = page.getByRole('dialog', { name: '終結' });
  await expect(close.getByText('目標：通院を続け、服薬を自分で管理できる')).toBeVisible();
  await close.getByLabel('終結日').fill(officeDay(-1));
  await close.getByLabel('終結理由').selectOption('課題解決');
  await close.getByRole('button', { name: '次へ' }).click();
  await close.getByLabel(/の達成状況$/).selectOption({ label: '一部達成' });
  await close.getByLabel(/のコメント$/).fill('通院は定着。服薬は家族の声かけで続いている');
  await close.getByRole('button', { name: '次へ' }).click();
  await close.getByRole('button', { name: '終結する' }).click();
  await expect(page.getByText('終結しました。')).toBeVisible();

  const evaluation = page.getByTestId('evaluation');
  await expect(evaluation).toContainText('課題解決');
  await expect(evaluation).toContainText('通院は定着。服薬は家族の声かけで続いている');
  await evaluation.getByRole('button', { name: '評価シートを出す' }).click();
  const gate = page.getByRole('dialog', { name: '支援評価シート' });
  await expect(gate.getByRole('radio', { name: '実名' })).toBeChecked();
  await gate.getByRole('button', { name: 'プレビュー' }).click();
  const preview = gate.getByTestId('docx-preview');
  await expect(preview.getByText('A氏世帯 支援評価シート')).toBeVisible();
  await expect(preview.getByText(/【前回の実施状況】見直しが必要/)).toBeVisible();
  await expect(preview.getByText('通院は定着。服薬は家族の声かけで続いている')).toBeVisible();
  const sheet = `支援評価シート_R8-201_${officeDay(-1)}.docx`;
  await expect(gate.getByText(sheet)).toBeVisible();
  await screenshot(page, 'evaluation-sheet-preview');
  await gate.getByRole('button', { name: '確認へ進む' }).click();
  await gate.getByLabel('使用目的', { exact: true }).selectOption('関係機関への送付');
  await gate.getByLabel('上記の守秘義務を理解し、目的の範囲でのみ使用します').check();
  await gate.getByRole('button', { name: '保存', exact: true }).click();
  await expect(gate.getByText(`保存しました: ${sheet}`)).toBeVisible();
  await gate.getByRole('button', { name: '閉じる' }).click();
  expect(await readdir(harness.downloadsDir)).toContain(sheet);

  // 6. 再開: the evaluation stays in the history and its 評価シート can still be issued.
  await bridge(page, 'households.changeStatus', { householdId, action: 'reopen', on: today });
  await openHousehold(page);
  await expect(page.getByTestId('evaluation')).toContainText('再開');
  await expect(
    page.getByTestId('evaluation').getByRole('button', { name: '評価シートを出す' }),
  ).toBeVisible();
  work = await desk(page);
  await expect(work.getByTestId('desk-after')).toContainText('報告やプランの残っている会議はありません。');
  await expect(work.getByTestId('desk-reviews')).toContainText('見直しの時期が来たプランはありません。');
});
