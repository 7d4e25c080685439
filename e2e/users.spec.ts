import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { acknowledge, openPage, openSignedIn, passphrase, unlockWith } from './support/vault.js';

test.describe('利用者', () => {
  test('同僚と同じパスフレーズでも追加でき（手がかりを与えない）、二人ともそれぞれ自分として開ける', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness, '最初 の人');
    await openPage(page, '利用者');
    const form = page.getByRole('form', { name: '利用者を追加' });

    await form.getByLabel('利用者名').fill('最初 の人');
    await form.getByLabel('パスフレーズ', { exact: true }).fill('みずうみ かもめ ゆきだるま 88');
    await form.getByLabel('パスフレーズ（確認）').fill('みずうみ かもめ ゆきだるま 88');
    await form.getByRole('button', { name: '追加' }).click();
    await expect(form.getByText('同じ名前の利用者がすでに登録されています。')).toBeVisible();

    // The colleague's own passphrase: accepted, and nothing says it is anyone else's.
    await form.getByLabel('利用者名').fill('二人目 𠮷子');
    await form.getByLabel('パスフレーズ', { exact: true }).fill(passphrase);
    await form.getByLabel('パスフレーズ（確認）').fill(passphrase);
    await form.getByRole('button', { name: '追加' }).click();
    await expect(form.getByText('「二人目 𠮷子」さんを追加しました。')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('row', { name: '二人目 𠮷子' })).toBeVisible();
    await expect(form.getByLabel('利用者名')).toHaveValue('');
    await screenshot(page, '16-users-added');

    // Two users: the unlock screen asks who is unlocking.
    await page.getByRole('button', { name: 'ロック' }).click();
    await expect(page.getByText('利用者名とパスフレーズを入力して解除してください。')).toBeVisible();
    await unlockWith(page, passphrase, '存在しない 人');
    await expect(page.getByText('利用者名またはパスフレーズが違います。')).toBeVisible();
    await screenshot(page, '16b-unlock-with-user-name');
    await page.getByLabel('利用者名', { exact: true }).fill('二人目 𠮷子');
    await page.getByLabel('パスフレーズ', { exact: true }).fill(passphrase);
    await page.getByLabel('パスフレーズ', { exact: true }).press('Enter');
    await expect(page.getByRole('heading', { name: '守秘義務の確認' })).toBeVisible();
    await expect(page.getByText('利用者：二人目 𠮷子')).toBeVisible();
    await acknowledge(page);
    await expect(page.getByTestId('signed-in-user')).toHaveText('二人目 𠮷子');

    // The same passphrase, the other name: the other person.
    await page.getByRole('button', { name: 'ロック' }).click();
    await unlockWith(page, passphrase, '最初　の人');
    await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveText('最初 の人');
  });

  test('自分のパスフレーズを変更できる（現在のパスフレーズが違えばその欄に示す）', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    await openPage(page, '利用者');
    const form = page.getByRole('form', { name: '自分のパスフレーズを変更' });
    const next = 'ひまわり でんしゃ おにぎり 31';

    await form.getByLabel('現在のパスフレーズ').fill('ちがう パスフレーズ です');
    await form.getByLabel('新しいパスフレーズ', { exact: true }).fill(next);
    await form.getByLabel('新しいパスフレーズ（確認）').fill(next);
    await form.getByRole('button', { name: '変更' }).click();
    await expect(form.getByText('現在のパスフレーズが違います。')).toBeVisible({ timeout: 30_000 });
    await expect(form.getByLabel('現在のパスフレーズ')).toBeFocused();
    await screenshot(page, '17-users-change-passphrase-error');

    await form.getByLabel('現在のパスフレーズ').fill(passphrase);
    await form.getByLabel('新しいパスフレーズ', { exact: true }).fill('short');
    await form.getByRole('button', { name: '変更' }).click();
    await expect(form.getByText('パスフレーズは12文字以上にしてください')).toBeVisible();

    await form.getByLabel('新しいパスフレーズ', { exact: true }).fill(next);
    await form.getByLabel('新しいパスフレーズ（確認）').fill(next);
    await form.getByLabel('新しいパスフレーズ（確認）').press('Enter');
    await expect(form.getByText('パスフレーズを変更しました。')).toBeVisible({ timeout: 30_000 });

    await page.keyboard.press('Control+L');
    await unlockWith(page, passphrase);
    await expect(page.getByText('パスフレーズが違います')).toBeVisible();
    await unlockWith(page, next);
    // Back on the screen that was open at the lock.
    await expect(page.getByRole('heading', { level: 1, name: '利用者' })).toBeVisible();
  });
});
