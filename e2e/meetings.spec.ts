import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

interface Office {
  /** 地域包括支援センター (from the default list), inside the consent's 範囲. */
  elderly: string;
  /** 障がい者基幹相談支援センター, inside the 範囲. */
  disability: string;
  /** 社会福祉協議会, outside the 範囲 (rule 3). */
  council: string;
  /** R8-001: consent obtained 令和6年4月1日 for the first two agencies; 𠮷田 ハナ (A) and 髙橋 一郎 (B). */
  consented: string;
  /** R8-002: no consent at all. */
  unconsented: string;
}

/**
 * Agencies, two households with members, and one consent — set up behind the scenes through the
 * same bridge the screens use (the households' own screens have their own tests).
 */
async function setUpOffice(page: Page): Promise<Office> {
  return page.evaluate(async () => {
    const must = async <T>(
      result: Promise<{ ok: true; value: T } | { ok: false; message: string; code: string }>,
    ): Promise<T> => {
      const r = await result;
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      return r.value;
    };
    const k = window.kasane;
    // The default list every office starts with (resources/default-lists.json).
    const agencies = await must(k['agencies.list']({}));
    const agency = (name: string) => {
      const found = agencies.find((a) => a.name === name);
      if (!found) throw new Error(`${name} is not in the default list`);
      return found.id;
    };
    const elderly = agency('地域包括支援センター');
    const disability = agency('障がい者基幹相談支援センター');
    const council = agency('社会福祉協議会');
    // The council has a 既定の担当者: choosing it for an attendee fills the name.
    const councilRecord = agencies.find((a) => a.id === council);
    if (councilRecord) {
      const { retired: _retired, inUse: _inUse, ...input } = councilRecord;
      await must(k['agencies.save']({ ...input, contactPerson: '﨑山 次郎' }));
    }
    const household = async (caseNo: string, label: string) =>
      (
        await must(
          k['households.create']({
            caseNo,
            receivedOn: '令和6年3月1日',
            label,
            referralAgencyId: elderly,
            issues: [],
            note: '',
          }),
        )
      ).id;
    const consented = await household('R8-001', '𠮷田世帯（8050）');
    const unconsented = await household('R8-002', '髙橋世帯（ひきこもり）');
    for (const householdId of [consented, unconsented]) {
      await must(
        k['households.saveMembers']({
          householdId,
          members: [
            {
              name: '𠮷田 ハナ',
              kana: 'よしだ はな',
              relationship: '本人',
              birthDate: '昭和19年5月1日',
              sex: 'female',
              isPrincipal: true,
            },
            {
              name: '髙橋 一郎',
              kana: 'たかはし いちろう',
              relationship: '長男',
              birthDate: '昭和49年8月2日',
              sex: 'male',
              isPrincipal: false,
            },
          ],
        }),
      );
    }
    await must(
      k['consents.add']({
        householdId: consented,
        obtainedOn: '令和6年4月1日',
        method: 'written',
        obtainedBy: '検証 太郎',
        allAgencies: false,
        agencyIds: [elderly, disability],
      }),
    );
    return { elderly, disability, council, consented, unconsented };
  });
}

async function openMenu(page: Page, label: '会議' | '監査ログ'): Promise<void> {
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

/** 会議一覧 → 会議を準備 → the household found by its 受付番号. */
async function prepareMeetingFor(page: Page, caseNo: string): Promise<void> {
  await openMenu(page, '会議');
  await page.getByRole('button', { name: '会議を準備' }).click();
  const search = page.getByLabel('世帯を検索');
  await expect(search).toBeFocused();
  await search.fill(caseNo);
  await expect(page.getByRole('list', { name: '世帯の候補' }).getByRole('button')).toHaveCount(1);
  await search.press('Enter');
  await expect(page.getByRole('form', { name: '会議の準備' })).toBeVisible();
}

function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) seen.push(message.text());
  });
  return seen;
}

