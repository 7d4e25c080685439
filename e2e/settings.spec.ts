import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { openPage, openSignedIn } from './support/vault.js';

async function savedSettings(page: Page) {
  return page.evaluate(() => window.kasane['settings.get']({}));
}

async function settingsChangeEvents(page: Page): Promise<number> {
  const result = await page.evaluate(() => window.kasane['audit.list']({ kind: 'settings.changed' }));
  if (!result.ok) throw new Error(result.message);
  return result.value.events.length;
}

test.describe('事務所の設定', () => {
  test('誤った入力は項目ごとに日本語で示し、何も保存しない', async ({ page, harness }) => {
    await openSignedIn(page, harness);
    await openPage(page, '事務所の設定');
    const before = await savedSettings(page);

    await page.getByLabel('自治体名').fill('');
    await page.getByLabel('電話').fill('０１２３ー四五');
    await page.getByLabel('メール').fill('soudan@');
    await page.getByLabel('自動ロックまでの分数').fill('0');
    await page.getByLabel('重層的支援会議の表示名').fill('会'.repeat(31));
    await page.getByRole('button', { name: '保存', exact: true }).click();

    await expect(page.getByText('自治体名を入力してください')).toBeVisible();
    await expect(page.getByText('電話番号は数字とハイフンで入力してください')).toBeVisible();
    await expect(page.getByText('メールアドレスの形式が正しくありません')).toBeVisible();
    await expect(page.getByText('1分以上にしてください')).toBeVisible();
    await expect(page.getByText('30文字以内で入力してください')).toBeVisible();
    await expect(page.getByText('入力内容に誤りがあります。赤字の項目を確認してください。')).toBeVisible();
    await expect(page.getByLabel('自治体名')).toBeFocused();
    await expect(page.getByLabel('自治体名')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('保存しました')).toHaveCount(0);
    await screenshot(page, '14-settings-errors');

    await page.getByLabel('自動ロックまでの分数').fill('');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('自動ロックまでの分数を入力してください')).toBeVisible();
    await page.getByLabel('自動ロックまでの分数').fill('61');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('60分以下にしてください')).toBeVisible();

    const after = await savedSettings(page);
    expect(after).toEqual(before);
    expect(await settingsChangeEvents(page)).toBe(0);
  });

  test('記号や𠮷・髙を含む値もそのまま保存され、画面を開き直しても同じ値で表示される', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    await openPage(page, '事務所の設定');
    const department = `髙﨑𠮷 <&>"' 福祉課`;
    await page.getByLabel('部課名').fill(department);
    await page.getByLabel('文書番号の頭書き').fill('𠮷福政');
    await page.getByLabel('電話').fill('０１２３-４５-６７８９');
    await page.getByLabel('メール').fill('soudan@example.jp');
    await page.getByLabel('殿').check();
    await page.getByLabel('支援会議の表示名', { exact: true }).fill('包括的支援会議');
    await page.getByLabel('自動ロックまでの分数').fill('5');
    await page.getByLabel('自動ロックまでの分数').press('Enter');
    await expect(page.getByText('保存しました')).toBeVisible();

    const saved = await savedSettings(page);
    expect(saved).toMatchObject({
      ok: true,
      value: {
        departmentName: department,
        documentNumberPrefix: '𠮷福政',
        addresseeHonorific: '殿',
        meetingLabels: { consented: '重層的支援会議', unconsented: '包括的支援会議' },
        autoLockMinutes: 5,
      },
    });
    expect(await settingsChangeEvents(page)).toBe(1);

    await page.reload();
    await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
    await expect(page.getByText('操作のない状態が5分続くと、自動でロックします。')).toBeVisible();
    await openPage(page, '事務所の設定');
    await expect(page.getByLabel('部課名')).toHaveValue(department);
    await expect(page.getByLabel('殿')).toBeChecked();
    await expect(page.getByLabel('支援会議の表示名', { exact: true })).toHaveValue('包括的支援会議');
  });

  test('保存していない変更があるときは、ほかの画面に移る前に確かめる', async ({ page, harness }) => {
    await openSignedIn(page, harness);
    await openPage(page, '事務所の設定');
    await page.getByLabel('文書番号の頭書き').fill('相談一郎');

    await page
      .getByRole('navigation', { name: 'メニュー' })
      .getByRole('button', { name: '監査ログ' })
      .click();
    const dialog = page.getByRole('dialog', { name: '保存されていない変更があります' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'この画面に戻る' })).toBeFocused();
    await screenshot(page, '15-settings-unsaved-dialog');
    await dialog.getByRole('button', { name: 'この画面に戻る' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel('文書番号の頭書き')).toHaveValue('相談一郎');

    await page
      .getByRole('navigation', { name: 'メニュー' })
      .getByRole('button', { name: '監査ログ' })
      .click();
    await page.getByRole('button', { name: '変更を破棄して移動' }).click();
    await expect(page.getByRole('heading', { name: '監査ログ', level: 1 })).toBeVisible();
    expect(await settingsChangeEvents(page)).toBe(0);

    // After saving there is nothing to lose, so no question.
    await openPage(page, '事務所の設定');
    await expect(page.getByLabel('文書番号の頭書き')).toHaveValue('');
    await page.getByLabel('文書番号の頭書き').fill('相談一郎');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('保存しました')).toBeVisible();
    await openPage(page, 'ホーム');

    // The settings form cannot be put back after an unlock, so Ctrl+L asks first (issue 13); once
    // the person agrees, the unsaved change goes with everything else.
    await openPage(page, '事務所の設定');
    await page.getByLabel('文書番号の頭書き').fill('未保存次郎');
    await page.keyboard.press('Control+L');
    const ask = page.getByRole('dialog', { name: 'ロックすると失われる変更があります' });
    await ask.getByRole('button', { name: '変更を破棄してロック' }).click();
    await expect(page.getByRole('heading', { name: 'ロックされています' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await page.content()).not.toContain('未保存次郎');
  });
});
