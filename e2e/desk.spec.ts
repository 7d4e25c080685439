import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { bridge, officeDay } from './support/bridge.js';
import {
  addAgencies,
  addHousehold,
  addMeeting,
  addProgressNote,
  finalizePlanAndReport,
  principal,
} from './support/office.js';
import { screenshot } from './support/screens.js';
import { openPage, openSignedIn } from './support/vault.js';

/** The office's today (Japan time), as YYYY-MM-DD. */
const today = officeDay();

const names = [
  '𠮷田',
  '髙橋',
  '齋藤',
  '山﨑',
  '佐藤',
  '鈴木',
  '田中',
  '伊藤',
  '渡辺',
  '中村',
  '小林',
  '加藤',
];

/** A realistic office: twelve households 支援中, meetings before and after today, notes and consents. */
async function busyOffice(page: Page) {
  const agencies = await addAgencies(page, [
    ['第一地域包括支援センター', '高齢'],
    ['基幹相談支援センター', '障がい'],
    ['かさね市社会福祉協議会', '地域'],
  ]);
  const households: string[] = [];
  for (const [i, label] of names.entries())
    households.push(
      await addHousehold(page, {
        caseNo: `R8-${String(i + 1).padStart(3, '0')}`,
        receivedOn: officeDay(-120),
        label: `${label}氏世帯`,
        members: [principal(label)],
        startedOn: officeDay(-110),
        consent: { obtainedOn: officeDay(-100), method: i % 5 === 4 ? 'oral' : 'written' },
      }),
    );
  const meeting = (i: number, n: number, heldOn: string) =>
    addMeeting(page, {
      householdId: households[i] as string,
      meetingNo: `R8-${String(i + 1).padStart(3, '0')}-${n}`,
      heldOn,
      issuedOn: heldOn < today ? officeDay(-60) : today,
      agencyIds: agencies,
      agenda: ['開会', '閉会'],
    });
  // Held: four meetings, two of them with a 確定 plan, one due for review today.
  for (const i of [0, 1, 2, 3]) {
    const id = await meeting(i, 1, officeDay(-40 + i));
    if (i < 2)
      await finalizePlanAndReport(page, id, {
        goal: '通院を続ける',
        nextActions: '月1回の訪問',
        nextReviewOn: i === 0 ? today : officeDay(30),
        monitoringAgencyIds: [agencies[0] as string],
      });
  }
  // Ahead: today + 3, 7 and exactly 14 days (shown), 15 days (not shown).
  for (const [k, offset] of [3, 7, 14, 15].entries()) await meeting(4 + k, 1, officeDay(offset));
  // 支援経過: recent for most; 45 days ago for two (quiet); a 次回予定日 of today for one.
  for (const [i, id] of households.entries()) {
    if (i === 10 || i === 11) continue;
    await addProgressNote(page, id, {
      notedOn: i === 9 ? officeDay(-45) : officeDay(-5),
      agencyId: agencies[i % 3] as string,
      means: i % 2 === 0 ? 'visit' : 'phone',
      ...(i === 8 ? { next: { plan: '電話で通院の様子を確かめる', on: today } } : {}),
    });
  }
  return { households, agencies };
}