test.describe('会議', () => {
  test('重層的支援会議を準備し、プランを確定して、様式5を守秘義務の確認を経て保存すると、ファイルと監査ログに残る', async ({
    page,
    harness,
  }) => {
    const violations = cspViolations(page);
    await openSignedIn(page, harness);
    const office = await setUpOffice(page);
    // A meeting already held, so the list shows what is still missing after it.
    await page.evaluate(
      async ({ householdId, agencyId }) => {
        const r = await window.kasane['meetings.create']({
          householdId,
          kind: 'consented',
          meetingNo: 'R8-001-0',
          heldOn: '令和7年5月12日',
          startTime: '10:00',
          endTime: '11:00',
          place: '市役所 3階 第1会議室',
          agenda: ['開会'],
          handouts: [],
          attendees: [{ agencyId, title: '主任', personName: '佐藤 花子', scopeReason: '' }],
          noticeNumber: null,
          issuedOn: '令和7年5月1日',
          replyBy: '',
        });
        if (!r.ok) throw new Error(r.message);
      },
      { householdId: office.consented, agencyId: office.elderly },
    );

    await prepareMeetingFor(page, 'R8-001');
    const form = page.getByRole('form', { name: '会議の準備' });
    await expect(form.getByLabel('会議番号')).toHaveValue('R8-001-2');
    await expect(form.getByRole('textbox', { name: '議事 1', exact: true })).toHaveValue('開会');
    await expect(form.getByRole('textbox', { name: /^議事 \d+$/ })).toHaveCount(6);
    // A second meeting starts from the previous one: its time, place and attendees.
    await expect(form.getByLabel('開始時刻')).toHaveValue('10:00');
    await expect(form.getByLabel('場所')).toHaveValue('市役所 3階 第1会議室');
    await expect(form.getByLabel('出席者 1 の氏名')).toHaveValue('佐藤 花子');
    await expect(form.getByLabel('出席者 1 の職名')).toHaveValue('主任');
    await form.getByRole('button', { name: '出席者 1 を削除' }).click();
    await expect(form.getByTestId('attendee-row')).toHaveCount(0);

    // A Sunday: a warning, not a refusal.
    await form.getByLabel('日付').fill('2028/6/18');
    await expect(form.getByText('令和10年6月18日（日）は日曜日です。')).toBeVisible();
    await form.getByLabel('日付').fill('Ｒ１０．６．１４');
    await expect(form.getByText('令和10年6月14日（水）', { exact: true })).toBeVisible();
    await expect(form.getByText('は日曜日です。')).toHaveCount(0);
    await expect(form.getByRole('radio', { name: '重層的支援会議', exact: true })).toBeEnabled();
    await expect(form.getByRole('radio', { name: '重層的支援会議', exact: true })).toBeChecked();
    await form.getByLabel('開始時刻').fill('１４：００');
    await form.getByLabel('終了時刻').fill('15:30');
    await form.getByLabel('場所').fill('市役所本庁舎 3階 第2会議室');

    // 会次第: remove 「その他（次回開催予定）」, add a line and move it above 「閉会」 with Alt+↑.
    await form.getByRole('button', { name: '議事 5 を削除' }).click();
    await form.getByRole('button', { name: '議事を追加' }).click();
    await expect(form.getByRole('textbox', { name: '議事 6', exact: true })).toBeFocused();
    await page.keyboard.type('次回の日程');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(form.getByRole('textbox', { name: '議事 5', exact: true })).toHaveValue('次回の日程');
    await expect(form.getByRole('textbox', { name: '議事 5', exact: true })).toBeFocused();
    await expect(form.getByRole('textbox', { name: '議事 6', exact: true })).toHaveValue('閉会');

    // 出席者: one inside the 範囲, one outside it (rule 3).
    await form.getByRole('button', { name: '出席者を追加' }).click();
    await form.getByLabel('出席者 1 の機関').selectOption({ label: '地域包括支援センター' });
    await form.getByLabel('出席者 1 の職名').fill('主任介護支援専門員');
    await form.getByLabel('出席者 1 の氏名').fill('佐藤 花子');
    await form.getByRole('button', { name: '出席者を追加' }).click();
    await form.getByLabel('出席者 2 の機関').selectOption({ label: '社会福祉協議会' });
    await form.getByLabel('出席者 2 の職名').fill('地域福祉コーディネーター');
    // The agency's 既定の担当者 filled the empty 氏名.
    await expect(form.getByLabel('出席者 2 の氏名')).toHaveValue('﨑山 次郎');
    await expect(form.getByTestId('scope-reason')).toHaveCount(1);
    await expect(form.getByText('本人同意の範囲に含まれない機関が1件あります。')).toBeVisible();
    await form.getByLabel('文書番号').fill('123');
    await expect(form.getByText('通知には「123号」と載ります')).toBeVisible();

    await form.getByRole('button', { name: '登録' }).click();
    await expect(form.getByText('理由を入力してください')).toBeVisible();
    await expect(form.getByLabel(/出席させる理由/)).toBeFocused();
    await form.getByLabel(/出席させる理由/).fill('見守り訪問を担っており、本人も了解しているため');
    await screenshot(page, 'meeting-form');
    await form.getByRole('button', { name: '登録' }).click();

    await expect(page.getByText('会議を登録しました。')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('令和10年6月14日（水）');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('14:00～15:30');
    await expect(page.getByTestId('unconsented-banner')).toHaveCount(0);
    await page.getByRole('tab', { name: /出席者/ }).click();
    await expect(page.getByRole('tabpanel')).toContainText('範囲外');
    await expect(page.getByRole('tabpanel')).toContainText(
      '理由：見守り訪問を担っており、本人も了解しているため',
    );

    // 支援プラン: A氏's row before and after the meeting, then 確定.
    await page.getByRole('tab', { name: /支援プラン/ }).press('ArrowRight');
    await expect(page.getByRole('tab', { name: /会議報告/ })).toBeFocused();
    await page.getByRole('tab', { name: /支援プラン/ }).click();
    const plan = page.getByRole('form', { name: '世帯支援プラン' });
    await expect(plan.getByTestId('plan-row')).toHaveCount(4);
    await expect(plan.getByRole('rowheader')).toHaveText([
      'A氏 𠮷田 ハナ（本人）',
      'B氏 髙橋 一郎（長男）',
      '危機介入',
      'その他',
    ]);
    await plan.getByLabel('A氏 𠮷田 ハナ（本人） の目標').fill('住み慣れた自宅で安心して暮らす');
    await plan
      .getByLabel('A氏 𠮷田 ハナ（本人） の検討内容')
      .fill('介護保険サービスの利用と、長男への関わり方');
    await plan.getByLabel('A氏 𠮷田 ハナ（本人） の当面の取組事項').fill('要介護認定の申請を支援する');
    await plan.getByLabel('A氏 𠮷田 ハナ（本人） の役割分担').fill('地域包括：申請同行／社協：週1回の見守り');
    // Rule 18: the meeting is not held yet, so the plan cannot be 確定; it is saved as a draft.
    await plan.getByRole('button', { name: '確定', exact: true }).click();
    await expect(
      plan.getByText(
        /^支援プランは会議の開催日（令和10年6月14日）以降に確定します。今日（令和\d+年\d+月\d+日）はまだ確定できません。$/,
      ),
    ).toBeVisible();
    await plan.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('支援プランを保存しました。')).toBeVisible();
    await expect(plan.getByTestId('plan-status')).toHaveText('作成中');
    await screenshot(page, 'meeting-detail');

    // 様式5 through the gate.
    await page.getByRole('tab', { name: '様式' }).click();
    await page.getByRole('button', { name: /様式5/ }).click();
    const gate = page.getByRole('dialog', { name: '様式5 世帯支援プランシート' });
    await expect(gate.getByRole('radio', { name: '実名' })).toBeChecked();
    await expect(gate.getByRole('radio', { name: '実名' })).toBeFocused();
    await gate.getByLabel('部数', { exact: true }).fill('1');
    await gate.getByRole('button', { name: 'プレビュー' }).click();
    const preview = gate.getByTestId('docx-preview');
    await expect(preview.getByText('A氏世帯支援プランシート')).toBeVisible();
    await expect(preview.getByText('住み慣れた自宅で安心して暮らす')).toBeVisible();
    await expect(preview.getByText('地域包括：申請同行／社協：週1回の見守り')).toBeVisible();
    await expect(gate.getByText('様式5_世帯支援プランシート_R8-001-2.docx')).toBeVisible();
    await screenshot(page, 'gate-preview');

    await gate.getByRole('button', { name: '確認へ進む' }).click();
    const warning = await page.evaluate(async () => {
      const r = await window.kasane['legal.confidentialityWarning']({});
      if (!r.ok) throw new Error(r.message);
      return r.value;
    });
    await expect(gate.getByTestId('gate-warning')).toContainText(warning.title);
    await expect(gate.getByTestId('gate-warning')).toContainText(warning.body);
    const save = gate.getByRole('button', { name: '保存', exact: true });
    const word = gate.getByRole('button', { name: 'Wordで開く' });
    await expect(save).toBeDisabled();
    await gate.getByLabel('使用目的', { exact: true }).selectOption('会議資料として配布');
    await expect(save).toBeDisabled();
    await gate.getByLabel('上記の守秘義務を理解し、目的の範囲でのみ使用します').check();
    await expect(save).toBeEnabled();
    await expect(word).toBeEnabled();
    await gate.getByLabel('上記の守秘義務を理解し、目的の範囲でのみ使用します').uncheck();
    await expect(save).toBeDisabled();
    await gate.getByLabel('上記の守秘義務を理解し、目的の範囲でのみ使用します').check();
    await screenshot(page, 'gate-confirm');
    await save.click();
    await expect(gate.getByText('保存しました: 様式5_世帯支援プランシート_R8-001-2.docx')).toBeVisible();

    const saved = await readdir(harness.downloadsDir);
    expect(saved).toContain('様式5_世帯支援プランシート_R8-001-2.docx');
    const bytes = await readFile(join(harness.downloadsDir, '様式5_世帯支援プランシート_R8-001-2.docx'));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await gate.getByRole('button', { name: '閉じる' }).click();
    await expect(gate).toBeHidden();
    await expect(page.getByRole('button', { name: /様式5/ })).toBeFocused();

    // The schedule: upcoming first, then the held meeting with what is still missing.
    await page.getByRole('button', { name: '会議一覧' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '会議' })).toBeVisible();
    const upcoming = page.getByRole('table', { name: '予定の会議' }).getByTestId('meeting-row');
    const past = page.getByRole('table', { name: '開催済みの会議' }).getByTestId('meeting-row');
    await expect(upcoming).toHaveCount(1);
    await expect(upcoming.first()).toContainText('令和10年6月14日（水）');
    await expect(upcoming.first()).toContainText('重層的支援会議');
    await expect(upcoming.first()).toContainText('R8-001');
    await expect(upcoming.first()).toContainText('2人');
    await expect(past).toHaveCount(1);
    await expect(past.first()).toContainText('会議報告（様式4）が未発行');
    await expect(past.first()).toContainText('支援プランが未確定');
    await screenshot(page, 'meetings-list');
    // Keyboard: Enter on a row's button opens the meeting.
    await upcoming.first().getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('令和10年6月14日（水）');

    // Rule 7: the 監査ログ shows what left, how many copies and why.
    await openMenu(page, '監査ログ');
    await page.getByLabel('種類').selectOption('document.issued');
    const rows = page.getByTestId('audit-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('保存・Wordで開く');
    await expect(rows.first()).toContainText('様式5');
    await expect(rows.first()).toContainText('会議資料として配布');

    // The household's page lists its meetings and opens one.
    await page
      .getByRole('navigation', { name: 'メニュー' })
      .getByRole('button', { name: '世帯', exact: true })
      .click();
    await page.getByTestId('household-row').filter({ hasText: 'R8-001' }).getByRole('button').click();
    const section = page.getByRole('region', { name: /^会議/ });
    await expect(section.getByRole('button', { name: /^令和/ })).toHaveCount(2);
    await expect(section).toContainText('会議報告（様式4）が未発行');
    await screenshot(page, 'household-meetings');
    await section.getByRole('button', { name: /令和10年6月14日/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('令和10年6月14日（水）');
    await expect(
      page.getByRole('navigation', { name: 'メニュー' }).getByRole('button', { name: '会議', exact: true }),
    ).toHaveAttribute('aria-current', 'page');
    expect(violations).toEqual([]);
  });

  test('同意のない世帯や同意の取得日より前の日には、重層的支援会議を選べず、理由がフォームに出る', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    const office = await setUpOffice(page);

    await prepareMeetingFor(page, 'R8-002');
    let form = page.getByRole('form', { name: '会議の準備' });
    await form.getByLabel('日付').fill('令和10年7月5日');
    await expect(form.getByRole('radio', { name: '重層的支援会議', exact: true })).toBeDisabled();
    await expect(form.getByRole('radio', { name: '支援会議', exact: true })).toBeChecked();
    await expect(form.getByTestId('kind-refusal')).toContainText('この世帯には本人同意の記録がありません。');
    await expect(form.getByTestId('kind-refusal')).toContainText('「支援会議」として開いてください');
    await screenshot(page, 'meeting-form-refused');

    // Leaving a form with changes asks first.
    await page.getByRole('button', { name: '会議一覧' }).click();
    await page
      .getByRole('dialog', { name: '保存されていない変更があります' })
      .getByRole('button', { name: '変更を破棄して移動' })
      .click();
    await prepareMeetingFor(page, 'R8-001');
    form = page.getByRole('form', { name: '会議の準備' });
    await form.getByLabel('日付').fill('令和6年3月15日');
    await expect(form.getByRole('radio', { name: '重層的支援会議', exact: true })).toBeDisabled();
    await expect(form.getByTestId('kind-refusal')).toContainText('本人同意の取得日（令和6年4月1日）より前');
    await expect(form.getByRole('radio', { name: '支援会議', exact: true })).toBeChecked();
    // After the consent date the choice comes back, and it is checked again (nothing was chosen).
    await form.getByLabel('日付').fill('令和6年4月1日');
    await expect(form.getByRole('radio', { name: '重層的支援会議', exact: true })).toBeEnabled();
    await expect(form.getByRole('radio', { name: '重層的支援会議', exact: true })).toBeChecked();
    await expect(form.getByTestId('kind-refusal')).toHaveCount(0);

    // Main refuses too, whatever the screen sent (rule 2 is enforced where the data lives).
    const refusal = await page.evaluate(async (householdId) => {
      const r = await window.kasane['meetings.create']({
        householdId,
        kind: 'consented',
        meetingNo: 'X-1',
        heldOn: '令和6年3月15日',
        startTime: '',
        endTime: '',
        place: '',
        agenda: [],
        handouts: [],
        attendees: [],
        noticeNumber: null,
        issuedOn: '令和6年3月1日',
        replyBy: '',
      });
      return r.ok ? 'saved' : r.code;
    }, office.consented);
    expect(refusal).toBe('CONSENT_REQUIRED');
  });

  test('支援会議は注意の帯を表示し、様式は記号（A氏）が既定で、実名には理由が要る', async ({
    page,
    harness,
  }) => {
    const violations = cspViolations(page);
    await openSignedIn(page, harness);
    await setUpOffice(page);

    // From the household's page: its 会議 section starts the form with the household fixed.
    await page
      .getByRole('navigation', { name: 'メニュー' })
      .getByRole('button', { name: '世帯', exact: true })
      .click();
    await page.getByTestId('household-row').filter({ hasText: 'R8-002' }).getByRole('button').click();
    const section = page.getByRole('region', { name: /^会議/ });
    await expect(section).toContainText('この世帯の会議はまだありません。');
    await section.getByRole('button', { name: '会議を準備' }).click();
    const form = page.getByRole('form', { name: '会議の準備' });
    await expect(form).toContainText('R8-002');
    await expect(form.getByLabel('日付')).toBeFocused();
    await form.getByLabel('日付').fill('令和10年7月5日');
    await expect(form.getByRole('radio', { name: '支援会議', exact: true })).toBeChecked();
    await form.getByRole('button', { name: '出席者を追加' }).click();
    await form.getByLabel('出席者 1 の機関').selectOption({ label: '社会福祉協議会' });
    // No 範囲 applies to a 支援会議 (社会福祉法106条の6): no reason is asked.
    await expect(form.getByTestId('scope-reason')).toHaveCount(0);
    await form.getByRole('button', { name: '登録' }).click();

    const banner = await page.evaluate(async () => {
      const r = await window.kasane['legal.unconsentedBanner']({});
      if (!r.ok) throw new Error(r.message);
      return r.value.text;
    });
    await expect(page.getByText('会議を登録しました。')).toBeVisible();
    await expect(page.getByTestId('unconsented-banner')).toContainText(banner);
    await screenshot(page, 'meeting-detail-unconsented');
    await page.getByRole('tab', { name: '様式' }).click();
    await expect(page.getByTestId('unconsented-banner')).toContainText(banner);

    await page.getByRole('button', { name: /様式3/ }).click();
    const gate = page.getByRole('dialog', { name: '様式3 世帯支援プラン検討シート' });
    await expect(gate.getByRole('radio', { name: '記号（A氏、B氏…）' })).toBeChecked();
    await gate.getByRole('radio', { name: '実名' }).check();
    await gate.getByRole('button', { name: 'プレビュー' }).click();
    await expect(gate.getByText('実名を載せる理由を入力してください')).toBeVisible();
    await gate.getByRole('radio', { name: '記号（A氏、B氏…）' }).check();
    await expect(gate.getByLabel(/実名を載せる理由/)).toHaveCount(0);

    await gate.getByLabel('部数', { exact: true }).fill('3');
    await expect(gate.getByText('3部それぞれの右上に配布番号（1〜3）を印字し')).toBeVisible();
    await gate.getByRole('button', { name: 'プレビュー' }).click();
    const preview = gate.getByTestId('docx-preview');
    await expect(preview.getByText('A氏世帯支援プラン検討シート')).toBeVisible();
    await expect(preview.getByText('B氏（長男）', { exact: true })).toBeVisible();
    await expect(preview.getByText('𠮷田 ハナ')).toHaveCount(0);
    await expect(gate.getByText('資料回収チェック表_R8-002-1.docx')).toBeVisible();
    await expect(gate.getByRole('listitem').filter({ hasText: /_配布0\d\.docx$/ })).toHaveCount(3);
    await screenshot(page, 'gate-preview-unconsented');

    // Esc cancels the gate; nothing was issued.
    await page.keyboard.press('Escape');
    await expect(gate).toBeHidden();
    const issued = await page.evaluate(async () => {
      const r = await window.kasane['audit.list']({ kind: 'document.issued' });
      if (!r.ok) throw new Error(r.message);
      return r.value.events.length;
    });
    expect(issued).toBe(0);
    expect(violations).toEqual([]);
  });

  test('記録が矛盾しない会議（issue 9）: 日付を動かしても種別は黙って変わらず範囲外の理由は残り、確定は理由付きで取り消し、中止と削除ができる', async ({
    page,
    harness,
  }) => {
    await openSignedIn(page, harness);
    const office = await setUpOffice(page);
    await page.evaluate(
      async ({ householdId, unconsented, elderly, council }) => {
        const base = {
          startTime: '10:00',
          endTime: '11:00',
          place: '市役所 3階 第1会議室',
          agenda: ['開会'],
          handouts: [],
          noticeNumber: null,
          replyBy: '',
        };
        for (const meeting of [
          {
            ...base,
            householdId,
            kind: 'consented' as const,
            meetingNo: 'R8-001-5',
            heldOn: '令和7年6月2日',
            issuedOn: '令和7年5月20日',
            attendees: [
              { agencyId: elderly, title: '', personName: '佐藤 花子', scopeReason: '' },
              { agencyId: council, title: '', personName: '﨑山 次郎', scopeReason: '見守り訪問を担うため' },
            ],
          },
          {
            ...base,
            householdId: unconsented,
            kind: 'unconsented' as const,
            meetingNo: 'R8-002-9',
            heldOn: '令和10年7月3日',
            issuedOn: '令和10年6月20日',
            attendees: [],
          },
        ]) {
          const r = await window.kasane['meetings.create'](meeting);
          if (!r.ok) throw new Error(r.message);
        }
      },
      {
        householdId: office.consented,
        unconsented: office.unconsented,
        elderly: office.elderly,
        council: office.council,
      },
    );
    await openMenu(page, '会議');
    await page.getByRole('button', { name: '令和7年6月2日（月）' }).click();
    await page.getByRole('button', { name: '内容を変更' }).click();
    const form = page.getByRole('form', { name: '会議の準備' });

    // 発信日 after the 開催日: refused next to the field, naming both dates.
    await form.getByLabel('発信日').fill('令和7年6月10日');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(
      form.getByText(
        '発信日（令和7年6月10日）が開催日（令和7年6月2日）より後です。通知は開催日までに出す日付にしてください。',
      ),
    ).toBeVisible();
    await expect(form.getByLabel('発信日')).toHaveAttribute('aria-invalid', 'true');

    // A date before the consent: the kind is not switched behind the coordinator's back.
    await form.getByLabel('日付').fill('令和6年3月1日');
    await form.getByLabel('発信日').fill('令和6年2月20日');
    const refusal =
      'この日付では重層的支援会議を開けません。種別を「支援会議」に変えるか、日付を戻してください。';
    await expect(form.getByText(refusal)).toBeVisible();
    await expect(form.getByRole('radio', { name: '重層的支援会議', exact: true })).toBeChecked();
    await screenshot(page, 'meeting-edit-kind-refused');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText(refusal).first()).toBeVisible();
    await form.getByRole('radio', { name: '支援会議', exact: true }).check();
    await form.getByRole('button', { name: '保存' }).click();
    for (const line of [
      '会議の内容を保存しました。',
      '開催日を令和7年6月2日から令和6年3月1日に変えました。',
      '種別を「重層的支援会議」から「支援会議」に変えました。',
      '社会福祉協議会：支援会議には同意の範囲がないため範囲外の理由は使いませんが、記録は残してあります。',
    ])
      await expect(page.getByText(line, { exact: true })).toBeVisible();
    await screenshot(page, 'meeting-edit-changes');

    // Back to the 重層的支援会議: the recorded reason is there without retyping.
    await page.getByRole('button', { name: '内容を変更' }).click();
    await form.getByLabel('日付').fill('令和7年6月2日');
    await form.getByLabel('発信日').fill('令和7年5月20日');
    await form.getByRole('radio', { name: '重層的支援会議', exact: true }).check();
    await expect(form.getByLabel(/出席させる理由/)).toHaveValue('見守り訪問を担うため');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('種別を「支援会議」から「重層的支援会議」に変えました。')).toBeVisible();
    await page.getByRole('tab', { name: /出席者/ }).click();
    await expect(page.getByRole('tabpanel')).toContainText('理由：見守り訪問を担うため');

    // 確定 makes the plan read-only until 「確定を取り消す」 with a reason.
    await page.getByRole('tab', { name: /支援プラン/ }).click();
    const plan = page.getByRole('form', { name: '世帯支援プラン' });
    const goal = plan.getByLabel('A氏 𠮷田 ハナ（本人） の目標');
    await goal.fill('住み慣れた自宅で暮らす');
    await plan.getByRole('button', { name: '確定', exact: true }).click();
    await expect(page.getByText('支援プランを確定しました。')).toBeVisible();
    await expect(goal).not.toBeEditable();
    await expect(plan.getByRole('button', { name: '保存', exact: true })).toHaveCount(0);
    await plan.getByRole('button', { name: '確定を取り消す' }).click();
    const undo = page.getByRole('dialog', { name: '支援プランの確定の取消' });
    await undo.getByRole('button', { name: '確定を取り消す' }).click();
    await expect(undo.getByText('確定を取り消す理由を入力してください（記録に残ります）')).toBeVisible();
    await undo.getByLabel('確定を取り消す理由').fill('役割分担に誤記があったため');
    await screenshot(page, 'plan-unfinalize');
    await undo.getByRole('button', { name: '確定を取り消す' }).click();
    await expect(undo).toBeHidden();
    await expect(page.getByText('確定を取り消しました。支援プランを変更できます。')).toBeVisible();
    await expect(goal).toBeEditable();
    await expect(plan.getByTestId('plan-status')).toHaveText('作成中');
    await plan.getByText('確定の取消の履歴（1件）').click();
    await expect(plan.getByText('理由：役割分担に誤記があったため')).toBeVisible();

    // 中止 with a reason: the meeting stays, marked, and is no longer changed.
    await page.getByRole('button', { name: '中止にする' }).click();
    const cancel = page.getByRole('dialog', { name: '会議の中止' });
    await cancel.getByLabel('中止の理由').fill('本人が入院したため');
    await cancel.getByRole('button', { name: '中止にする' }).click();
    await expect(cancel).toBeHidden();
    await expect(page.getByText('この会議は中止しました')).toBeVisible();
    await expect(page.getByText('理由：本人が入院したため')).toBeVisible();
    await expect(page.getByRole('button', { name: '内容を変更' })).toHaveCount(0);
    await screenshot(page, 'meeting-cancelled');
    await page.getByRole('button', { name: '会議一覧' }).click();
    const past = page.getByRole('table', { name: '開催済みの会議' }).getByTestId('meeting-row');
    await expect(past.filter({ hasText: '令和7年6月2日' })).toContainText('中止');

    // A meeting with nothing issued can be deleted, after confirmation.
    await page.getByRole('button', { name: '令和10年7月3日（月）' }).click();
    await page.getByRole('button', { name: '削除' }).click();
    const confirm = page.getByRole('dialog', { name: '会議の削除' });
    await expect(confirm.getByRole('button', { name: '削除しない' })).toBeFocused();
    await confirm.getByRole('button', { name: '削除する' }).click();
    await expect(page.getByText('会議（会議番号 R8-002-9）を削除しました。')).toBeVisible();
    await expect(page.getByRole('button', { name: '令和10年7月3日（月）' })).toHaveCount(0);
    await screenshot(page, 'meeting-deleted');
  });
});
