import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { setUpMeeting } from './support/meeting.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

/**
 * The 159条 gate's options and preview through the real screens: 様式1's 公用文 fields and per-agency
 * files, and a preview that prints only page numbers it has counted.
 */

async function openFormsTab(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '会議', exact: true })
    .click();
  await page.getByTestId('meeting-row').filter({ hasText: 'R8-050' }).getByRole('button').click();
  await page.getByRole('tab', { name: '様式' }).click();
}

test('様式1 は事務所の設定が仮のままなら作れず、直すと宛先ごとの通知になり、プレビューは各通知を「1 / 1」と数える', async ({
  page,
  harness,
}) => {
  await openSignedIn(page, harness);
  await setUpMeeting(page);
  await openFormsTab(page);

  await page.getByRole('button', { name: /様式1/ }).click();
  const gate = page.getByRole('dialog', { name: /様式1/ });
  await expect(gate.getByLabel('部数', { exact: true })).toHaveCount(0);
  await gate.getByRole('button', { name: 'プレビュー' }).click();
  await expect(gate.getByText('事務所の設定「自治体名」が仮の値（〇〇市）のままです。')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.evaluate(async () => {
    const k = window.kasane;
    const current = await k['settings.get']({});
    if (!current.ok) throw new Error(current.message);
    const saved = await k['settings.save']({
      ...current.value,
      municipalityName: '鹿屋市',
      senderTitle: '鹿屋市保健福祉部福祉政策課長',
      phone: '0994-31-1113',
      documentNumberPrefix: '鹿福政',
    });
    if (!saved.ok) throw new Error(saved.message);
  });

  await page.getByRole('button', { name: /様式1/ }).click();
  await gate.getByLabel('文書番号（第N号の N）').fill('88');
  await gate.getByLabel('発信日').fill('令和10年6月1日');
  await expect(gate.getByText('令和10年6月1日（木）')).toBeVisible();
  await gate.getByLabel('宛先の機関ごとに別のファイルにする').check();
  await screenshot(page, 'gate-options-notice');
  await gate.getByRole('button', { name: 'プレビュー' }).click();
  const files = gate.getByRole('listitem').filter({ hasText: /^様式1_開催通知_R8-050-1_.*\.docx$/ });
  await expect(files).toHaveCount(3);
  const preview = gate.getByTestId('docx-preview');
  await expect(preview.getByText('鹿福政第88号')).toBeVisible();
  await expect(preview.getByText('令和10年6月1日', { exact: true })).toBeVisible();
  await expect(preview.getByText('1 / 1', { exact: true })).toBeVisible();
  await expect(gate.getByText(/印刷すると1ページです/)).toBeVisible();
  await screenshot(page, 'gate-preview-notice');
});

test('表が何ページにも続く様式3 のプレビューは、印刷のページ数を示し、数えていないページ番号は書かない', async ({
  page,
  harness,
}) => {
  await openSignedIn(page, harness);
  const meetingId = await setUpMeeting(page);
  await page.evaluate(async (id) => {
    const discussion = Array.from(
      { length: 60 },
      (_, i) =>
        `（${i + 1}）関係機関からの聞き取りでは、本人は日中ほとんど外出せず、家族以外との交流がない。`,
    ).join('');
    const saved = await window.kasane['meetings.savePlan']({
      meetingId: id,
      status: 'draft',
      rows: [
        { target: 'crisis', memberId: null, goal: '見守りを続ける', discussion, nextActions: '', roles: '' },
      ],
    });
    if (!saved.ok) throw new Error(saved.message);
  }, meetingId);
  await openFormsTab(page);

  await page.getByRole('button', { name: /様式3/ }).click();
  const gate = page.getByRole('dialog', { name: /様式3/ });
  await gate.getByRole('button', { name: 'プレビュー' }).click();
  const preview = gate.getByTestId('docx-preview');
  await expect(preview.getByText('A氏世帯支援プラン検討シート').first()).toBeVisible();
  // The service laid the table out on more than one page; the preview draws it as one long page.
  await expect(gate.getByText(/印刷すると[2-9]ページです/)).toBeVisible();
  await expect(preview.getByText('（ページ番号は印刷時に入ります）').first()).toBeVisible();
  await expect(preview.getByText('/', { exact: true })).toHaveCount(0);
  await expect(preview.getByText(/^\d+ \/ \d+$/)).toHaveCount(0);
  await screenshot(page, 'gate-preview-long-plan');
});
