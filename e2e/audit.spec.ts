import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { openPage, openSignedIn } from './support/vault.js';

test.describe('監査ログ', () => {
  test('新しい順に50件ずつ表示し、「さらに表示」で続きを読み、種類と利用者で絞り込める', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness, '監査 担当');
    // 60 setting changes: more than one page of the log.
    await page.evaluate(async () => {
      const current = await window.kasane['settings.get']({});
      if (!current.ok) throw new Error(current.message);
      for (let i = 0; i < 60; i += 1) {
        const saved = await window.kasane['settings.save']({
          ...current.value,
          email: `tanto${i}@example.jp`,
        });
        if (!saved.ok) throw new Error(saved.message);
      }
    });
    const total = await page.evaluate(async () => {
      const all = await window.kasane['audit.list']({ limit: 500 });
      if (!all.ok) throw new Error(all.message);
      return all.value.events.length;
    });
    expect(total).toBeGreaterThan(60);

    await openPage(page, '監査ログ');
    const rows = page.getByTestId('audit-row');
    await expect(rows).toHaveCount(50);
    await expect(page.getByText('50件を表示中（新しい順）')).toBeVisible();
    await expect(page.getByTestId('audit-verification')).toContainText(
      `改ざんは検出されませんでした（${total}件を検証）`,
    );
    // The first page verified the chain in the job worker; 「さらに表示」 only reads the next page.
    const verifies = harness.jobsStarted('verify');
    expect(verifies).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'さらに表示' }).click();
    await expect(rows).toHaveCount(total);
    expect(harness.jobsStarted('verify')).toBe(verifies);
    await expect(page.getByRole('button', { name: 'さらに表示' })).toHaveCount(0);
    // The oldest event is last.
    await expect(rows.last().locator('td').nth(2)).toHaveText('初期設定');

    await page.getByLabel('種類').selectOption({ label: 'ロック解除' });
    await expect(rows).toHaveCount(0);
    await expect(page.getByText('条件に合う記録はありません。')).toBeVisible();
    await page.getByLabel('種類').selectOption({ label: '守秘義務の確認' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('文面：社会福祉法第159条の警告文');

    await page.getByLabel('種類').selectOption({ label: 'すべて' });
    await page.getByLabel('利用者', { exact: true }).selectOption({ label: '監査 担当' });
    await expect(rows).toHaveCount(50);
    await expect(rows.locator('td:nth-child(2)')).toHaveText(Array(50).fill('監査 担当'));
    await screenshot(page, '18-audit-filtered');
  });

  test('記録が書き換えられていると、赤い帯で最初に壊れた記録の番号と理由を示す', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness, '改ざん 検出');
    // Someone with the key and an SQLite tool: the triggers do not stop them, the hash chain shows it.
    const { sqlite } = harness.session.signedIn().store;
    sqlite.exec('DROP TRIGGER audit_events_no_update');
    sqlite.prepare(`UPDATE audit_events SET detail_json = '{"via":"app"}' WHERE id = 1`).run();

    await openPage(page, '監査ログ');
    const banner = page.getByTestId('audit-verification');
    await expect(banner).toContainText('監査ログに改ざんまたは破損が見つかりました');
    await expect(banner).toContainText('番号 1（初期設定）');
    await expect(banner).toContainText('記録の内容が書き換えられています');
    await expect(banner).toHaveAttribute('data-broken', 'true');
    await expect(page.getByTestId('audit-row').last()).toHaveAttribute('data-broken', 'true');
    await screenshot(page, '19-audit-tampered');

    await openPage(page, 'ホーム');
    await expect(page.getByTestId('audit-verification')).toContainText(
      '監査ログに改ざんまたは破損が見つかりました',
    );
  });
});
