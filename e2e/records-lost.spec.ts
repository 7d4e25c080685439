import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { acknowledge, openPage, passphrase, unlockWith } from './support/vault.js';

test.describe('失われた記録（記録の到達点）', () => {
  test('古いデータベースが戻されると読み取り専用で開き、選んで使い続けると監査ログに残る', async ({
    page,
    harness,
    dataDir,
  }) => {
    await harness.session.setup({ userName: '到達 確認', passphrase });
    await harness.session.lock('user');
    // A copy of the database as it was: later put back, as a file copied back by hand would be.
    const db = join(dataDir, 'kasane.db');
    await copyFile(db, `${db}.earlier`);
    await harness.session.unlock({ passphrase });
    await harness.session.lock('user');
    await copyFile(`${db}.earlier`, db);

    await page.goto(harness.url);
    await unlockWith(page, passphrase);
    const panel = page.getByRole('alert').filter({
      has: page.getByRole('heading', { name: '最新の記録の一部が失われています' }),
    });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('最新の記録の一部が失われています（最後に確認できた記録: 監査ログ #');
    await expect(panel).toContainText('いまは読み取り専用で開いています。');
    await expect(panel).toContainText('エラーコード：RECORDS_LOST');
    // Read-only: no case data is reachable.
    const refused = await page.evaluate(() => window.kasane['households.list']({}));
    expect(refused).toMatchObject({ ok: false, code: 'LOCKED' });
    await screenshot(page, '30-records-lost');

    await panel.getByRole('button', { name: '失われたことを確認して使い続ける…' }).click();
    const dialog = page.getByRole('dialog', { name: 'このまま使い続けますか' });
    await expect(dialog.getByRole('button', { name: 'やめる' })).toBeFocused();
    await dialog.getByRole('button', { name: '失われたことを確認して使い続ける' }).click();
    await acknowledge(page);
    await openPage(page, '監査ログ');
    await expect(
      page.getByTestId('audit-row').filter({ hasText: '失われた記録を確認して使用を続行' }),
    ).toHaveCount(1);
    await expect(page.getByTestId('audit-verification')).toContainText('改ざんは検出されませんでした');
  });
});
