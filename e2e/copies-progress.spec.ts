import type { Locator, Page } from '@playwright/test';
import type { Desk } from '../electron/ipc/schemas/desk.js';
import { expect, test } from './fixtures/harness.js';
import type { JobPace } from './harness/job-pace.js';
import { bridge, officeDay } from './support/bridge.js';
import { addHousehold, addMeeting, listedAgencies, principal } from './support/office.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

/**
 * Issue 14 through the real screens: 様式2–5 for a meeting of 14 agencies in 60 numbered copies
 * (241 files) are rendered by the worker with a count and 「中止」; the window answers meanwhile, and
 * 中止 leaves nothing issued and no 配布番号 given.
 */

const copies = 60;
/** Four 様式 per copy and one 回収チェック表. */
const files = copies * 4 + 1;
const total = files.toLocaleString('ja-JP');

/** The count the progress line shows now (「12 / 241 ファイル」 → 12), or -1 before there is one. */
async function shownCount(gate: Locator): Promise<number> {
  const text = (await gate.getByRole('status').allTextContents()).join('\n');
  const match = text.match(new RegExp(`([\\d,]+) / ${total} ファイル`));
  return match?.[1] ? Number(match[1].replaceAll(',', '')) : -1;
}

/** A meeting a week ahead with 14 agencies attending, and its 様式 tab open. */
async function meetingOf14(page: Page): Promise<string> {
  const householdId = await addHousehold(page, {
    caseNo: 'R8-300',
    label: '大森氏世帯',
    receivedOn: officeDay(-30),
    members: [principal('大森')],
    startedOn: officeDay(-20),
    consent: { obtainedOn: officeDay(-20), method: 'written' },
  });
  const meetingId = await addMeeting(page, {
    householdId,
    meetingNo: 'R8-300-1',
    heldOn: officeDay(7),
    issuedOn: officeDay(),
    agencyIds: await listedAgencies(page, 14),
  });
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '会議', exact: true })
    .click();
  await page.getByTestId('meeting-row').filter({ hasText: 'R8-300' }).getByRole('button').click();
  await page.getByRole('tab', { name: '様式' }).click();
  await expect(page.getByText('配布番号をつけて作成した資料はまだありません。')).toBeVisible();
  return meetingId;
}

/** The gate of 様式2 with 様式3–5 together in `copies` copies, and 「プレビュー」 pressed. */
async function renderPacket(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /^様式2 / }).click();
  const gate = page.getByRole('dialog', { name: /^様式2/ });
  for (const form of ['様式3 世帯支援プラン検討シート', '様式4 会議報告シート', '様式5 世帯支援プランシート'])
    await gate.getByLabel(form).check();
  await gate.getByLabel('部数', { exact: true }).fill(String(copies));
  await gate.getByRole('button', { name: 'プレビュー' }).click();
  await expect(gate.getByRole('progressbar', { name: '文書の作成の進み具合' })).toBeVisible();
  return gate;
}

// The worker waits for the test before each progress report: every step below happens while the
// job certainly runs, however fast the machine renders.
test.use({ pacedJobs: true });

test('60部×4様式を作る間、進捗がファイル数で進み、本体は応え、「中止」では何も発行せず配布番号も使わない', async ({
  page,
  harness,
}) => {
  test.setTimeout(900_000);
  const pace = harness.jobPace as JobPace;
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSignedIn(page, harness);
  const meetingId = await meetingOf14(page);

  // 1. The count advances while the worker renders.
  let gate = await renderPacket(page);
  await expect(gate.getByRole('button', { name: '中止' })).toBeEnabled();
  pace.allow(2);
  await expect.poll(() => shownCount(gate), { timeout: 600_000 }).toBeGreaterThan(0);
  const first = await shownCount(gate);
  await screenshot(page, 'copies-progress');
  pace.allow(1);
  await expect.poll(() => shownCount(gate), { timeout: 600_000 }).toBeGreaterThan(first);
  expect(await shownCount(gate)).toBeLessThan(files);

  // The window answers meanwhile (the gate is modal, so through its channel): ホーム's desk comes back
  // while the packet is still being rendered.
  const desk = await bridge<Desk>(page, 'desk.get', {});
  expect(desk.upcomingMeetings.map((m) => m.meetingNo)).toContain('R8-300-1');
  await expect(gate.getByRole('progressbar', { name: '文書の作成の進み具合' })).toBeVisible();

  // The packet arrives: every file listed, the 回収チェック表 among them.
  pace.release();
  await expect(gate.getByRole('button', { name: '確認へ進む' })).toBeVisible({ timeout: 600_000 });
  await expect(gate.getByText(`作成するファイル（${files}件）`)).toBeVisible();
  await expect(gate.getByText('資料回収チェック表_R8-300-1.docx')).toBeVisible();
  await gate.getByRole('button', { name: '戻って変更' }).click();

  // 2. Again, and 「中止」 mid-render.
  pace.allow(2);
  await gate.getByRole('button', { name: 'プレビュー' }).click();
  await expect(gate.getByRole('progressbar', { name: '文書の作成の進み具合' })).toBeVisible();
  await expect.poll(() => shownCount(gate), { timeout: 600_000 }).toBeGreaterThan(0);
  await gate.getByRole('button', { name: '中止' }).click();
  await expect(
    gate.getByText('文書の作成を中止しました。何も発行していません（配布番号も使っていません）。'),
  ).toBeVisible({ timeout: 120_000 });
  await expect(gate.getByRole('progressbar')).toHaveCount(0);
  await screenshot(page, 'copies-cancelled');

  // Nothing left through the gate and no copy numbered: no issue in the audit log, no 配布番号.
  const issued = await bridge<{ events: unknown[] }>(page, 'audit.list', { kind: 'document.issued' });
  expect(issued.events).toEqual([]);
  expect(await bridge<unknown[]>(page, 'copies.list', { meetingId })).toEqual([]);
  await gate.getByRole('button', { name: 'キャンセル' }).click();
  await expect(page.getByText('配布番号をつけて作成した資料はまだありません。')).toBeVisible();

  // 3. キャンセル mid-render stops the job before the gate closes: the next 様式 is not refused.
  pace.allow(2);
  gate = await renderPacket(page);
  await expect.poll(() => shownCount(gate), { timeout: 600_000 }).toBeGreaterThan(0);
  await gate.getByRole('button', { name: 'キャンセル' }).click();
  await expect(gate).toHaveCount(0, { timeout: 120_000 });
  pace.release();
  gate = await renderPacket(page);
  await expect(gate.getByRole('button', { name: '確認へ進む' })).toBeVisible({ timeout: 600_000 });
  expect(await bridge<unknown[]>(page, 'copies.list', { meetingId })).toEqual([]);
});
