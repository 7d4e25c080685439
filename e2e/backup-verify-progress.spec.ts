import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import type { JobPace } from './harness/job-pace.js';
import { screenshot } from './support/screens.js';
import { openPage, openSignedIn } from './support/vault.js';

/**
 * Issue 14 through the real screens: バックアップ copies the database in the job worker and 監査ログ
 * walks the audit chain there, each with the same progress bar as the import and its count; the
 * window answers meanwhile.
 */

// The worker waits for the test before each progress report: the bar is seen while the job runs.
test.use({ pacedJobs: true });

/** The count the progress line shows now (「12 / 350 ページ」 → [12, 350]), or null before there is one. */
async function shownCount(area: Locator, unit: string): Promise<[number, number] | null> {
  const text = (await area.getByRole('status').allTextContents()).join('\n');
  const match = text.match(new RegExp(`([\\d,]+) / ([\\d,]+) ${unit}`));
  if (!match?.[1] || !match[2]) return null;
  return [Number(match[1].replaceAll(',', '')), Number(match[2].replaceAll(',', ''))];
}

async function openBackupPage(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: 'バックアップ', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'バックアップ' })).toBeVisible();
}

test('バックアップと監査ログの検証は、ワーカーで進み具合を数えながら実行され、その間も画面は応える', async ({
  page,
  harness,
}) => {
  test.setTimeout(600_000);
  const pace = harness.jobPace as JobPace;
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSignedIn(page, harness);
  // ホーム verifies the audit chain in a job worker too: only the backup waits for now.
  await expect(page.getByTestId('audit-verification')).toBeVisible({ timeout: 120_000 });
  pace.only(['backup']);

  // 1. バックアップ: the bar appears, counts pages, and the backup is made.
  await openBackupPage(page);
  const panel = page.getByRole('region', { name: 'バックアップを作成' });
  await page.getByRole('button', { name: '保存先を選んでバックアップを作成' }).click();
  const backupBar = panel.getByRole('progressbar', { name: 'バックアップの進み具合' });
  await expect(backupBar).toBeVisible({ timeout: 120_000 });
  pace.allow(1);
  await expect.poll(() => shownCount(panel, 'ページ'), { timeout: 120_000 }).not.toBeNull();
  const [, pages] = (await shownCount(panel, 'ページ')) ?? [0, 0];
  expect(pages).toBeGreaterThan(0);
  await expect(panel.getByText('処理中も、ほかの画面を開けます。')).toBeVisible();
  await screenshot(page, 'backup-progress');
  pace.release();
  await expect(panel.getByText(/バックアップ「kasane-backup-\d{8}-\d{6}」を作成しました。/)).toBeVisible({
    timeout: 120_000,
  });
  await expect(backupBar).toHaveCount(0);
  await expect(page.getByTestId('backup-history').getByRole('listitem')).toHaveCount(1);

  // 2. 監査ログ: the chain is verified in the worker, with a count of events, before the banner.
  pace.only(['verify']);
  pace.allow(0);
  await openPage(page, '監査ログ');
  const verifyBar = page.getByRole('progressbar', { name: '監査ログの検証の進み具合' });
  await expect(verifyBar).toBeVisible({ timeout: 120_000 });
  // The window answers meanwhile: another menu item opens and comes back.
  await openPage(page, 'ホーム');
  await openPage(page, '監査ログ');
  await expect(verifyBar).toBeVisible();
  pace.allow(1);
  await expect.poll(() => shownCount(page.getByRole('main'), '件'), { timeout: 120_000 }).not.toBeNull();
  await screenshot(page, 'audit-verify-progress');
  pace.release();
  await expect(page.getByTestId('audit-verification')).toContainText('改ざんは検出されませんでした', {
    timeout: 120_000,
  });
  await expect(verifyBar).toHaveCount(0);
});
