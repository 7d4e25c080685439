import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { bridge, officeDay } from './support/bridge.js';
import { screenshot } from './support/screens.js';
import { openPage, openSignedIn } from './support/vault.js';

const today = officeDay();

/** A household 支援中 with two members (本人 and 妻); returns its id. */
async function household(page: Page, caseNo: string, label: string, surname: string) {
  const { id } = await bridge<{ id: string }>(page, 'households.create', {
    caseNo,
    receivedOn: officeDay(-60),
    label,
    referralAgencyId: null,
    issues: [],
    note: '',
  });
  const member = (name: string, relationship: string, isPrincipal: boolean) => ({
    name: `${surname} ${name}`,
    kana: '',
    relationship,
    birthDate: '1950-04-01',
    sex: isPrincipal ? 'male' : 'female',
    isPrincipal,
    livesInHousehold: true,
    deceased: false,
    keyPerson: false,
  });
  await bridge(page, 'households.saveMembers', {
    householdId: id,
    members: [member('一郎', '本人', true), member('花子', '妻', false)],
  });
  await bridge(page, 'households.changeStatus', { householdId: id, action: 'start', on: officeDay(-50) });
  return id;
}

const note = (page: Page, householdId: string, notedOn: string, content: string) =>
  bridge(page, 'progressNotes.save', {
    householdId,
    notedOn,
    agencyId: null,
    staff: '相談員',
    means: 'phone',
    memberIds: [],
    content,
    nextPlan: '',
  });

async function openHousehold(page: Page, caseNo: string) {
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '世帯', exact: true })
    .click();
  await page.getByRole('row', { name: new RegExp(caseNo) }).click();
  await expect(page.getByRole('heading', { name: '支援経過' })).toBeVisible();
}

