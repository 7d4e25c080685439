import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { acknowledge, openPage, openSignedIn, passphrase, unlockWith } from './support/vault.js';

test.describe('ロック解除', () => {
  test('日本語入力の変換を確定するEnterでは送信せず、確定後のEnterで送信する', async ({ page, harness }) => {
    await harness.session.setup({ userName: '入力 確認', passphrase });
    await harness.session.lock('user');
    await page.goto(harness.url);
    const field = page.getByLabel('パスフレーズ', { exact: true });
    await expect(field).toBeFocused();

    const unlockCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/__harness/ipc/vault.unlock')) unlockCalls.push(request.url());
    });

    // A real IME composition, then the Enter that confirms it (keydown with isComposing = true).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'かな', selectionStart: 2, selectionEnd: 2 });
    const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...enter });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter });
    await cdp.send('Input.insertText', { text: 'かな' });
    await expect(field).toHaveValue('かな');
    await page.waitForTimeout(500);
    expect(unlockCalls).toHaveLength(0);
    await expect(page.getByText('パスフレーズが違います')).toHaveCount(0);

    // The next Enter, with nothing being composed, submits.
    await field.press('Enter');
    await expect(page.getByText('パスフレーズが違います')).toBeVisible();
    expect(unlockCalls).toHaveLength(1);
  });

  test('続けて間違えると待ち時間を秒読みで示し、その間は解除できない', async ({ page, harness }) => {
    await harness.session.setup({ userName: '待機 確認', passphrase });
    await harness.session.lock('user');
    await page.goto(harness.url);

    await unlockWith(page, '間違い その一 です');
    await expect(page.getByText('パスフレーズが違います')).toBeVisible();
    await unlockWith(page, '間違い その二 です');
    await expect(page.getByText('あと1回間違えると、しばらく入力できなくなります。')).toBeVisible();
    await unlockWith(page, '間違い その三 です');

    const button = page.getByTestId('unlock-submit');
    await expect(button).toBeDisabled();
    await expect(button).toHaveText(/^あと[1-5]秒$/);
    await expect(page.getByText(/失敗が続いたため、あと\d+秒は入力できません。/)).toBeVisible();
    await screenshot(page, '11-unlock-backoff');

    // Enter does not get around the disabled button.
    const field = page.getByLabel('パスフレーズ', { exact: true });
    await field.fill(passphrase);
    await field.press('Enter');
    await expect(page.getByRole('heading', { name: 'ロックされています' })).toBeVisible();

    // A reload keeps the wait: it comes from main, not from the page.
    await page.reload();
    await expect(page.getByTestId('unlock-submit')).toBeDisabled();

    await expect(page.getByTestId('unlock-submit')).toHaveText('解除', { timeout: 15_000 });
    await unlockWith(page, passphrase);
    await acknowledge(page);
  });

  const damages = [
    {
      code: 'DATABASE_DAMAGED',
      title: 'データベースファイルが開けません',
      damage: async (dataDir: string) => {
        // Same length, different bytes: the key unwraps, the file will not open.
        const path = join(dataDir, 'kasane.db');
        const bytes = await readFile(path);
        await writeFile(path, Buffer.alloc(bytes.length, 0x5a));
      },
    },
    {
      code: 'KEYSLOTS_DAMAGED',
      title: '鍵ファイルが壊れています',
      damage: (dataDir: string) => writeFile(join(dataDir, 'keyslots.json'), '{"format":"kasane-keyslots"'),
    },
  ] as const;

  for (const { code, title, damage } of damages) {
    test(`${code} のときは再試行させず、理由と次の手順を示す`, async ({ page, harness, dataDir }) => {
      await harness.session.setup({ userName: '破損 確認', passphrase });
      await harness.session.lock('user');
      await damage(dataDir);
      await page.goto(harness.url);
      await unlockWith(page, passphrase);

      const panel = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: title }) });
      await expect(panel).toBeVisible();
      await expect(panel.getByRole('heading', { name: '次の手順' })).toBeVisible();
      await expect(panel).toContainText('管理者に連絡');
      await expect(panel).toContainText(`エラーコード：${code}`);
      await expect(page.getByLabel('パスフレーズ', { exact: true })).toHaveCount(0);
      await expect(page.getByRole('button')).toHaveCount(0);
      await screenshot(page, `12-unlock-${code.toLowerCase()}`);
    });
  }

  test('新しいバージョンのデータは開かず、更新を案内する', async ({ page, harness }) => {
    await harness.session.setup({ userName: '版 確認', passphrase });
    harness.session.signedIn().store.sqlite.pragma('user_version = 999999');
    await harness.session.lock('user');
    await page.goto(harness.url);
    await unlockWith(page, passphrase);
    const panel = page.getByRole('alert').filter({
      has: page.getByRole('heading', { name: '新しいバージョンのかさねで作られたデータです' }),
    });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('データの版：999999');
    await expect(page.getByRole('button')).toHaveCount(0);
  });
});

