import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { openSignedIn } from './support/vault.js';

/** The household.viewed events in the real audit log, oldest first, with the household each names. */
async function views(page: Page): Promise<string[]> {
  const result = await page.evaluate(() =>
    window.kasane['audit.list']({ kind: 'household.viewed', limit: 500 }),
  );
  if (!result.ok) throw new Error(result.message);
  return result.value.events.map((e) => e.targetId ?? '').reverse();
}

/** After `step`, exactly `expected` more household.viewed events, each naming this household. */
async function expectViews(page: Page, householdId: string, expected: 0 | 1, step: () => Promise<void>) {
  const before = (await views(page)).length;
  await step();
  // Give a second read time to arrive before counting (a wrong screen would read twice).
  await page.waitForTimeout(500);
  const after = await views(page);
  expect(after.length - before).toBe(expected);
  expect(after.slice(before).every((id) => id === householdId)).toBe(true);
}

const menu = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'メニュー' }).getByRole('button', { name: label, exact: true });
const breadcrumb = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '現在の位置' }).getByRole('button', { name: label });
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test('世帯を開くたびに閲覧の記録がちょうど1件増え、どの画面から開いても変わらない（規則10）', async ({
  page,
  harness,
}) => {
  await openSignedIn(page, harness);
  const householdId = await page.evaluate(async () => {
    const created = await window.kasane['households.create']({
      caseNo: 'R7-010',
      receivedOn: '令和7年4月1日',
      label: '閲覧 確認世帯',
      referralAgencyId: null,
      issues: [],
      note: '',
    });
    if (!created.ok) throw new Error(created.message);
    return created.value.id;
  });

  await test.step('世帯一覧から開く', async () => {
    await menu(page, '世帯').click();
    await expectViews(page, householdId, 1, async () => {
      await page.getByRole('button', { name: '閲覧 確認世帯' }).click();
      await expect(heading(page)).toContainText('閲覧 確認世帯');
    });
  });

  await test.step('世帯の中の画面を行き来しても開き直しではない', async () => {
    await expectViews(page, householdId, 0, async () => {
      await page.getByRole('button', { name: '世帯員を編集' }).click();
      await expect(breadcrumb(page, '世帯の詳細')).toBeVisible();
      await breadcrumb(page, '世帯の詳細').click();
      await expect(page.getByRole('button', { name: '基本情報を編集' })).toBeVisible();
    });
  });

  await test.step('編集して保存すると、変わった内容をちょうど1回読み直す', async () => {
    await expectViews(page, householdId, 1, async () => {
      await page.getByRole('button', { name: '基本情報を編集' }).click();
      await page.getByLabel('表示名').fill('閲覧 確認世帯（改）');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect(page.getByText('基本情報を保存しました。')).toBeVisible();
      await expect(heading(page)).toContainText('閲覧 確認世帯（改）');
    });
  });

  await test.step('一覧に戻って、まだ手元にある世帯を開き直す', async () => {
    await breadcrumb(page, '世帯一覧').click();
    await expect(heading(page)).toHaveText('世帯一覧');
    await expectViews(page, householdId, 1, async () => {
      await page.getByRole('button', { name: '閲覧 確認世帯（改）' }).click();
      await expect(heading(page)).toContainText('閲覧 確認世帯（改）');
    });
  });

  await test.step('世帯の画面から会議を準備すると、会議の画面がその世帯を開く', async () => {
    await expectViews(page, householdId, 1, async () => {
      await page.getByRole('region', { name: /^会議/ }).getByRole('button', { name: '会議を準備' }).click();
      const form = page.getByRole('form', { name: '会議の準備' });
      await expect(form).toContainText('R7-010');
    });
    const form = page.getByRole('form', { name: '会議の準備' });
    await expectViews(page, householdId, 0, async () => {
      await form.getByLabel('日付').fill('令和10年7月5日');
      await form.getByRole('button', { name: '登録' }).click();
      await expect(page.getByText('会議を登録しました。')).toBeVisible();
    });
  });

  await test.step('会議の詳細から世帯へ', async () => {
    await expectViews(page, householdId, 1, async () => {
      await page.getByRole('button', { name: /閲覧 確認世帯（改）/ }).click();
      await expect(heading(page)).toContainText('閲覧 確認世帯（改）');
    });
  });

  await test.step('会議の変更も、その世帯を開く', async () => {
    await page
      .getByRole('region', { name: /^会議/ })
      .getByRole('button', { name: /令和10年7月5日/ })
      .click();
    await expect(heading(page)).toContainText('令和10年7月5日');
    await expectViews(page, householdId, 1, async () => {
      await page.getByRole('button', { name: '内容を変更' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '会議の変更' })).toBeVisible();
      await expect(page.getByRole('form', { name: '会議の準備' })).toContainText('R7-010');
    });
  });

  await test.step('メニューから世帯を開き直しても同じ', async () => {
    await menu(page, '世帯').click();
    await expect(heading(page)).toHaveText('世帯一覧');
    await expectViews(page, householdId, 1, async () => {
      await page.getByRole('button', { name: '閲覧 確認世帯（改）' }).click();
      await expect(heading(page)).toContainText('閲覧 確認世帯（改）');
    });
  });
});
