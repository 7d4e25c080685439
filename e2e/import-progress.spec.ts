import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import type { JobPace } from './harness/job-pace.js';
import { householdCount, startLedgerImport } from './support/office.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

/**
 * Issue 14 through the real screens: a large ledger is imported by the worker with a count and
 * 「中止」, and the window answers meanwhile. The worker waits for the spec before each progress
 * report, so every step below happens while the import certainly runs, however fast the machine.
 */
test.use({ pacedJobs: true });

/** The count the progress line shows now (「1,234 / 3,000 世帯」 → 1234), or -1 before there is one. */
async function shownCount(page: Page, total: number): Promise<number> {
  const text = (await page.getByRole('status').allTextContents()).join('\n');
  const match = text.match(new RegExp(`([\\d,]+) / ${total.toLocaleString('ja-JP')} 世帯`));
  return match?.[1] ? Number(match[1].replaceAll(',', '')) : -1;
}

/** Lets the worker send reports one at a time until the line shows a count above `than`. */
async function countPast(page: Page, pace: JobPace, total: number, than: number): Promise<number> {
  await expect
    .poll(
      async () => {
        const shown = await shownCount(page, total);
        if (shown <= than) pace.allow(1);
        return shown;
      },
      { timeout: 600_000, intervals: [250] },
    )
    .toBeGreaterThan(than);
  return shownCount(page, total);
}

function menu(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'メニュー' }).getByRole('button', { name, exact: true });
}

test.describe('大きな台帳の取り込み（ワーカー）', () => {
  test('3,000世帯の台帳を取り込む間、進捗が世帯数で進み、ほかのメニューも応える', async ({
    page,
    harness,
  }) => {
    test.setTimeout(900_000);
    const pace = harness.jobPace as JobPace;
    const households = 3_000;
    await openSignedIn(page, harness);
    await startLedgerImport(page, pace, {
      households,
      prefix: 'R5',
      dir: test.info().outputPath('ledger'),
    });
    await expect(page.getByRole('button', { name: '中止' })).toBeEnabled();

    // The bar's count advances while the worker writes, and is held short of the end.
    const first = await countPast(page, pace, households, 0);
    await screenshot(page, 'import-progress');
    const second = await countPast(page, pace, households, first);
    expect(second).toBeLessThan(households);

    // Another menu item answers while the import is still running (nothing committed yet).
    await menu(page, '関係機関').click();
    await expect(page.getByRole('heading', { level: 1, name: '関係機関' })).toBeVisible();
    expect(await householdCount(page)).toBe(0);

    // The import finishes behind the other screen, all or nothing.
    pace.release();
    await expect.poll(() => householdCount(page), { timeout: 600_000, intervals: [2_000] }).toBe(1000);
    expect(await householdCount(page, 'R5-02999')).toBe(1);
    await menu(page, '世帯').click();
    await expect(page.getByRole('heading', { level: 1, name: '世帯一覧' })).toBeVisible();
    await expect(page.getByText(/^R5-\d{5}$/).first()).toBeVisible();
  });

  test('取り込みの「中止」は巻き戻し、何も登録しない', async ({ page, harness }) => {
    test.setTimeout(900_000);
    const pace = harness.jobPace as JobPace;
    const households = 1_500;
    await openSignedIn(page, harness);
    await startLedgerImport(page, pace, {
      households,
      prefix: 'R6',
      dir: test.info().outputPath('ledger'),
    });
    // 中止 while the worker is held mid-write: its wait ends at once, and the transaction rolls back.
    await countPast(page, pace, households, 0);
    await page.getByRole('button', { name: '中止' }).click();
    await expect(page.getByText('取り込みを中止しました。何も登録していません。')).toBeVisible({
      timeout: 120_000,
    });
    await screenshot(page, 'import-cancelled');
    expect(await householdCount(page)).toBe(0);
    await expect(page.getByRole('button', { name: '取り込む', exact: true })).toBeEnabled();
  });
});
