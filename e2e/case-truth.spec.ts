import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { bridge, officeDay } from './support/bridge.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

async function createHousehold(page: Page, caseNo: string, label: string, receivedOn = '2024-04-01') {
  return bridge<{ id: string }>(page, 'households.create', {
    caseNo,
    receivedOn,
    label,
    referralAgencyId: null,
    issues: [],
    note: '',
  });
}

async function openHouseholdList(page: Page) {
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '世帯', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '世帯一覧' })).toBeVisible();
}

async function openHousehold(page: Page, label: string) {
  await openHouseholdList(page);
  await page.getByRole('button', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(label);
}

test.describe('記録が矛盾しない（issue 9）', () => {
  test('正規化すると同じになる受付番号（全角・小文字・ハイフンの種類・長音）は登録画面で断られる', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    await createHousehold(page, 'C2023-001', '先に登録した世帯');
    await openHouseholdList(page);
    await page.getByRole('button', { name: '新規登録' }).first().click();
    const caseNo = page.getByLabel('受付番号');
    await page.getByLabel('受付日').fill('令和6年5月1日');
    await page.getByLabel('表示名').fill('あとから登録する世帯');
    for (const typed of ['Ｃ２０２３－００１', 'c2023-001', 'C2023‐001', 'C2023−001', 'C2023ー001']) {
      await caseNo.fill(typed);
      await page.getByRole('button', { name: '登録', exact: true }).click();
      await expect(
        page.getByText(
          `受付番号「${typed}」は、すでにある「C2023-001」（先に登録した世帯）と同じ番号とみなされます`,
        ),
      ).toBeVisible();
      await expect(caseNo).toHaveAttribute('aria-invalid', 'true');
    }
    await screenshot(page, 'case-no-look-alike-refused');
    const list = await bridge<unknown[]>(page, 'households.list', { query: '' });
    expect(list).toHaveLength(1);
  });

  test('今日より後の終結日は断られ、状態は支援中のまま', async ({ page, harness }) => {
    await openSignedIn(page, harness);
    const { id } = await createHousehold(page, 'R6-010', '終結を試す世帯');
    await bridge(page, 'households.changeStatus', { householdId: id, action: 'start', on: '2024-05-01' });
    await openHousehold(page, '終結を試す世帯');
    const status = page.getByRole('region', { name: '状態' });
    await status.getByRole('button', { name: '終結', exact: true }).click();
    const close = page.getByRole('dialog', { name: '終結' });
    const future = officeDay(5);
    await close.getByLabel('終結日').fill(future.replaceAll('-', '/'));
    await close.getByLabel('終結理由').selectOption('課題解決');
    await close.getByRole('button', { name: '次へ' }).click();
    await close.getByRole('button', { name: '終結する' }).click();
    await expect(
      close.getByText(/^終結日（令和\d+年\d+月\d+日）が今日（令和\d+年\d+月\d+日）より後です。/),
    ).toBeVisible();
    await screenshot(page, 'future-close-refused');
    await close.getByRole('button', { name: 'キャンセル' }).click();
    await expect(page.getByTestId('household-status')).toHaveText('支援中');
    await expect(status.getByTestId('status-change')).toHaveCount(2);
  });

  test('誤って記録した同意を理由付きで取り消すと、記録は残り、世帯は同意なしに戻る', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    const { id } = await createHousehold(page, 'R6-020', '同意を取り消す世帯');
    await bridge(page, 'consents.add', {
      householdId: id,
      obtainedOn: '令和6年6月1日',
      method: 'written',
      obtainedBy: '相談員',
      allAgencies: true,
      agencyIds: [],
    });
    await openHousehold(page, '同意を取り消す世帯');
    await expect(page.getByTestId('household-header').getByText('同意あり')).toBeVisible();
    const consent = page.getByRole('region', { name: '本人同意' });
    await consent.getByTestId('consent-row').getByRole('button', { name: '取消' }).click();
    const dialog = page.getByRole('dialog', { name: '本人同意の記録を取り消す' });
    await expect(dialog.getByLabel('取消の理由')).toBeFocused();
    await dialog.getByRole('button', { name: '取り消す' }).click();
    await expect(dialog.getByText('取消の理由を入力してください（履歴に残ります）')).toBeVisible();
    await dialog.getByLabel('取消の理由').fill('別の世帯の同意書を誤って記録した');
    await dialog.getByRole('button', { name: '取り消す' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('本人同意の記録を取り消しました。')).toBeVisible();
    await expect(page.getByTestId('household-header').getByText('同意なし')).toBeVisible();
    await expect(page.getByRole('note', { name: '本人同意がない世帯の注意' })).toBeVisible();
    const row = consent.getByTestId('consent-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('voided')).toContainText('理由：別の世帯の同意書を誤って記録した');
    await expect(row.getByRole('button', { name: '取消' })).toHaveCount(0);
    await expect(page.getByTestId('timeline')).not.toContainText('本人同意を取得');
    await screenshot(page, 'consent-voided');
    const events = await bridge<{ events: unknown[] }>(page, 'audit.list', {
      kind: 'record.voided',
      limit: 5,
    });
    expect(events.events).toHaveLength(1);
  });

  test('「吉田」（2文字）で探すと 𠮷田 の世帯が見つかり、表示は 𠮷田 のまま', async ({ page, harness }) => {
    await openSignedIn(page, harness);
    const { id } = await createHousehold(page, 'R6-030', '𠮷田さん世帯');
    await bridge(page, 'households.saveMembers', {
      householdId: id,
      members: [
        {
          name: '𠮷田 花子',
          kana: 'よしだ はなこ',
          relationship: '本人',
          birthDate: '',
          sex: 'female',
          isPrincipal: true,
        },
      ],
    });
    await createHousehold(page, 'R6-031', '吉川さん世帯');
    await openHouseholdList(page);
    await page.getByRole('searchbox').fill('吉田');
    const rows = page.getByRole('row').filter({ hasText: 'R6-0' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('𠮷田さん世帯');
    await screenshot(page, 'search-variant-yoshida');
  });
});
