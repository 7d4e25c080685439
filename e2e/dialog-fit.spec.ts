import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { bridge } from './support/bridge.js';
import { setUpMeeting } from './support/meeting.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

/**
 * Issue 13 point 8: on the smallest screen the office has (1366×768), every dialog fits, and its
 * primary button is on screen without scrolling, however long the content (30 agencies in a
 * consent's 範囲). Each dialog is opened from the screen that opens it, measured, and closed.
 */

const fields = ['高齢', '障がい', '子ども', '生活困窮', '地域', '保健・医療', '教育', 'その他'] as const;

/** A household 支援中 with five members, a written consent, a 支援経過 and a 確定 plan to monitor. */
async function office(page: Page): Promise<{ householdId: string }> {
  for (let i = 0; i < 30; i++)
    await bridge(page, 'agencies.save', {
      field: fields[i % fields.length],
      name: `検証用の関係機関 第${i + 1}センター（長い名前の例）`,
      department: '相談係',
      phone: '',
      email: '',
      address: '',
      contactPerson: '',
    });
  const agencies = await bridge<{ id: string }[]>(page, 'agencies.list', {});
  const { id: householdId } = await bridge<{ id: string }>(page, 'households.create', {
    caseNo: 'R8-101',
    receivedOn: '令和7年4月1日',
    label: '画面 確認世帯',
    referralAgencyId: null,
    issues: [],
    note: '',
  });
  await bridge(page, 'households.saveMembers', {
    householdId,
    members: [
      ['一郎', 'いちろう'],
      ['花子', 'はなこ'],
      ['次郎', 'じろう'],
      ['三郎', 'さぶろう'],
      ['四郎', 'しろう'],
    ].map(([given, kana], i) => ({
      name: `画面 ${given}`,
      kana: `がめん ${kana}`,
      relationship: i === 0 ? '本人' : '家族',
      birthDate: '1970-04-01',
      sex: i === 1 ? 'female' : 'male',
      isPrincipal: i === 0,
      livesInHousehold: true,
      deceased: false,
      keyPerson: false,
    })),
  });
  await bridge(page, 'households.changeStatus', { householdId, action: 'start', on: '2025-04-10' });
  await bridge(page, 'consents.add', {
    householdId,
    obtainedOn: '2025-04-15',
    method: 'written',
    obtainedBy: '検証 太郎',
    allAgencies: false,
    agencyIds: agencies.slice(0, 12).map((a) => a.id),
  });
  await bridge(page, 'progressNotes.save', {
    householdId,
    notedOn: '2025-05-01',
    agencyId: null,
    staff: '相談員',
    content: '本人と面談し、生活の様子を聞いた。',
    nextPlan: '',
  });
  const { id: meetingId } = await bridge<{ id: string }>(page, 'meetings.create', {
    householdId,
    kind: 'consented',
    meetingNo: 'R8-101-1',
    heldOn: '2025-06-01',
    startTime: '14:00',
    endTime: '15:00',
    place: '第2会議室',
    agenda: [],
    handouts: [],
    attendees: agencies.slice(0, 3).map((a, k) => ({
      agencyId: a.id,
      title: '相談員',
      personName: `担当 ${k + 1}`,
      scopeReason: '',
    })),
    noticeNumber: null,
    issuedOn: '2025-05-20',
    replyBy: '',
  });
  const detail = await bridge<{ planRows: { id: string | null; target: string; memberId: string | null }[] }>(
    page,
    'meetings.get',
    { id: meetingId },
  );
  await bridge(page, 'meetings.savePlan', {
    meetingId,
    status: 'final',
    rows: detail.planRows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      target: r.target,
      memberId: r.memberId,
      goal: '通院を続ける',
      discussion: '',
      nextActions: '月1回の訪問',
      roles: '',
    })),
  });
  return { householdId };
}

