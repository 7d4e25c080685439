import { tsImport } from 'tsx/esm/api';
import { expect, test } from './fixtures/harness.js';
import type { JobPace } from './harness/job-pace.js';
import { screenshot } from './support/screens.js';
import { acknowledge, passphrase, unlockWith } from './support/vault.js';

type LegacyVault = typeof import('../electron/services/testing/legacy-vault.js');

/**
 * Issue 14: the first unlock after an update migrates the records in the job worker, and the unlock
 * screen says so. The worker waits for the spec before its report, so the screen is seen while the
 * migration certainly has not finished, however fast the machine.
 */
test.use({ pacedJobs: true });

test('更新後の最初のロック解除では、記録を整えていることを知らせ、終わればいつも通り開く', async ({
  page,
  harness,
  dataDir,
}) => {
  const pace = harness.jobPace as JobPace;
  pace.only(['migrate']);
  const { writeLegacyVault } = (await tsImport(
    '../electron/services/testing/legacy-vault.ts',
    import.meta.url,
  )) as LegacyVault;
  // A vault as the first release left it: every step from 0500 on is pending.
  await writeLegacyVault(dataDir, { userName: '検証 太郎', passphrase, events: 30 });

  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'ロックされています' })).toBeVisible();
  await unlockWith(page, passphrase);
  const notice = page
    .getByRole('status')
    .filter({ hasText: 'かさねの更新後、最初のロック解除です。記録を新しい形に整えています' });
  await expect(notice).toBeVisible({ timeout: 60_000 });
  await expect(notice).toContainText('数分かかることがあります');
  await expect(page.getByText('確認しています…')).toHaveCount(0);
  await screenshot(page, 'unlock-migrating');

  pace.release();
  await acknowledge(page);
  await expect(notice).toHaveCount(0);
});