test.describe('ホーム「今日の仕事」', () => {
  test('期限のある仕事が日付の順に並び、項目から作業の画面へ行け、済むと消える', async ({
    page,
    harness,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await openSignedIn(page, harness);
    const office = await busyOffice(page);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
    const desk = page.getByRole('region', { name: '今日の仕事' });

    const upcoming = desk.getByTestId('desk-upcoming');
    await expect(upcoming.getByRole('link')).toHaveCount(3);
    await expect(upcoming.getByRole('link').first()).toContainText('R8-005');
    await expect(upcoming.getByRole('link').last()).toContainText('R8-007');
    await expect(upcoming).not.toContainText('R8-008');
    await expect(upcoming).toContainText('開催通知（様式1）が未発行');
    await expect(desk.getByTestId('desk-reviews')).toContainText('R8-001');
    await expect(desk.getByTestId('desk-quiet')).toContainText('R8-010');
    await expect(desk.getByTestId('desk-contacts')).toContainText('R8-009');
    await expect(desk.getByTestId('desk-oral')).toContainText('R8-005');
    await expect(desk.getByText('バックアップはまだ作成されていません')).toBeVisible();
    await screenshot(page, 'desk-1366x768');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'desk-1920x1080');

    // The 次回予定日 item leads to the household; a new 支援経過 clears it.
    await desk
      .getByTestId('desk-contacts')
      .getByRole('link', { name: /R8-009/ })
      .click();
    await expect(page.getByRole('heading', { name: /渡辺氏世帯/ })).toBeVisible();
    await addProgressNote(page, office.households[8] as string, {
      notedOn: today,
      agencyId: null,
      content: '電話で様子を聞いた。',
    });
    await openPage(page, 'ホーム');
    await expect(page.getByTestId('desk-contacts')).not.toContainText('R8-009');

    // 見直しの時期 leads to R8-001: モニタリング on its plan row, then 終結 with the 評価 (rules 19, 20).
    await page
      .getByTestId('desk-reviews')
      .getByRole('link', { name: /R8-001/ })
      .click();
    const monitoring = page.getByRole('region', { name: '支援プランとモニタリング' });
    await expect(monitoring.getByText('目標：通院を続ける')).toBeVisible();
    await monitoring.getByRole('button', { name: '記録する' }).click();
    const record = page.getByRole('dialog', { name: 'モニタリングの記録' });
    await record.getByRole('button', { name: '記録する' }).click();
    await expect(record.getByText('実施状況を選んでください')).toBeVisible();
    await record.getByLabel('実施状況').selectOption({ label: '一部達成' });
    await record.getByLabel('報告した機関').selectOption({ label: '第一地域包括支援センター' });
    await record.getByLabel('メモ').fill('月1回の通院は続いている');
    await record.getByRole('button', { name: '記録する' }).click();
    await expect(monitoring.getByTestId('latest-status')).toHaveText('一部達成');
    await expect(monitoring.getByText(/第一地域包括支援センター：月1回の通院は続いている/)).toBeVisible();

    await page.getByRole('button', { name: '終結', exact: true }).click();
    const close = page.getByRole('dialog', { name: '終結' });
    await expect(close.getByText('目標：通院を続ける')).toBeVisible();
    await expect(close.getByText(/【前回の実施状況】一部達成/)).toBeVisible();
    await close.getByLabel('終結理由').selectOption('包括的相談支援事業へ戻す');
    await close.getByRole('button', { name: '次へ' }).click();
    await expect(close.getByText('達成状況を選んでください')).toBeVisible();
    await close.getByLabel(/の達成状況$/).selectOption({ label: '一部達成' });
    await close.getByLabel(/のコメント$/).fill('通院は定着。家計の課題は包括へ引き継ぐ');
    await close.getByRole('button', { name: '次へ' }).click();
    await close.getByRole('button', { name: '終結する' }).click();
    await expect(
      close.getByText('包括的相談支援事業へ戻すときは、引継ぎ先の機関を選んでください。').first(),
    ).toBeVisible();
    await screenshot(page, 'desk-close-evaluation');
    await close.getByLabel('引継ぎ先').selectOption({ label: '第一地域包括支援センター' });
    await close.getByRole('button', { name: '次へ' }).click();
    await close.getByRole('button', { name: '終結する' }).click();
    await expect(page.getByText('終結しました。')).toBeVisible();
    const evaluations = await bridge<{ closeReason: string; handoverAgencyName: string; rows: unknown[] }[]>(
      page,
      'evaluations.list',
      { householdId: office.households[0] },
    );
    expect(evaluations).toMatchObject([
      {
        closeReason: '包括的相談支援事業へ戻す',
        handoverAgencyName: '第一地域包括支援センター',
        rows: [
          {
            goal: '通院を続ける',
            achievement: 'partlyAchieved',
            comment: '通院は定着。家計の課題は包括へ引き継ぐ',
          },
        ],
      },
    ]);
    await openPage(page, 'ホーム');
    await expect(page.getByTestId('desk-reviews')).not.toContainText('R8-001');
  });
});
