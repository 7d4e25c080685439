import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { filesContaining } from '../electron/services/testing/scan-files.js';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

// Hostile but legal names (domain rule 16): outside the BMP, 異体字, an emoji.
const members = [
  { name: '𠮷田 一郎', kana: 'よしだ いちろう', relationship: '本人', birth: '昭和30年1月2日', sex: '男' },
  { name: '髙﨑 花子', kana: 'たかさき はなこ', relationship: '妻', birth: 'H2.5.6', sex: '女' },
  { name: '𠮷田 そら🌸', kana: 'よしだ そら', relationship: '孫', birth: '２０１５／６／７', sex: '不明' },
] as const;
const householdLabel = '𠮷田さん世帯';

/** The banner text in force today, read from the resource the app serves (never typed here). */
async function unconsentedBannerInForce(): Promise<string> {
  const file = JSON.parse(await readFile('resources/legal/confidentiality.json', 'utf8')) as {
    versions: { effectiveFrom: string; unconsentedBanner: string }[];
  };
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short' }).format(
    new Date(),
  );
  const inForce = file.versions
    .filter((v) => v.effectiveFrom <= today)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .at(-1);
  if (!inForce) throw new Error('no banner text in force today');
  return inForce.unconsentedBanner;
}

async function openHouseholds(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '世帯', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '世帯一覧' })).toBeVisible();
}

async function householdCount(page: Page): Promise<number> {
  const result = await page.evaluate(() => window.kasane['households.list']({ query: '' }));
  if (!result.ok) throw new Error(result.message);
  return result.value.length;
}

async function householdViews(page: Page): Promise<number> {
  const result = await page.evaluate(() =>
    window.kasane['audit.list']({ kind: 'household.viewed', limit: 500 }),
  );
  if (!result.ok) throw new Error(result.message);
  return result.value.events.length;
}

/** Other households straight through the bridge, so the list has something to sort and filter. */
async function seedHouseholds(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const seeds = [
      {
        caseNo: 'R5-014',
        receivedOn: '令和5年11月20日',
        label: '佐藤さん世帯',
        kana: 'さとう みつこ',
        issues: ['認知症'],
      },
      {
        caseNo: 'R6-002',
        receivedOn: '2024/5/8',
        label: '鈴木さん世帯',
        kana: 'すずき けん',
        issues: ['ヤングケアラー', '不登校'],
      },
      {
        caseNo: 'R6-003',
        receivedOn: 'R6.7.19',
        label: '高橋さん世帯',
        kana: 'たかはし ゆう',
        issues: ['生活困窮', '債務', '住まい'],
      },
    ];
    for (const seed of seeds) {
      const created = await window.kasane['households.create']({
        caseNo: seed.caseNo,
        receivedOn: seed.receivedOn,
        label: seed.label,
        referralAgencyId: null,
        issues: seed.issues,
        note: '',
      });
      if (!created.ok) throw new Error(created.message);
      await window.kasane['households.saveMembers']({
        householdId: created.value.id,
        members: [
          {
            name: `${seed.label.slice(0, 2)} 本人`,
            kana: seed.kana,
            relationship: '本人',
            birthDate: '',
            sex: 'unknown',
            isPrincipal: true,
          },
        ],
      });
    }
  });
}

