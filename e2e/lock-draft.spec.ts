import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { openSignedIn, passphrase, unlockWith } from './support/vault.js';

/**
 * Issue 13 point 8: a lock (Ctrl+L or idle) keeps the open form's unsaved draft in the window's
 * memory only; the same person's unlock brings back the screen and the draft. A form that cannot be
 * put back makes Ctrl+L ask first.
 */

const marker = '鍵をかけても残る下書き・髙橋𠮷子';

/** Every file under `dir`, read whole. */
async function filesUnder(dir: string): Promise<{ path: string; bytes: Buffer }[]> {
  const found: { path: string; bytes: Buffer }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.push({ path, bytes: await readFile(path) });
  }
  return found;
}

/** What the page keeps in the browser's own storage. */
async function browserStorage(page: Page) {
  return page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    indexedDb: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    cookies: document.cookie,
  }));
}

async function openNewHousehold(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '世帯', exact: true })
    .click();
  await page.getByRole('button', { name: '新規登録' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '世帯の新規登録' })).toBeVisible();
}

test.describe('ロック中の下書き', () => {
  test('Ctrl+L でロックしても、同じ人が解除すると同じ画面に書きかけの内容が戻り、下書きはディスクにもブラウザーの保存領域にも書かれない', async ({
    page,
    harness,
    dataDir,
  }) => {
    await openSignedIn(page, harness);
    await openNewHousehold(page);
    await page.getByLabel('受付番号').fill('R8-900');
    await page.getByLabel('表示名').fill('下書き 確認世帯');
    await page.getByLabel('備考').fill(marker);

    await page.keyboard.press('Control+l');
    await expect(page.getByRole('heading', { name: 'ロックされています' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'メニュー' })).toHaveCount(0);
    expect(await page.content()).not.toContain(marker);

    // Nothing of the draft on disk (the data folder, in any encoding) or in the browser's storage.
    const files = await filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const encoding of ['utf8', 'utf16le'] as const) {
      const needle = Buffer.from(marker, encoding);
      expect(files.filter((f) => f.bytes.includes(needle)).map((f) => f.path)).toEqual([]);
    }
    expect(await browserStorage(page)).toEqual({
      local: 0,
      session: 0,
      indexedDb: 0,
      caches: 0,
      cookies: '',
    });

    await unlockWith(page, passphrase);
    await expect(page.getByRole('heading', { level: 1, name: '世帯の新規登録' })).toBeVisible();
    await expect(page.getByLabel('受付番号')).toHaveValue('R8-900');
    await expect(page.getByLabel('表示名')).toHaveValue('下書き 確認世帯');
    await expect(page.getByLabel('備考')).toHaveValue(marker);
    await expect(
      page.getByText('ロックする前に入力していた内容を戻しました。まだ保存されていません。'),
    ).toBeVisible();
    await screenshot(page, 'lock-draft-restored');

    // Still unsaved: leaving asks, and 登録 saves what was typed before the lock.
    await page
      .getByRole('navigation', { name: 'メニュー' })
      .getByRole('button', { name: 'ホーム', exact: true })
      .click();
    const leave = page.getByRole('dialog', { name: '保存されていない変更があります' });
    await leave.getByRole('button', { name: 'この画面に戻る' }).click();
    await page.getByLabel('受付日').fill('令和8年4月1日');
    await page.getByRole('button', { name: '登録', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('下書き 確認世帯');

    // Another lock with nothing unsaved: back to the same household, no draft to bring back.
    await page.keyboard.press('Control+l');
    await unlockWith(page, passphrase);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('下書き 確認世帯');
    await expect(page.getByText('ロックする前に入力していた内容を戻しました。')).toHaveCount(0);
  });

  test('無操作でロックされても、解除すると同じ画面に書きかけの内容が戻る', async ({ page, harness }) => {
    await openSignedIn(page, harness);
    await openNewHousehold(page);
    await page.getByLabel('表示名').fill('無操作 確認世帯');
    expect(await harness.session.lockIfIdle(24 * 60 * 60)).toBe(true);
    await expect(page.getByRole('heading', { name: 'ロックされています' })).toBeVisible();
    await unlockWith(page, passphrase);
    await expect(page.getByRole('heading', { level: 1, name: '世帯の新規登録' })).toBeVisible();
    await expect(page.getByLabel('表示名')).toHaveValue('無操作 確認世帯');
  });

  test('戻せない入力（課題の追加欄）に変更があると、Ctrl+L の前に確かめる', async ({ page, harness }) => {
    await openSignedIn(page, harness);
    await page
      .getByRole('navigation', { name: 'メニュー' })
      .getByRole('button', { name: '課題の一覧', exact: true })
      .click();
    await page.getByLabel('課題名').fill('書きかけの課題');
    await page.keyboard.press('Control+l');
    const ask = page.getByRole('dialog', { name: 'ロックすると失われる変更があります' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'この画面に戻る' }).click();
    await expect(ask).toBeHidden();
    await expect(page.getByLabel('課題名')).toHaveValue('書きかけの課題');

    await page.keyboard.press('Control+l');
    await ask.getByRole('button', { name: '変更を破棄してロック' }).click();
    await expect(page.getByRole('heading', { name: 'ロックされています' })).toBeVisible();
    await unlockWith(page, passphrase);
    await expect(page.getByRole('heading', { level: 1, name: '課題の一覧' })).toBeVisible();
    await expect(page.getByLabel('課題名')).toHaveValue('');
  });
});