/** The dialog is inside the window and its primary button is wholly on screen, then it is closed. */
async function fits(page: Page, dialog: Locator, primary: string, name: string): Promise<void> {
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole('button', { name: primary, exact: true })).toBeInViewport({ ratio: 1 });
  // The window as the person sees it (not the full page): the dialog and what is behind it.
  await mkdir(join('test-results', 'screens'), { recursive: true });
  await page.screenshot({ path: join('test-results', 'screens', `dialog-${name}.png`), caret: 'hide' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

async function openHousehold(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '世帯', exact: true })
    .click();
  await page.getByRole('button', { name: '画面 確認世帯' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('画面 確認世帯');
}

test('1366×768 の画面で、どのダイアログも画面に収まり、主なボタンがスクロールせずに見える', async ({
  page,
  harness,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSignedIn(page, harness);
  await office(page);
  await setUpMeeting(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();

  // 世帯の画面: 本人同意 (the issue's example), its 撤回・訂正・取消.
  await openHousehold(page);
  const consent = page.getByRole('region', { name: /本人同意/ });
  await consent.getByRole('button', { name: '同意を記録' }).click();
  await fits(page, page.getByRole('dialog', { name: '本人同意を記録' }), '記録する', 'consent-add');
  await consent.getByRole('button', { name: '撤回を記録' }).click();
  await fits(page, page.getByRole('dialog', { name: '同意の撤回を記録' }), '次へ', 'consent-withdraw');
  await consent.getByRole('button', { name: '訂正' }).click();
  await fits(
    page,
    page.getByRole('dialog', { name: '本人同意の記録を訂正' }),
    '訂正を保存',
    'consent-correct',
  );
  await consent.getByRole('button', { name: '取消' }).click();
  await fits(
    page,
    page.getByRole('dialog', { name: '本人同意の記録を取り消す' }),
    '取り消す',
    'consent-void',
  );

  // 状態: 終結 (with the plan's 評価), and 訂正・取消 of the 支援開始.
  const status = page.getByRole('region', { name: '状態' });
  await status.getByRole('button', { name: '終結', exact: true }).click();
  await fits(page, page.getByRole('dialog', { name: '終結' }), '次へ', 'close');
  await status.getByRole('button', { name: '訂正' }).click();
  await fits(page, page.getByRole('dialog', { name: '支援開始を訂正' }), '訂正を保存', 'status-correct');
  await status.getByRole('button', { name: '取消' }).click();
  await fits(page, page.getByRole('dialog', { name: '支援開始を取り消す' }), '取り消す', 'status-void');

  // 世帯員の取消, モニタリングの記録, 支援経過の取消.
  await page
    .getByRole('region', { name: /世帯員/ })
    .getByRole('button', { name: /を取消$/ })
    .first()
    .click();
  await fits(page, page.getByRole('dialog', { name: '世帯員を取り消す' }), '取り消す', 'member-void');
  await page
    .getByRole('region', { name: '支援プランとモニタリング' })
    .getByRole('button', { name: '記録する' })
    .first()
    .click();
  await fits(page, page.getByRole('dialog', { name: 'モニタリングの記録' }), '記録する', 'monitoring');
  await page
    .getByRole('region', { name: /支援経過/ })
    .getByRole('button', { name: '取消' })
    .first()
    .click();
  await fits(page, page.getByRole('dialog', { name: '支援経過を取り消す' }), '取り消す', 'note-void');

  // The 159条 gate (the largest dialog) from the 家族構成図, on the 世帯員 page.
  await page
    .getByRole('region', { name: /^世帯員/ })
    .getByRole('button', { name: '編集' })
    .click();
  await page
    .getByRole('region', { name: '家族構成図・エコマップ' })
    .getByRole('button', { name: '別添資料として出す…' })
    .click();
  await fits(
    page,
    page.getByRole('dialog', { name: /別添資料 家族構成図・エコマップ/ }),
    'プレビュー',
    'gate',
  );

  // 会議: 中止 and 削除.
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '会議', exact: true })
    .click();
  await page.getByTestId('meeting-row').filter({ hasText: 'R8-050' }).getByRole('button').click();
  await page.getByRole('button', { name: '中止にする' }).click();
  await fits(page, page.getByRole('dialog', { name: '会議の中止' }), '中止にする', 'meeting-cancel');
  await page.getByRole('button', { name: '削除', exact: true }).click();
  await fits(page, page.getByRole('dialog', { name: '会議の削除' }), '削除する', 'meeting-delete');
  await page.getByRole('tab', { name: '様式' }).click();
  await page.getByRole('button', { name: /様式2/ }).click();
  await fits(page, page.getByRole('dialog', { name: /様式2/ }), 'プレビュー', 'gate-form2');

  // 関係機関の削除, 課題を使わない, 統計の書き出し.
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '関係機関', exact: true })
    .click();
  // The table sorts by a header with the keyboard, inside each 分野 (Intl.Collator('ja')).
  const agencyHeader = page.getByRole('columnheader', { name: '機関名' });
  await agencyHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(agencyHeader).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press(' ');
  await expect(agencyHeader).toHaveAttribute('aria-sort', 'descending');
  const names = await page.getByTestId('agency-row').evaluateAll((rows) =>
    rows.map((r) => ({
      group: r.closest('tbody')?.querySelector('th')?.firstChild?.textContent ?? '',
      name: r.querySelector('td span')?.textContent ?? '',
    })),
  );
  const collator = new Intl.Collator('ja', { numeric: true, sensitivity: 'base' });
  for (const group of new Set(names.map((n) => n.group))) {
    const inGroup = names.filter((n) => n.group === group).map((n) => n.name);
    expect(inGroup, group).toEqual([...inGroup].sort((a, b) => collator.compare(b, a)));
  }
  await screenshot(page, 'agencies-sorted-1366x768');
  await page
    .getByRole('button', { name: /^削除 ：/ })
    .first()
    .click();
  await fits(page, page.getByRole('dialog', { name: '関係機関を削除しますか' }), '削除する', 'agency-delete');
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '課題の一覧', exact: true })
    .click();
  await page
    .getByRole('button', { name: /^使わない ?：/ })
    .first()
    .click();
  await fits(
    page,
    page.getByRole('dialog', { name: 'この課題を使わないようにしますか' }),
    '使わない',
    'issue-retire',
  );
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '統計', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '統計' })).toBeVisible();
  await page.getByRole('button', { name: 'Excel', exact: true }).click();
  await fits(page, page.getByRole('dialog', { name: /統計の書き出し/ }), '保存', 'statistics-export');
});
