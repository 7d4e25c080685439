import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import type { Harness } from '../harness/server.js';

export const passphrase = 'たいよう みかん ほし 2026 かわ';

/** The confidentiality text in force today, read from the resource the app serves (never typed here). */
export async function confidentialityTextInForce(): Promise<{
  title: string;
  body: string;
  version: string;
}> {
  const file = JSON.parse(await readFile('resources/legal/confidentiality.json', 'utf8')) as {
    versions: { version: string; effectiveFrom: string; title: string; body: string }[];
  };
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short' }).format(
    new Date(),
  );
  const inForce = file.versions
    .filter((v) => v.effectiveFrom <= today)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .at(-1);
  if (!inForce) throw new Error('no confidentiality text in force today');
  return inForce;
}

/**
 * A vault set up behind the scenes (the set-up screens have their own test), opened in the page and
 * acknowledged, landing on ホーム. Returns the recovery code.
 */
export async function openSignedIn(page: Page, harness: Harness, userName = '検証 太郎'): Promise<string> {
  const { recoveryCode } = await harness.session.setup({ userName, passphrase });
  await page.goto(harness.url);
  await acknowledge(page);
  return recoveryCode;
}

export async function acknowledge(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: '守秘義務の確認' })).toBeVisible();
  await page.getByLabel('上記の内容を理解しました').check();
  await page.getByRole('button', { name: '確認して開始' }).click();
  await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
}

/** Unlocks as `userName` (typed when more than one user is registered) with `secret`. */
export async function unlockWith(page: Page, secret: string, userName?: string): Promise<void> {
  const field = page.getByLabel('パスフレーズ', { exact: true });
  if (userName !== undefined) {
    const name = page.getByLabel('利用者名', { exact: true });
    await expect(name).toBeFocused();
    await name.fill(userName);
  } else {
    await expect(field).toBeFocused();
  }
  await field.fill(secret);
  await field.press('Enter');
}

/** Clicks an entry of the signed-in left navigation. */
export async function openPage(
  page: Page,
  label: 'ホーム' | '監査ログ' | '事務所の設定' | '利用者' | '取り込み' | '関係機関',
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}