test.describe('支援経過：手段・時刻・対象の世帯員・次回予定日、長い記録の折りたたみ、検索', () => {
  test('構造のある支援経過を記録すると一覧に出て、次回予定日が来るとホームに出る', async ({
    page,
    harness,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openSignedIn(page, harness);
    await household(page, 'R8-101', '髙橋氏世帯', '髙橋');
    await openHousehold(page, 'R8-101');

    await page.getByRole('button', { name: '支援経過を追加' }).click();
    const form = page.getByRole('form', { name: '支援経過の追加' });
    await expect(form.getByLabel('日付')).toBeFocused();
    // Nothing chosen: clear errors in Japanese, next to their fields.
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await expect(form.getByText('手段を選んでください')).toBeVisible();
    await expect(form.getByText('内容を入力してください')).toBeVisible();

    // 手段 by keyboard: the radio group takes the arrow keys.
    await form.getByRole('radio', { name: '訪問' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await expect(form.getByRole('radio', { name: '電話' })).toBeChecked();
    await page.keyboard.press('ArrowLeft');
    await expect(form.getByRole('radio', { name: '訪問' })).toBeChecked();
    await form.getByLabel('開始時刻').fill('10:00');
    await form.getByLabel('終了時刻').fill('９:３０');
    await form.getByRole('checkbox', { name: 'B 髙橋 花子（妻）' }).check();
    await form.getByLabel('内容').fill('自宅を訪問。妻の花子さんと面談した。');
    await form.getByLabel('次の予定').fill('電話で通院の様子を確かめる');
    await form.getByLabel('次回予定日').fill(today.replaceAll('-', '/'));
    await form.getByLabel('内容').press('Control+Enter');
    await expect(form.getByText('終わりの時刻は始まりの時刻より後にしてください')).toBeVisible();
    await form.getByLabel('終了時刻').fill('10:45');
    await screenshot(page, 'progress-note-form-1366x768');
    await form.getByLabel('内容').press('Control+Enter');
    await expect(page.getByText('支援経過を追加しました。')).toBeVisible();

    const entry = page.getByTestId('progress-note').first();
    await expect(entry).toContainText('訪問');
    await expect(entry).toContainText('10:00〜10:45');
    await expect(entry.getByTestId('note-members')).toHaveText('対象B 髙橋 花子（妻）');
    await expect(entry.getByTestId('note-next-on')).toBeVisible();
    await expect(entry).toContainText('電話で通院の様子を確かめる');
    await screenshot(page, 'progress-note-structured-1366x768');

    // The 次回予定日 is today: ホーム lists it, and its link leads back to the 支援経過.
    await openPage(page, 'ホーム');
    const contacts = page.getByTestId('desk-contacts');
    await expect(contacts).toContainText('R8-101');
    await expect(contacts).toContainText('電話で通院の様子を確かめる');
    await contacts.getByRole('link', { name: /R8-101/ }).click();
    await expect(page.getByRole('heading', { name: '支援経過' })).toBeFocused();

    // A 訂正 starts from what was recorded, members and 手段 included.
    await entry.getByRole('button', { name: '訂正', exact: true }).click();
    const edit = page.getByRole('form', { name: '支援経過の訂正' });
    await expect(edit.getByRole('radio', { name: '訪問' })).toBeChecked();
    await expect(edit.getByRole('checkbox', { name: 'B 髙橋 花子（妻）' })).toBeChecked();
    await expect(edit.getByLabel('開始時刻')).toHaveValue('10:00');
    await edit.getByRole('button', { name: 'キャンセル' }).click();
  });

  test('長い支援経過は6行で折りたたまれ、キーボードで開閉できる', async ({ page, harness }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openSignedIn(page, harness);
    const id = await household(page, 'R8-102', '山﨑氏世帯', '山﨑');
    const lines = Array.from({ length: 14 }, (_, i) => `${i + 1}行目：本人の生活の様子を聞き取った。`);
    await note(page, id, officeDay(-3), lines.join('\n'));
    await note(page, id, officeDay(-1), '短い記録。');
    await openHousehold(page, 'R8-102');

    const [short, long] = [
      page.getByTestId('progress-note').nth(0),
      page.getByTestId('progress-note').nth(1),
    ];
    await expect(short.getByRole('button', { name: '続きを表示' })).toHaveCount(0);
    const more = long.getByRole('button', { name: '続きを表示' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    const text = long.getByTestId('note-content');
    const folded = (await text.boundingBox())?.height ?? 0;
    await expect(text.getByText('14行目', { exact: false })).not.toBeInViewport();
    await screenshot(page, 'progress-notes-1366x768');

    await more.focus();
    await page.keyboard.press('Enter');
    const less = long.getByRole('button', { name: '閉じる' });
    await expect(less).toHaveAttribute('aria-expanded', 'true');
    await expect(less).toBeFocused();
    expect((await text.boundingBox())?.height ?? 0).toBeGreaterThan(folded * 2);
    await page.keyboard.press('Enter');
    await expect(long.getByRole('button', { name: '続きを表示' })).toHaveAttribute('aria-expanded', 'false');
    expect((await text.boundingBox())?.height ?? 0).toBeCloseTo(folded, 0);
  });

  test('検索は異体字をたたんで探す：世帯の支援経過の中と、すべての世帯から', async ({ page, harness }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openSignedIn(page, harness);
    const a = await household(page, 'R8-103', '佐藤氏世帯', '佐藤');
    const b = await household(page, 'R8-104', '鈴木氏世帯', '鈴木');
    await note(page, a, officeDay(-10), '山﨑医院の受診に同行した。');
    await note(page, a, officeDay(-5), '電話で様子を聞いた。ヘルパーの利用を検討。');
    await note(page, b, officeDay(-4), '民生委員から連絡があった。');

    await openHousehold(page, 'R8-103');
    const search = page.getByRole('searchbox', { name: '支援経過を検索' });
    await search.fill('山崎医院');
    await expect(page.getByTestId('note-search-status')).toHaveText('「山崎医院」を含む支援経過 1件');
    await expect(page.getByTestId('progress-note')).toHaveCount(1);
    await expect(page.getByTestId('progress-note')).toContainText('山﨑医院の受診に同行した。');
    // Width and kana fold too: ﾍﾙﾊﾟｰ finds ヘルパー.
    await search.fill('ﾍﾙﾊﾟｰ');
    await expect(page.getByTestId('progress-note')).toHaveCount(1);
    await expect(page.getByTestId('progress-note')).toContainText('ヘルパーの利用を検討');
    await search.press('Escape');
    await expect(search).toHaveValue('');
    await expect(page.getByTestId('progress-note')).toHaveCount(2);

    // Across households: from 世帯一覧, to the entry on its household's page.
    await page
      .getByRole('navigation', { name: 'メニュー' })
      .getByRole('button', { name: '世帯', exact: true })
      .click();
    await page.getByRole('link', { name: '支援経過の内容から探す' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '支援経過の検索' })).toBeVisible();
    await page.keyboard.press('/');
    const across = page.getByRole('searchbox', { name: '支援経過を検索' });
    await expect(across).toBeFocused();
    await across.fill('やまざき');
    await expect(page.getByTestId('note-search-status')).toHaveText('「やまざき」を含む支援経過 0件');
    await expect(
      page.getByText('見つかりません。言葉を短くするか、別の言い方で探してください。'),
    ).toBeVisible();
    await across.fill('山崎');
    await expect(page.getByTestId('note-search-status')).toHaveText('「山崎」を含む支援経過 1件');
    await expect(page.getByTestId('note-hit')).toContainText('R8-103 佐藤氏世帯');
    await across.fill('連絡');
    await expect(page.getByTestId('note-search-status')).toHaveText('「連絡」を含む支援経過 1件');
    await expect(page.getByTestId('note-hit')).toContainText('R8-104 鈴木氏世帯');
    await across.fill('山﨑');
    await expect(page.getByTestId('note-search-status')).toHaveText('「山﨑」を含む支援経過 1件');
    await expect(page.getByTestId('note-hit')).toHaveCount(1);
    await expect(page.getByTestId('note-hit')).toContainText('山﨑医院の受診に同行した。');
    await screenshot(page, 'note-search-1366x768');
    await page.getByTestId('note-hit').getByRole('link', { name: 'R8-103 佐藤氏世帯' }).click();
    await expect(page.getByRole('heading', { name: /佐藤氏世帯/ })).toBeVisible();
    await expect(page.getByTestId('note-content').getByText('山﨑医院の受診に同行した。')).toBeInViewport();
    // Back through 世帯一覧 (not the menu, which starts 世帯 afresh): the words are still there.
    await page.getByRole('button', { name: '世帯一覧', exact: true }).click();
    await page.getByRole('link', { name: '支援経過の内容から探す' }).click();
    await expect(page.getByRole('searchbox', { name: '支援経過を検索' })).toHaveValue('山﨑');
    await expect(page.getByTestId('note-hit')).toHaveCount(1);
  });
});
