import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { largeLedger } from '../electron/services/import/fixtures.js';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

const households = 3_000;

function menu(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'メニュー' }).getByRole('button', { name, exact: true });
}

async function householdCount(page: Page, query = ''): Promise<number> {
  return page.evaluate(async (q) => {
    const result = await window.kasane['households.list']({ query: q, limit: 1000 });
    if (!result.ok) throw new Error(result.message);
    return result.value.length;
  }, query);
}

/** The count the progress line shows now (「1,234 / 3,000 世帯」 → 1234), or -1 before there is one. */
async function shownCount(page: Page): Promise<number> {
  const text = (await page.getByRole('status').allTextContents()).join('\n');
  const match = text.match(/([\d,]+) \/ 3,000 世帯/);
  return match?.[1] ? Number(match[1].replaceAll(',', '')) : -1;
}

test.describe('大きな台帳の取り込み（ワーカー）', () => {
  test('3,000世帯の台帳を取り込む間、進捗が世帯数で進み、ほかのメニューも応える', async ({
    page,
    harness,
  }) => {
    test.setTimeout(900_000);
    await openSignedIn(page, harness);
    await menu(page, '取り込み').click();
    await expect(page.getByRole('heading', { level: 1, name: '取り込み' })).toBeVisible();

    const dir = test.info().outputPath('ledger');
    await mkdir(dir, { recursive: true });
    const file = join(dir, '相談受付台帳.xlsx');
    await writeFile(file, await largeLedger(households, 'R5'));
    await page.locator('input[type="file"]').setInputFiles(file);

    await page.getByRole('button', { name: '内容を確認' }).click();
    await expect(page.getByText('誤りはありません。次の内容を登録できます')).toBeVisible({
      timeout: 600_000,
    });

    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'この内容で取り込みますか' })
      .getByRole('button', { name: '取り込む' })
      .click();

    // The bar and its count: it advances while the worker writes.
    await expect(page.getByRole('progressbar', { name: '取り込みの進み具合' })).toBeVisible();
    await expect(page.getByRole('button', { name: '中止' })).toBeEnabled();
    await expect.poll(() => shownCount(page), { timeout: 600_000 }).toBeGreaterThan(0);
    const first = await shownCount(page);
    await screenshot(page, 'import-progress');
    await expect.poll(() => shownCount(page), { timeout: 600_000 }).toBeGreaterThan(first);
    expect(await shownCount(page)).toBeLessThan(households);

    // Another menu item answers while the import is still running (nothing committed yet).
    await menu(page, '関係機関').click();
    await expect(page.getByRole('heading', { level: 1, name: '関係機関' })).toBeVisible();
    expect(await householdCount(page)).toBe(0);

    // The import finishes behind the other screen, all or nothing.
    await expect.poll(() => householdCount(page), { timeout: 600_000, intervals: [2_000] }).toBe(1000);
    expect(await householdCount(page, 'R5-02999')).toBe(1);
    await menu(page, '世帯').click();
    await expect(page.getByRole('heading', { level: 1, name: '世帯一覧' })).toBeVisible();
    await expect(page.getByText(/^R5-\d{5}$/).first()).toBeVisible();
  });

  test('取り込みの「中止」は巻き戻し、何も登録しない', async ({ page, harness }) => {
    test.setTimeout(900_000);
    await openSignedIn(page, harness);
    await menu(page, '取り込み').click();
    const dir = test.info().outputPath('ledger');
    await mkdir(dir, { recursive: true });
    const file = join(dir, '相談受付台帳.xlsx');
    await writeFile(file, await largeLedger(1_500, 'R6'));
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: '内容を確認' }).click();
    await expect(page.getByText('誤りはありません。次の内容を登録できます')).toBeVisible({
      timeout: 600_000,
    });
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'この内容で取り込みますか' })
      .getByRole('button', { name: '取り込む' })
      .click();
    await expect(page.getByRole('status').filter({ hasText: '/ 1,500 世帯' })).toBeVisible({
      timeout: 600_000,
    });
    await page.getByRole('button', { name: '中止' }).click();
    await expect(page.getByText('取り込みを中止しました。何も登録していません。')).toBeVisible({
      timeout: 120_000,
    });
    await screenshot(page, 'import-cancelled');
    expect(await householdCount(page)).toBe(0);
    await expect(page.getByRole('button', { name: '取り込む', exact: true })).toBeEnabled();
  });
});
