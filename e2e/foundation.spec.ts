import { randomUUID } from 'node:crypto';
import { filesContaining } from '../electron/services/testing/scan-files.js';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { confidentialityTextInForce, openPage, passphrase, unlockWith } from './support/vault.js';

test('初期設定からロック、解除、守秘義務の確認、監査ログまで通しで使え、データフォルダに平文が残らない', async ({
  page,
  harness,
  dataDir,
}) => {
  const unique = randomUUID().slice(0, 8);
  // Hostile but legal text: characters outside the BMP, 異体字 and markup characters.
  const userName = `髙橋 𠮷子<&>${unique}`;
  const municipality = `検証市${unique}`;

  await page.goto(harness.url);

  // 1a. 利用者とパスフレーズ
  await expect(page.getByRole('heading', { name: '初期設定' })).toBeVisible();
  const name = page.getByLabel('利用者名');
  await expect(name).toBeFocused();
  await name.fill(userName);
  const pass = page.getByLabel('パスフレーズ', { exact: true });
  const strength = page.getByText(/^強さ：/).first();
  await pass.fill('password12345');
  await expect(strength).toHaveText('強さ：弱い');
  await expect(page.getByText('よく使われるパスワードに似ています。')).toBeVisible();
  await pass.fill('sakura2024sakura');
  await expect(strength).toHaveText('強さ：ふつう');
  await expect(page.getByText('単語を4つ以上つなげると覚えやすく強いパスフレーズになります。')).toBeVisible();
  await pass.fill(passphrase);
  await expect(strength).toHaveText('強さ：強い');
  await page.getByLabel('パスフレーズ（確認）').fill(passphrase);
  await screenshot(page, '01-setup-passphrase');
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.getByText('暗号鍵を作成しています…')).toBeVisible();

  // 1b. 回復コード: shown once, printable, confirmed before going on
  const code = page.getByTestId('recovery-code');
  await expect(code).toBeVisible({ timeout: 30_000 });
  expect(((await code.textContent()) ?? '').replace(/\s+/g, '')).toMatch(/^[0-9A-HJKMNP-TV-Z]{32}$/);
  await expect(page.getByRole('heading', { name: '回復コード' })).toBeFocused();
  const next = page.getByRole('button', { name: '次へ' });
  await expect(next).toBeDisabled();
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: '印刷' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await screenshot(page, '02-setup-recovery-code');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '印刷' })).toBeHidden();
  await expect(page.getByText('かさね 回復コード')).toBeVisible();
  await screenshot(page, '03-recovery-code-print');
  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('回復コードを安全な場所に保管しました').check();
  await next.click();

  // 1c. 事務所の設定
  const municipalityField = page.getByLabel('自治体名');
  await expect(municipalityField).toBeFocused();
  await expect(page.getByLabel('重層的支援会議の表示名')).toHaveValue('重層的支援会議');
  await expect(page.getByLabel('支援会議の表示名', { exact: true })).toHaveValue('支援会議');
  await expect(page.getByLabel('自動ロックまでの分数')).toHaveValue('10');
  await municipalityField.fill(municipality);
  await screenshot(page, '04-setup-office-settings');
  await page.getByRole('button', { name: '保存して完了' }).click();

  // 3. 守秘義務の確認 comes straight after set-up; there is no navigation past it.
  await expect(page.getByRole('heading', { name: '守秘義務の確認' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);

  // 2. ロック → 違うパスフレーズ → 正しいパスフレーズ
  await page.getByRole('button', { name: 'ロック' }).click();
  await expect(page.getByRole('heading', { name: 'ロックされています' })).toBeVisible();
  await unlockWith(page, 'これは違うパスフレーズです');
  await expect(page.getByText('パスフレーズが違います')).toBeVisible();
  await expect(page.getByLabel('パスフレーズ', { exact: true })).toBeFocused();
  await expect(page.getByLabel('パスフレーズ', { exact: true })).toHaveValue('');
  await screenshot(page, '05-unlock-wrong-passphrase');
  await unlockWith(page, passphrase);

  // 3. 守秘義務の確認: the text is the resource's, shown with its version.
  await expect(page.getByRole('heading', { name: '守秘義務の確認' })).toBeVisible();
  const legal = await confidentialityTextInForce();
  await expect(page.getByRole('heading', { name: legal.title })).toBeVisible();
  await expect(page.getByTestId('legal-body')).toHaveText(legal.body);
  await expect(page.getByText(`文面の版：${legal.version}`)).toBeVisible();
  const start = page.getByRole('button', { name: '確認して開始' });
  await expect(start).toBeDisabled();
  await screenshot(page, '06-acknowledgement');
  await page.getByLabel('上記の内容を理解しました').check();
  await start.click();

  // 4. ホーム
  await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveText(userName);
  await expect(page.getByTestId('audit-verification')).toContainText('改ざんは検出されませんでした');
  await screenshot(page, '07-home');

  // 7. 監査ログ
  await openPage(page, '監査ログ');
  const banner = page.getByTestId('audit-verification');
  await expect(banner).toContainText('改ざんは検出されませんでした');
  await expect(banner).toContainText(/（\d+件を検証）/);
  const kinds = page.getByTestId('audit-row').locator('td:nth-child(3)');
  await expect(kinds.first()).toBeVisible();
  const shown = await kinds.allInnerTexts();
  for (const kind of [
    '初期設定',
    'ロック解除の失敗',
    'ロック解除',
    '守秘義務の確認',
    '設定の変更',
    'ロック',
  ]) {
    expect(shown, `監査ログに「${kind}」がある`).toContain(kind);
  }
  // Newest first: the acknowledgement just made is on top.
  expect(shown[0]).toBe('守秘義務の確認');
  await expect(page.getByTestId('audit-row').first().locator('td').first()).toHaveText(
    /^令和\d+年\d+月\d+日（[日月火水木金土]） \d{2}:\d{2}$/,
  );
  await expect(page.getByText('項目：自治体名')).toBeVisible();
  await screenshot(page, '08-audit-log');

  await openPage(page, '事務所の設定');
  await expect(page.getByLabel('自治体名')).toHaveValue(municipality);
  await screenshot(page, '09-settings');
  await openPage(page, '利用者');
  await expect(page.getByRole('row', { name: userName })).toContainText('あなた');
  await screenshot(page, '10-users');

  // Ctrl+L locks from anywhere; nothing signed-in stays in the page.
  await openPage(page, 'ホーム');
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'ロックされています' })).toBeVisible();
  expect(await harness.session.access()).toBe('public');
  await expect(page.getByRole('navigation', { name: 'メニュー' })).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(userName.slice(0, 5));
  expect(html).not.toContain(municipality);

  // No plaintext under the data folder (DB, WAL, keyslots, failure log), in UTF-8 or UTF-16.
  await harness.close();
  expect(await filesContaining(dataDir, municipality)).toEqual([]);
  expect(await filesContaining(dataDir, userName)).toEqual([]);
  expect(await filesContaining(dataDir, unique)).toEqual([]);
});
