import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

async function openMenu(page: Page, label: '関係機関' | '課題の一覧'): Promise<void> {
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

async function listAgencies(page: Page, includeRetired = true) {
  return page.evaluate(async (all) => {
    const result = await window.kasane['agencies.list']({ includeRetired: all });
    if (!result.ok) throw new Error(result.message);
    return result.value;
  }, includeRetired);
}

async function listIssueTags(page: Page) {
  return page.evaluate(async () => {
    const result = await window.kasane['issueTags.list']({});
    if (!result.ok) throw new Error(result.message);
    return result.value;
  });
}

/** A household that names the agency as 相談経路, so the agency is in use and cannot be deleted. */
async function referHousehold(page: Page, agencyId: string | null, issues: string[] = []): Promise<string> {
  return page.evaluate(
    async ({ referralAgencyId, tags }) => {
      const result = await window.kasane['households.create']({
        caseNo: `E2E-${Math.random().toString(36).slice(2, 8)}`,
        receivedOn: '令和7年4月1日',
        label: '検証世帯',
        referralAgencyId,
        issues: tags,
        note: '',
      });
      if (!result.ok) throw new Error(result.message);
      return result.value.id;
    },
    { referralAgencyId: agencyId, tags: issues },
  );
}

const agencyRow = (page: Page, name: string) => page.getByTestId('agency-row').filter({ hasText: name });

test.describe('関係機関', () => {
  test('機関を追加・編集し、誤りは項目ごとに示し、使用終了にすると「使用終了も表示」のときだけ出る', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    await openMenu(page, '関係機関');
    await expect(page.getByText('実在の住所や電話番号は入っていません')).toBeVisible();
    await expect(agencyRow(page, '地域包括支援センター')).toHaveCount(1);
    const before = await listAgencies(page);

    // Nothing chosen, nothing typed, a broken address: every error next to its field, nothing saved.
    await page.getByRole('button', { name: '機関を追加' }).click();
    const form = page.getByRole('form', { name: '関係機関を追加' });
    await expect(form.getByLabel('分野')).toBeFocused();
    await form.getByLabel('メール').fill('hokubu@');
    await form.getByLabel('メール').press('Enter');
    await expect(form.getByText('分野を選んでください')).toBeVisible();
    await expect(form.getByText('機関名を入力してください')).toBeVisible();
    await expect(form.getByText('メールアドレスの形式が正しくありません')).toBeVisible();
    await expect(form.getByLabel('メール')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('入力内容に誤りがあります。赤字の項目を確認してください。')).toBeVisible();
    expect(await listAgencies(page)).toEqual(before);

    const name = `髙﨑𠮷 地域包括支援センター <&>"'`;
    await form.getByLabel('分野').selectOption('高齢');
    await form.getByLabel('機関名').fill(name);
    await form.getByLabel('部署').fill('北部');
    await form.getByLabel('電話').fill('０１２３-４５-６７８９');
    await form.getByLabel('メール').fill('hokubu@example.jp');
    await form.getByLabel('既定の担当者').fill('相談 一郎');
    await form.getByLabel('住所').fill('〇〇市北町1-2-3');
    await form.getByLabel('メール').press('Enter');
    await expect(page.getByText(`「${name}」を保存しました。`)).toBeVisible();
    await expect(form).toBeHidden();
    const row = agencyRow(page, name);
    await expect(row).toContainText('北部');
    await expect(row).toContainText('hokubu@example.jp');
    await expect(row).toContainText('使用中');
    const added = (await listAgencies(page)).find((a) => a.name === name);
    expect(added).toMatchObject({ field: '高齢', department: '北部', phone: '０１２３-４５-６７８９' });

    // The same 機関名 and 部署 again is refused, on the 機関名 field.
    await page.getByRole('button', { name: '機関を追加' }).click();
    await form.getByLabel('分野').selectOption('地域');
    await form.getByLabel('機関名').fill(name);
    await form.getByLabel('部署').fill('北部');
    await form.getByLabel('部署').press('Enter');
    await expect(form.getByText('同じ機関名・部署の機関がすでに登録されています。')).toBeVisible();
    await expect(form.getByLabel('機関名')).toBeFocused();
    await expect(form.getByLabel('機関名')).toHaveAttribute('aria-invalid', 'true');
    await form.getByRole('button', { name: '取消' }).click();
    await expect(form).toBeHidden();
    expect((await listAgencies(page)).filter((a) => a.name === name)).toHaveLength(1);

    // Edit: the form opens with the saved values.
    await row.getByRole('button', { name: /^編集/ }).click();
    const editForm = page.getByRole('form', { name: `関係機関を編集：${name}` });
    await expect(editForm.getByLabel('機関名')).toBeFocused();
    await expect(editForm.getByLabel('部署')).toHaveValue('北部');
    await editForm.getByLabel('既定の担当者').fill('𠮷田 花子');
    await editForm.getByLabel('電話').fill('0123-99-0000');
    await editForm.getByRole('button', { name: '保存' }).click();
    await expect(editForm).toBeHidden();
    await expect(row).toContainText('𠮷田 花子');
    await expect(row.getByRole('button', { name: /^編集/ })).toBeFocused();
    expect((await listAgencies(page)).find((a) => a.id === added?.id)).toMatchObject({
      contactPerson: '𠮷田 花子',
      phone: '0123-99-0000',
    });

    // Search (full-width or half-width alike) and 分野.
    await page.getByLabel('検索').fill('ＨＯＫＵＢＵ＠');
    await expect(page.getByTestId('agency-row')).toHaveCount(1);
    await expect(page.getByText('1件を表示中')).toBeVisible();
    await page.getByLabel('検索').fill('北部 保健');
    await expect(page.getByTestId('agency-row')).toHaveCount(0);
    await expect(page.getByText('条件に合う機関はありません。')).toBeVisible();
    await page.getByLabel('検索').fill('');
    await page.getByLabel('分野', { exact: true }).selectOption('子ども');
    await expect(agencyRow(page, 'こども家庭センター')).toHaveCount(1);
    await expect(row).toHaveCount(0);
    await page.getByLabel('分野', { exact: true }).selectOption('');
    await screenshot(page, 'agencies');

    // 使用終了: gone from the list, back with 「使用終了も表示」, and back in use with 「使用を再開」.
    await row.getByRole('button', { name: /^使用終了にする/ }).click();
    await expect(page.getByText(`「${name}」を使用終了にしました。`)).toBeVisible();
    await expect(row).toHaveCount(0);
    expect((await listAgencies(page, false)).some((a) => a.name === name)).toBe(false);
    await page.getByLabel('使用終了も表示').check();
    await expect(row).toContainText('使用終了');
    await row.getByRole('button', { name: /^使用を再開/ }).click();
    await expect(page.getByText(`「${name}」の使用を再開しました。`)).toBeVisible();
    await page.getByLabel('使用終了も表示').uncheck();
    await expect(row).toContainText('使用中');
  });

  test('使われていない機関だけを確認のうえ削除でき、使われている機関は使用終了を勧める', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    await openMenu(page, '関係機関');

    // An agency a household names: no 削除, and 記録あり says why.
    const agencies = await listAgencies(page);
    const center = agencies.find((a) => a.name === '地域包括支援センター');
    if (!center) throw new Error('the default list has no 地域包括支援センター');
    await referHousehold(page, center.id);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
    await openMenu(page, '関係機関');
    const centerRow = agencyRow(page, '地域包括支援センター');
    await expect(centerRow).toContainText('記録あり');
    await expect(centerRow.getByRole('button', { name: /^削除/ })).toHaveCount(0);

    // An unused one: the dialog asks first, and 「削除しない」 (the focused answer) keeps it.
    const school = agencyRow(page, '学校');
    await school.getByRole('button', { name: /^削除/ }).click();
    const dialog = page.getByRole('dialog', { name: '関係機関を削除しますか' });
    await expect(dialog).toContainText('「学校」を一覧から削除します。');
    await expect(dialog.getByRole('button', { name: '削除しない' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(school).toHaveCount(1);
    await school.getByRole('button', { name: /^削除/ }).click();
    await dialog.getByRole('button', { name: '削除する' }).click();
    await expect(page.getByText('「学校」を削除しました。')).toBeVisible();
    await expect(school).toHaveCount(0);
    expect((await listAgencies(page)).some((a) => a.name === '学校')).toBe(false);

    // The list is older than the records: the server refuses, and the page offers 使用終了 instead.
    const police = agencies.find((a) => a.name === '警察署');
    if (!police) throw new Error('the default list has no 警察署');
    await referHousehold(page, police.id);
    const policeRow = agencyRow(page, '警察署');
    await policeRow.getByRole('button', { name: /^削除/ }).click();
    await dialog.getByRole('button', { name: '削除する' }).click();
    await expect(
      page.getByText('この機関は世帯や同意、支援経過で使われているため削除できません。'),
    ).toBeVisible();
    await expect(policeRow).toContainText('記録あり');
    await page.getByRole('button', { name: '「警察署」を使用終了にする' }).click();
    await expect(page.getByText('「警察署」を使用終了にしました。')).toBeVisible();
    await expect(policeRow).toHaveCount(0);
    expect((await listAgencies(page)).find((a) => a.id === police.id)).toMatchObject({
      retired: true,
      inUse: true,
    });
  });
});

test.describe('課題の一覧', () => {
  test('課題を追加し（前後の空白は除き、重複は断る）、使わない課題にしても付いている世帯には残る', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    const householdId = await referHousehold(page, null, ['ダブルケア']);
    await openMenu(page, '課題の一覧');
    const rows = page.getByTestId('issue-tag-row');
    await expect(rows).toHaveCount(15);

    const field = page.getByLabel('課題名');
    await field.press('Enter');
    await expect(page.getByText('課題名を入力してください')).toBeVisible();
    await field.fill('8050');
    await field.press('Enter');
    await expect(page.getByText('その課題はすでに登録されています。')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    await field.fill('  ゴミ屋敷・セルフネグレクト  ');
    await field.press('Enter');
    await expect(page.getByText('「ゴミ屋敷・セルフネグレクト」を追加しました。')).toBeVisible();
    await expect(field).toHaveValue('');
    await expect(rows).toHaveCount(16);
    await expect(rows.last()).toHaveText(/^ゴミ屋敷・セルフネグレクト/);
    expect(await listIssueTags(page)).toContainEqual({ name: 'ゴミ屋敷・セルフネグレクト', retired: false });

    // 使わない asks first; 「やめる」 keeps it.
    const doubleCare = rows.filter({ hasText: 'ダブルケア' });
    await doubleCare.getByRole('button', { name: /^使わない/ }).click();
    const dialog = page.getByRole('dialog', { name: 'この課題を使わないようにしますか' });
    await expect(dialog).toContainText('すでにこの課題が付いている世帯には、そのまま残ります。');
    await dialog.getByRole('button', { name: 'やめる' }).click();
    await expect(doubleCare).toHaveCount(1);
    await doubleCare.getByRole('button', { name: /^使わない/ }).click();
    await dialog.getByRole('button', { name: '使わない' }).click();
    await expect(page.getByText('「ダブルケア」を使わない課題にしました。')).toBeVisible();
    await expect(doubleCare).toHaveCount(0);
    await expect(page.getByTestId('issue-tag-retired')).toHaveText([/^ダブルケア/]);
    await screenshot(page, 'issue-tags');

    expect(await listIssueTags(page)).toContainEqual({ name: 'ダブルケア', retired: true });
    const household = await page.evaluate(async (id) => {
      const result = await window.kasane['households.get']({ id });
      if (!result.ok) throw new Error(result.message);
      return result.value;
    }, householdId);
    expect(household.issues).toEqual(['ダブルケア']);

    await page
      .getByTestId('issue-tag-retired')
      .getByRole('button', { name: /^再び使う/ })
      .click();
    await expect(page.getByText('「ダブルケア」を再び使えるようにしました。')).toBeVisible();
    await expect(page.getByTestId('issue-tag-retired')).toHaveCount(0);
    expect(await listIssueTags(page)).toContainEqual({ name: 'ダブルケア', retired: false });
  });
});
