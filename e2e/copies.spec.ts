import { expect, test } from './fixtures/harness.js';
import { setUpMeeting } from './support/meeting.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

/**
 * Rule 8 through the real screens: numbered copies issued through the 159条 gate are listed on the
 * meeting, and marking one 回収 takes it off the outstanding list (and is audited).
 */

test('配布番号つきで作成した資料は会議に未回収として並び、「回収」を記録すると一覧から外れる', async ({
  page,
  harness,
}) => {
  await openSignedIn(page, harness);
  await setUpMeeting(page);
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '会議', exact: true })
    .click();
  await page.getByTestId('meeting-row').filter({ hasText: 'R8-050' }).getByRole('button').click();
  await page.getByRole('tab', { name: '様式' }).click();
  await expect(page.getByText('配布番号をつけて作成した資料はまだありません。')).toBeVisible();

  // 様式2 in three numbered copies, saved through the gate.
  await page.getByRole('button', { name: /様式2/ }).click();
  const gate = page.getByRole('dialog', { name: /様式2/ });
  await gate.getByLabel('部数', { exact: true }).fill('3');
  await gate.getByRole('button', { name: 'プレビュー' }).click();
  await expect(gate.getByTestId('docx-preview').getByText('A氏世帯 支援会議 次第')).toBeVisible();
  await gate.getByRole('button', { name: '確認へ進む' }).click();
  await gate.getByLabel('使用目的', { exact: true }).selectOption('会議資料として配布');
  await gate.getByLabel('上記の守秘義務を理解し、目的の範囲でのみ使用します').check();
  await gate.getByRole('button', { name: '保存', exact: true }).click();
  await expect(gate.getByText(/保存しました/)).toBeVisible();
  await gate.getByRole('button', { name: '閉じる' }).click();

  const outstanding = page.getByRole('table', { name: /未回収の配布資料/ });
  await expect(page.getByRole('heading', { name: '未回収の配布資料（3部／全3部）' })).toBeVisible();
  await expect(outstanding.getByRole('row')).toHaveCount(1 + 3);
  await expect(outstanding).toContainText('障がい者基幹相談支援センター');
  await screenshot(page, 'meeting-copies-outstanding');

  await page.getByRole('button', { name: '配布番号 2／3（障がい者基幹相談支援センター）を回収' }).click();
  await expect(page.getByRole('heading', { name: '未回収の配布資料（2部／全3部）' })).toBeVisible();
  await expect(outstanding.getByRole('row')).toHaveCount(1 + 2);
  await expect(outstanding).not.toContainText('障がい者基幹相談支援センター');
  await expect(outstanding).toContainText('地域包括支援センター');
  await page.getByText('回収・廃棄を記録した資料（1部）').click();
  const settled = page.getByRole('list', { name: '回収・廃棄を記録した資料' });
  await expect(settled).toContainText('配布番号 2／3（障がい者基幹相談支援センター）：回収 令和');
  await screenshot(page, 'meeting-copies-collected');

  // Rule 10: the 回収 is in the audit log.
  const kinds = await page.evaluate(async () => {
    const r = await window.kasane['audit.list']({ kind: 'copy.collected' });
    if (!r.ok) throw new Error(r.message);
    return r.value.events.map((e) => e.detail.copyNo);
  });
  expect(kinds).toEqual([2]);
});

test('様式2 と様式3 を一緒に作ると、機関ごとに同じ配布番号の2つの様式と1枚の回収チェック表になる', async ({
  page,
  harness,
}) => {
  await openSignedIn(page, harness);
  await setUpMeeting(page);
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '会議', exact: true })
    .click();
  await page.getByTestId('meeting-row').filter({ hasText: 'R8-050' }).getByRole('button').click();
  await page.getByRole('tab', { name: '様式' }).click();

  await page.getByRole('button', { name: /様式2/ }).click();
  const gate = page.getByRole('dialog', { name: /様式2/ });
  await gate.getByLabel('様式3 世帯支援プラン検討シート').check();
  await gate.getByLabel('部数', { exact: true }).fill('2');
  await expect(gate.getByText('（2種類の様式とも同じ番号）', { exact: false })).toBeVisible();
  await screenshot(page, 'gate-options-packet');
  await gate.getByRole('button', { name: 'プレビュー' }).click();
  await expect(
    gate.getByText(
      '部数（2部）が出席機関（3機関）より少ないため、次の機関には配布されません：社会福祉協議会',
    ),
  ).toBeVisible();
  await expect(gate.getByRole('listitem').filter({ hasText: /_配布0\d\.docx$/ })).toHaveCount(4);
  await expect(gate.getByText('資料回収チェック表_R8-050-1.docx')).toBeVisible();
  await gate.getByRole('button', { name: '確認へ進む' }).click();
  await gate.getByLabel('使用目的', { exact: true }).selectOption('会議資料として配布');
  await gate.getByLabel('上記の守秘義務を理解し、目的の範囲でのみ使用します').check();
  await gate.getByRole('button', { name: '保存', exact: true }).click();
  await expect(gate.getByText(/保存しました/)).toBeVisible();
  await gate.getByRole('button', { name: '閉じる' }).click();

  const outstanding = page.getByRole('table', { name: /未回収の配布資料/ });
  await expect(outstanding.getByRole('row')).toHaveCount(1 + 2);
  await expect(outstanding.getByRole('row').nth(1)).toContainText(
    '（重層会議様式2） 会次第、（重層会議様式3） 世帯支援プラン検討シート',
  );
});