test.describe('世帯', () => {
  test('受付日にありえない日付を入れると日本語で示して何も登録せず、重複した受付番号はその欄に示す', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    await openHouseholds(page);
    await expect(page.getByText('まだ世帯が登録されていません。')).toBeVisible();
    await page.getByRole('button', { name: '新規登録' }).first().click();

    await expect(page.getByRole('heading', { level: 1, name: '世帯の新規登録' })).toBeVisible();
    const caseNo = page.getByLabel('受付番号');
    await expect(caseNo).toBeFocused();
    await expect(caseNo).toHaveValue(/^R\d+-001$/);
    const receivedOn = page.getByLabel('受付日');
    await receivedOn.fill('令和6年2月30日');
    await expect(page.getByText('日付として読み取れません')).toBeVisible();
    await page.getByLabel('表示名').fill(householdLabel);
    await page.getByRole('button', { name: '登録', exact: true }).click();
    await expect(
      page.getByText('存在する日付を入力してください（例: 令和6年4月1日、2024/4/1）'),
    ).toBeVisible();
    await expect(receivedOn).toHaveAttribute('aria-invalid', 'true');
    await expect(receivedOn).toBeFocused();
    await expect(page.getByText('入力内容に誤りがあります。赤字の項目を確認してください。')).toBeVisible();
    await screenshot(page, 'household-form-date-error');
    expect(await householdCount(page)).toBe(0);

    // The Enter that confirms an IME conversion never submits.
    await receivedOn.fill('R6.4.1');
    await expect(page.getByText('令和6年4月1日（月）')).toBeVisible();
    await page
      .getByLabel('表示名')
      .dispatchEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true });
    await page.waitForTimeout(300);
    expect(await householdCount(page)).toBe(0);

    // A 受付番号 already used is refused beside its field, and nothing is written.
    await page.evaluate(async () => {
      const created = await window.kasane['households.create']({
        caseNo: 'R6-900',
        receivedOn: '2024-04-01',
        label: '先に登録した世帯',
        referralAgencyId: null,
        issues: [],
        note: '',
      });
      if (!created.ok) throw new Error(created.message);
    });
    await caseNo.fill('R6-900');
    await page.getByLabel('表示名').press('Enter');
    await expect(page.getByText('受付番号「R6-900」はすでに使われています。')).toBeVisible();
    await expect(caseNo).toHaveAttribute('aria-invalid', 'true');
    expect(await householdCount(page)).toBe(1);

    // Leaving with unsaved changes asks first.
    await page.getByRole('button', { name: 'キャンセル' }).click();
    const leave = page.getByRole('dialog', { name: '保存されていない変更があります' });
    await expect(leave).toBeVisible();
    await expect(leave.getByRole('button', { name: 'この画面に戻る' })).toBeFocused();
    await leave.getByRole('button', { name: 'この画面に戻る' }).click();
    await expect(page.getByLabel('表示名')).toHaveValue(householdLabel);
  });

  test('世帯を登録し、世帯員・同意・撤回・終結・支援経過まで記録でき、一覧で探せ、データフォルダに平文が残らない', async ({
    page,
    harness,
    dataDir,
  }) => {
    const bannerText = await unconsentedBannerInForce();
    await openSignedIn(page, harness);
    await seedHouseholds(page);
    await openHouseholds(page);
    await page.getByRole('button', { name: '新規登録' }).click();

    // 基本情報
    await page.getByLabel('受付番号').fill('R6-001');
    await page.getByLabel('受付日').fill('令和６年４月１日');
    await expect(page.getByText('令和6年4月1日（月）')).toBeVisible();
    await page.getByLabel('表示名').fill(householdLabel);
    await page.getByLabel('相談経路').selectOption({ label: '地域包括支援センター' });
    await page.getByRole('checkbox', { name: '8050' }).check();
    await page.getByRole('checkbox', { name: '社会的孤立・ひきこもり' }).check();
    await page.getByLabel('備考').fill(`民生委員から「<&>"'」\n2行目`);
    await screenshot(page, 'household-edit-form');
    await page.getByRole('button', { name: '登録', exact: true }).click();

    // 世帯の詳細: no consent yet, so the rule-6 banner is on top.
    await expect(page.getByText('世帯を登録しました。続けて世帯員を入力してください。')).toBeVisible();
    const banner = page.getByRole('note', { name: '本人同意がない世帯の注意' });
    await expect(banner).toHaveText(`支援会議${bannerText}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(householdLabel);
    await expect(page.getByTestId('household-header').getByText('同意なし')).toBeVisible();

    // 世帯員: three rows, re-lettered when moved, one removed after asking.
    await page.getByRole('button', { name: '世帯員を編集' }).click();
    await expect(banner).toBeVisible();
    await expect(page.getByLabel('Aの氏名')).toBeFocused();
    await page.getByRole('button', { name: '世帯員を追加' }).click();
    await page.getByRole('button', { name: '世帯員を追加' }).click();
    await page.getByRole('button', { name: '世帯員を追加' }).click();
    for (const [i, m] of members.entries()) {
      const label = String.fromCharCode(65 + i);
      await page.getByLabel(`${label}の氏名`).fill(m.name);
      await page.getByLabel(`${label}のふりがな`).fill(m.kana);
      await page.getByLabel(`${label}の続柄`).fill(m.relationship);
      await page.getByLabel(`${label}の生年月日`).fill(m.birth);
      await page.getByLabel(`${label}の性別`).selectOption({ label: m.sex });
    }
    await expect(page.getByText(/昭和30年1月2日（日）・\d+歳/)).toBeVisible();
    await expect(page.getByText(/平成27年6月7日（日）・\d+歳/)).toBeVisible();
    await expect(page.getByLabel('Aが本人')).toBeChecked();

    await page.getByLabel('Dの氏名').fill('削除 する人');
    await page.getByRole('button', { name: 'Dを削除' }).click();
    const remove = page.getByRole('dialog', { name: 'Dを世帯員から外しますか' });
    await expect(remove).toContainText('「削除 する人」');
    await remove.getByRole('button', { name: '外す', exact: true }).click();
    await expect(page.getByLabel('Dの氏名')).toHaveCount(0);

    // Moving re-letters the rows; the 和暦 read-back and 本人 move with their row.
    const editRows = page.getByTestId('member-edit-row');
    await page.getByRole('button', { name: 'Cを上へ移動' }).click();
    await expect(page.getByLabel('Bの氏名')).toHaveValue(members[2].name);
    await expect(editRows.nth(1)).toContainText('平成27年6月7日（日）');
    await expect(editRows.nth(2)).toContainText('平成2年5月6日（日）');
    await expect(page.getByRole('button', { name: 'Bを上へ移動' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Bを下へ移動' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Bの氏名')).toHaveValue(members[1].name);
    await expect(page.getByLabel('Cの氏名')).toHaveValue(members[2].name);
    await expect(editRows.nth(1)).toContainText('平成2年5月6日（日）');
    await page.getByRole('button', { name: 'Aを下へ移動' }).click();
    await expect(page.getByLabel('Bの氏名')).toHaveValue(members[0].name);
    await expect(page.getByLabel('Bが本人')).toBeChecked();
    await expect(page.getByLabel('Aが本人')).not.toBeChecked();
    await expect(editRows.nth(1)).toContainText('昭和30年1月2日（日）');
    await page.getByRole('button', { name: 'Bを上へ移動' }).click();
    await expect(page.getByLabel('Aの氏名')).toHaveValue(members[0].name);
    await expect(page.getByLabel('Aが本人')).toBeChecked();
    await screenshot(page, 'household-members');
    await page.getByRole('button', { name: '保存', exact: true }).click();

    await expect(page.getByText('世帯員を保存しました。')).toBeVisible();
    const rows = page.getByTestId('member-row');
    await expect(rows).toHaveCount(3);
    for (const [i, m] of members.entries()) {
      await expect(rows.nth(i)).toContainText(String.fromCharCode(65 + i));
      await expect(rows.nth(i)).toContainText(m.name);
      await expect(rows.nth(i)).toContainText(m.kana);
    }
    await expect(rows.nth(0)).toContainText('本人');
    await expect(rows.nth(0)).toContainText(/昭和30年1月2日（日）（\d+歳）/);
    await expect(rows.nth(1)).toContainText('平成2年5月6日（日）');

    // 本人同意: the record makes the banner go; the 範囲 must name agencies or all of them.
    const consent = page.getByRole('region', { name: /本人同意/ });
    await consent.getByRole('button', { name: '同意を記録' }).click();
    const addConsent = page.getByRole('dialog', { name: '本人同意を記録' });
    await expect(addConsent.getByLabel('取得日')).toBeFocused();
    await addConsent.getByLabel('取得日').fill('R6.4.10');
    await addConsent.getByLabel('取得者').fill('地域包括 佐藤');
    await addConsent.getByRole('button', { name: '記録する' }).click();
    await expect(addConsent.getByText('方法を選んでください')).toBeVisible();
    await expect(
      addConsent.getByText('情報を共有してよい機関を選ぶか、「出席する全機関」を選んでください。'),
    ).toBeVisible();
    await addConsent.getByLabel('書面').check();
    await addConsent.getByRole('checkbox', { name: '地域包括支援センター' }).check();
    await addConsent.getByRole('checkbox', { name: '社会福祉協議会' }).check();
    await screenshot(page, 'household-consent-dialog');
    await addConsent.getByRole('button', { name: '記録する' }).click();
    await expect(addConsent).toBeHidden();
    await expect(page.getByText('本人同意を記録しました。')).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect(page.getByTestId('household-header').getByText('同意あり')).toBeVisible();
    const consentRows = page.getByTestId('consent-row');
    await expect(consentRows.first()).toContainText('令和6年4月10日（水）取得');
    await expect(consentRows.first()).toContainText('書面');
    await expect(consentRows.first().getByRole('listitem')).toHaveText([
      '地域包括支援センター',
      '社会福祉協議会',
    ]);
    await expect(page.getByTestId('timeline')).toContainText('本人同意を取得（書面）');

    // 撤回: asked twice; the banner comes back at once.
    await consentRows.first().getByRole('button', { name: '撤回を記録' }).click();
    const withdraw = page.getByRole('dialog', { name: '同意の撤回を記録' });
    await withdraw.getByLabel('撤回日').fill('R6.9.1');
    await withdraw.getByLabel('理由').fill('本人から共有をやめたいと申し出');
    await withdraw.getByRole('button', { name: '次へ' }).click();
    await expect(withdraw.getByText('同意の撤回を記録してよろしいですか。')).toBeVisible();
    await expect(withdraw.getByRole('button', { name: '戻る' })).toBeFocused();
    await withdraw.getByRole('button', { name: '撤回を記録する' }).click();
    await expect(withdraw).toBeHidden();
    await expect(banner).toHaveText(`支援会議${bannerText}`);
    await expect(page.getByTestId('household-header').getByText('撤回')).toBeVisible();
    await expect(consentRows.first()).toContainText('令和6年9月1日（日）');
    await expect(consentRows.first()).toContainText('本人から共有をやめたいと申し出');
    await expect(page.getByTestId('timeline')).toContainText('本人同意を撤回');

    // 状態: 支援開始, then 終結 with its own confirmation.
    const status = page.getByTestId('household-status');
    await expect(status).toHaveText('受付');
    await page.getByRole('button', { name: '支援開始' }).click();
    const startDialog = page.getByRole('dialog', { name: '支援開始' });
    await startDialog.getByLabel('支援開始日').fill('R6.4.15');
    await startDialog.getByRole('button', { name: '支援を開始する' }).click();
    await expect(status).toHaveText('支援中');
    await expect(page.getByRole('button', { name: '支援開始' })).toHaveCount(0);

    await page.getByRole('button', { name: '終結', exact: true }).click();
    const close = page.getByRole('dialog', { name: '終結' });
    await close.getByLabel('終結日').fill('R7.3.31');
    await close.getByRole('button', { name: '次へ' }).click();
    await expect(close.getByText('終結理由を選んでください')).toBeVisible();
    await close.getByLabel('終結理由').selectOption('課題解決');
    await close.getByRole('button', { name: '次へ' }).click();
    await expect(close.getByText('終結してよろしいですか')).toBeVisible();
    await expect(close).toContainText('令和7年3月31日（月）');
    await close.getByRole('button', { name: '戻る' }).click();
    await expect(close.getByLabel('終結日')).toHaveValue('R7.3.31');
    await close.getByRole('button', { name: '次へ' }).click();
    await close.getByRole('button', { name: '終結する' }).click();
    await expect(close).toBeHidden();
    await expect(status).toHaveText('終結');
    const statusSection = page.getByRole('region', { name: '状態' });
    await expect(statusSection).toContainText('令和7年3月31日（月）');
    await expect(statusSection).toContainText('課題解決');
    await expect(statusSection.getByRole('button', { name: '再開' })).toBeVisible();
    await expect(page.getByTestId('household-header').getByText('終結')).toBeVisible();

    // 支援経過: line breaks kept; an edit keeps the earlier text as history.
    await page.getByRole('button', { name: '支援経過を追加' }).click();
    const noteForm = page.getByRole('form', { name: '支援経過の追加' });
    await noteForm.getByLabel('日付').fill('R6.4.20');
    await noteForm.getByLabel('機関').selectOption({ label: '地域包括支援センター' });
    await noteForm.getByLabel('担当者').fill('佐藤');
    await noteForm.getByRole('radio', { name: '訪問' }).check();
    await noteForm.getByLabel('内容').fill('自宅を訪問。\n本人は在宅、妻が対応。');
    await noteForm.getByLabel('次の予定').fill('5月に再訪問');
    await noteForm.getByLabel('内容').press('Control+Enter');
    await expect(page.getByText('支援経過を追加しました。')).toBeVisible();
    const note = page.getByTestId('progress-note').first();
    // The text keeps its line break, and the screen shows it (pre-wrap), not a run-on line.
    const content = note.getByTestId('note-content');
    expect(await content.textContent()).toBe('自宅を訪問。\n本人は在宅、妻が対応。');
    await expect(content).toHaveCSS('white-space', 'pre-wrap');
    await note.getByRole('button', { name: '訂正', exact: true }).click();
    const editForm = page.getByRole('form', { name: '支援経過の訂正' });
    await expect(editForm.getByLabel('内容')).toBeFocused();
    await editForm.getByLabel('内容').fill('自宅を訪問。\n本人は在宅、妻と孫が対応。');
    // A 訂正 needs its reason (rule 18).
    await editForm.getByRole('button', { name: '保存', exact: true }).click();
    await expect(editForm.getByText('訂正の理由を入力してください（履歴に残ります）')).toBeVisible();
    await editForm.getByLabel('訂正の理由').fill('対応した家族の書き漏れ');
    await editForm.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('支援経過を訂正しました。訂正前の内容は履歴に残っています。')).toBeVisible();
    await note.getByRole('button', { name: '履歴（訂正 1回）' }).click();
    const history = page.getByRole('dialog', { name: '支援経過の訂正・取消の履歴' });
    await expect(history.getByTestId('note-revision')).toHaveCount(1);
    await expect(history.getByTestId('note-revision')).toContainText('本人は在宅、妻が対応。');
    await expect(history.getByTestId('note-revision')).toContainText('理由：対応した家族の書き漏れ');
    await history.getByRole('button', { name: '閉じる' }).click();
    await expect(page.getByTestId('timeline')).toContainText('自宅を訪問。');
    await page.getByRole('heading', { level: 1 }).focus();
    await screenshot(page, 'household-detail');

    // 基本情報の編集: the banner stays on top; a 受付番号 taken by another household is refused there.
    await page.getByRole('button', { name: '基本情報を編集' }).click();
    await expect(banner).toBeVisible();
    await expect(page.getByLabel('受付番号')).toBeFocused();
    await expect(page.getByLabel('受付日')).toHaveValue('令和6年4月1日');
    await page.getByLabel('受付番号').fill('R6-002');
    await page.getByRole('checkbox', { name: '認知症' }).check();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('受付番号「R6-002」はすでに使われています。')).toBeVisible();
    await page.getByLabel('受付番号').fill('R6-001');
    await page.getByLabel('受付番号').press('Enter');
    await expect(page.getByText('基本情報を保存しました。')).toBeVisible();
    await expect(page.getByRole('region', { name: '基本情報' })).toContainText('認知症');

    // 世帯一覧: search by ふりがな and by 𠮷, filters, keyboard.
    await page
      .getByRole('navigation', { name: '現在の位置' })
      .getByRole('button', { name: '世帯一覧' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: '世帯一覧' })).toBeVisible();
    const listRows = page.getByTestId('household-row');
    await expect(listRows).toHaveCount(4);
    await expect(listRows.first()).toContainText('R6-003');
    const ours = listRows.filter({ hasText: householdLabel });
    await expect(ours).toContainText('撤回');
    await expect(ours).toContainText('終結');
    await expect(ours).toContainText('令和6年4月1日（月）');
    await expect(ours).toContainText('3人');
    await screenshot(page, 'households-list');

    const search = page.getByLabel('検索');
    await search.fill('たかさき');
    await expect(listRows).toHaveCount(1);
    await expect(listRows.first()).toContainText(householdLabel);
    await search.fill('𠮷');
    await expect(listRows).toHaveCount(1);
    await expect(listRows.first()).toContainText('R6-001');
    await search.fill('存在しない名前');
    await expect(page.getByText('条件に合う世帯はありません。')).toBeVisible();
    await page.getByRole('button', { name: '条件をすべて解除' }).click();
    await expect(listRows).toHaveCount(4);

    await page.getByLabel('同意').selectOption({ label: '同意あり（重層的支援会議）' });
    await expect(page.getByText('条件に合う世帯はありません。')).toBeVisible();
    await page.getByLabel('同意').selectOption({ label: '同意なし（支援会議）' });
    await expect(listRows).toHaveCount(4);
    await page.getByLabel('状態').selectOption({ label: '終結' });
    await expect(listRows).toHaveCount(1);
    await page.getByLabel('状態').selectOption({ label: 'すべて' });
    await page.getByLabel('課題').selectOption('債務');
    await expect(listRows).toHaveCount(1);
    await expect(listRows.first()).toContainText('高橋さん世帯');
    await page.getByLabel('課題').selectOption({ label: 'すべて' });
    await page.getByLabel('年度（受付日）').selectOption({ label: '令和5年度' });
    await expect(listRows).toHaveCount(1);
    await expect(listRows.first()).toContainText('佐藤さん世帯');
    await page.getByLabel('年度（受付日）').selectOption({ label: 'すべて' });
    // The headers sort the whole list at the service, with the keyboard too: Enter, then Space turns round.
    const header = (name: string) => page.getByRole('columnheader', { name });
    await expect(header('受付日')).toHaveAttribute('aria-sort', 'descending');
    await header('表示名').getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(header('表示名')).toHaveAttribute('aria-sort', 'ascending');
    await expect(header('受付日')).toHaveAttribute('aria-sort', 'none');
    await expect(listRows).toHaveCount(4);
    await expect(listRows.first()).toContainText('佐藤さん世帯');
    await expect(listRows.last()).toContainText(householdLabel);
    await page.keyboard.press('Space');
    await expect(header('表示名')).toHaveAttribute('aria-sort', 'descending');
    await expect(listRows.first()).toContainText(householdLabel);
    await expect(listRows.last()).toContainText('佐藤さん世帯');
    await header('受付番号').getByRole('button').click();
    await expect(header('受付番号')).toHaveAttribute('aria-sort', 'ascending');
    await expect(listRows.first()).toContainText('R5-014');
    await header('表示名').getByRole('button').click();

    // Keyboard only: / → type → ↓ → Enter opens the household.
    await page.getByRole('heading', { level: 1, name: '世帯一覧' }).focus();
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    await page.keyboard.type('よしだ');
    await expect(listRows).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    await expect(listRows.first()).toHaveAttribute('data-highlighted', 'true');
    // Opening it again is a view of its own in the audit log (rule 10), even with it still cached.
    const viewsBefore = await householdViews(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(householdLabel);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect.poll(() => householdViews(page)).toBe(viewsBefore + 1);

    // 再開 asks once more, then the household is 支援中 again.
    await page.getByRole('button', { name: '再開' }).click();
    const reopen = page.getByRole('dialog', { name: '再開' });
    await reopen.getByLabel('再開日').fill('R7.5.1');
    await reopen.getByRole('button', { name: '次へ' }).click();
    await expect(reopen.getByText('終結した世帯の支援を再開してよろしいですか。')).toBeVisible();
    await reopen.getByRole('button', { name: '再開する' }).click();
    await expect(reopen).toBeHidden();
    await expect(status).toHaveText('支援中');
    await expect(page.getByRole('region', { name: '状態' })).not.toContainText('終結理由');

    // Lock drops everything; nothing of the household stays in the page or in plaintext on disk.
    await page.keyboard.press('Control+L');
    await expect(page.getByRole('heading', { name: 'ロックされています' })).toBeVisible();
    const html = await page.content();
    for (const m of members) expect(html).not.toContain(m.name);
    await harness.close();
    for (const text of [
      ...members.flatMap((m) => [m.name, m.kana]),
      householdLabel,
      '本人から共有をやめたいと申し出',
    ]) {
      expect(await filesContaining(dataDir, text), `「${text}」が平文で残っていない`).toEqual([]);
    }
  });
});