test.describe('回復コード', () => {
  test('回復コードで開き、新しいパスフレーズを決め、新しい回復コードを一度だけ受け取る', async ({
    page,
    harness,
  }) => {
    const { recoveryCode } = await harness.session.setup({ userName: '回復 花子', passphrase });
    await harness.session.lock('user');
    await page.goto(harness.url);

    await page.getByRole('button', { name: '回復コードで開く' }).click();
    const codeField = page.getByRole('textbox', { name: '回復コード' });
    await expect(codeField).toBeFocused();
    await codeField.fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await codeField.press('Enter');
    await expect(page.getByText('回復コードが違います')).toBeVisible();

    // What a person types: lower case, no hyphens, spaces.
    await codeField.fill(recoveryCode.toLowerCase().replaceAll('-', ' '));
    await codeField.press('Enter');

    await expect(page.getByRole('heading', { name: '回復コードで開きました' })).toBeVisible();
    await expect(page.getByLabel('回復 花子')).toBeChecked();
    const newPassphrase = 'あさひ しずく こもれび 2027 みち';
    await page.getByLabel('新しいパスフレーズ', { exact: true }).fill(newPassphrase);
    await page.getByLabel('新しいパスフレーズ（確認）').fill(`${newPassphrase}x`);
    await page.getByRole('button', { name: '設定する' }).click();
    await expect(page.getByText('確認用のパスフレーズが一致しません')).toBeVisible();
    await page.getByLabel('新しいパスフレーズ（確認）').fill(newPassphrase);
    await screenshot(page, '13-recovery-new-passphrase');
    await page.getByRole('button', { name: '設定する' }).click();

    const code = page.getByTestId('recovery-code');
    await expect(code).toBeVisible({ timeout: 30_000 });
    const newCode = ((await code.textContent()) ?? '').replace(/\s+/g, '');
    expect(newCode).not.toBe(recoveryCode.replaceAll('-', ''));
    await expect(page.getByText('使った回復コードはもう使えません。')).toBeVisible();
    await page.getByLabel('回復コードを安全な場所に保管しました').check();
    await page.getByRole('button', { name: '続ける' }).click();
    await acknowledge(page);

    // The new passphrase is the one that works now.
    await page.getByRole('button', { name: 'ロック' }).click();
    await unlockWith(page, passphrase);
    await expect(page.getByText('パスフレーズが違います')).toBeVisible();
    await unlockWith(page, newPassphrase);
    await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
    await openPage(page, '監査ログ');
    // The list arrives once the job worker has walked the chain (issue 14): wait for it, then read.
    await expect(page.getByTestId('audit-verification')).toContainText('改ざんは検出されませんでした');
    const kinds = await page.getByTestId('audit-row').locator('td:nth-child(3)').allInnerTexts();
    expect(kinds).toContain('回復コードでのロック解除');
    expect(kinds).toContain('回復コードの再発行');
    expect(kinds).toContain('パスフレーズの変更');
  });
});

test.describe('ロック', () => {
  test('本体側で無操作ロックされると、画面もすぐロック画面に戻り、表示していた内容は残らない', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness, '無操作 確認');
    await openPage(page, '利用者');
    await expect(page.getByRole('row', { name: '無操作 確認' })).toBeVisible();

    expect(await harness.session.lockIfIdle(24 * 60 * 60)).toBe(true);

    await expect(page.getByRole('heading', { name: 'ロックされています' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'メニュー' })).toHaveCount(0);
    expect(await page.content()).not.toContain('無操作 確認');
    await unlockWith(page, passphrase);
    // Today's acknowledgement is already on record: straight back in, to the screen that was open.
    await expect(page.getByRole('heading', { level: 1, name: '利用者' })).toBeVisible();
  });

  test('使っている途中で確認が必要になると（日付が変わったとき）、次の操作で守秘義務の確認に戻る', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness, '日付 変更');
    // ホーム's own reads must have answered first: one still on its way would meet the new day and
    // bring the confirmation back before the click this test is about (a full run failed that way).
    await expect(page.getByTestId('desk-total')).toBeVisible();
    await expect(page.getByTestId('audit-verification')).toContainText('改ざんは検出されませんでした');
    // What the next office day looks like to the session: no acknowledgement on record for "today".
    harness.session.signedIn().store.sqlite.exec('DELETE FROM acknowledgements');
    await page.getByRole('navigation', { name: 'メニュー' }).getByRole('button', { name: '利用者' }).click();
    await expect(page.getByRole('heading', { name: '守秘義務の確認' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'メニュー' })).toHaveCount(0);
    await acknowledge(page);
  });

  test('守秘義務の確認画面からもロックでき、ナビゲーションはない', async ({ page, harness }) => {
    await harness.session.setup({ userName: '確認前 ロック', passphrase });
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: '守秘義務の確認' })).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await page.keyboard.press('Control+L');
    await expect(page.getByRole('heading', { name: 'ロックされています' })).toBeVisible();
    expect(await harness.session.access()).toBe('public');
  });
});
