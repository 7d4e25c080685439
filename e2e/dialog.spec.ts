import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { openSignedIn } from './support/vault.js';

/** Is keyboard focus on an element inside this dialog? */
async function focusInside(dialog: Locator): Promise<boolean> {
  return dialog.evaluate((element) => element.contains(document.activeElement));
}

async function openHousehold(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const created = await window.kasane['households.create']({
      caseNo: 'R7-001',
      receivedOn: '令和7年4月1日',
      label: '対話 確認世帯',
      referralAgencyId: null,
      issues: [],
      note: '',
    });
    if (!created.ok) throw new Error(created.message);
  });
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '世帯', exact: true })
    .click();
  await page.getByRole('button', { name: '対話 確認世帯' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('対話 確認世帯');
}

test.describe('ダイアログ', () => {
  test('タイトルで名前が付き、Tabは中を回り、Escで閉じ、開いたボタンに戻る', async ({ page, harness }) => {
    await openSignedIn(page, harness);
    await openHousehold(page);
    const opener = page.getByRole('region', { name: /本人同意/ }).getByRole('button', { name: '同意を記録' });
    await opener.click();

    // Named by its title; the page behind is inert (modal) and focus starts at the first field.
    const dialog = page.getByRole('dialog', { name: '本人同意を記録' });
    await expect(dialog).toBeVisible();
    const titleId = await dialog.getAttribute('aria-labelledby');
    expect(titleId).toBeTruthy();
    await expect(page.locator(`[id="${titleId}"]`)).toHaveText('本人同意を記録');
    await expect(dialog.getByLabel('取得日')).toBeFocused();

    // Tab and Shift+Tab go round inside, never out to the page or the browser.
    const stops = await dialog.evaluate(
      (element) =>
        element.querySelectorAll('button:not([disabled]), input:not([disabled]), select, textarea').length,
    );
    for (let i = 0; i < stops + 3; i += 1) {
      await page.keyboard.press('Tab');
      expect(await focusInside(dialog)).toBe(true);
    }
    for (let i = 0; i < stops + 3; i += 1) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusInside(dialog)).toBe(true);
    }

    // Esc closes it and focus goes back to the button that opened it; nothing was recorded.
    await dialog.getByLabel('取得者').fill('途中まで');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    // Opening again starts clean.
    await opener.click();
    await expect(dialog.getByLabel('取得者')).toHaveValue('');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('取り消せない操作の確認は、安全な答えにフォーカスがあり、Escは安全な答えになる', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    await page
      .getByRole('navigation', { name: 'メニュー' })
      .getByRole('button', { name: '関係機関' })
      .click();
    const row = page.getByTestId('agency-row').filter({ hasText: '社会福祉協議会' });
    const remove = row.getByRole('button', { name: '削除' });
    await remove.click();
    const ask = page.getByRole('dialog', { name: '関係機関を削除しますか' });
    await expect(ask.getByRole('button', { name: '削除しない' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(ask).toBeHidden();
    await expect(remove).toBeFocused();
    await expect(row).toHaveCount(1);
  });
});
