import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

/**
 * Rule 8 through the real screens: numbered copies issued through the 159条 gate are listed on the
 * meeting, and marking one 回収 takes it off the outstanding list (and is audited).
 */

/** A 支援会議 next year for a household of two, attended by three agencies of the default list. */
async function setUpMeeting(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const must = async <T>(
      result: Promise<{ ok: true; value: T } | { ok: false; message: string; code: string }>,
    ): Promise<T> => {
      const r = await result;
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      return r.value;
    };
    const k = window.kasane;
    const agencies = await must(k['agencies.list']({}));
    const id = (name: string) => agencies.find((a) => a.name === name)?.id ?? '';
    const { id: householdId } = await must(
      k['households.create']({
        caseNo: 'R8-050',
        receivedOn: '令和7年4月1日',
        label: '𠮷田世帯',
        referralAgencyId: null,
        issues: [],
        note: '',
      }),
    );
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
        ],
      }),
    );
    await must(
      k['meetings.create']({
        householdId,
        kind: 'unconsented',
        meetingNo: 'R8-050-1',
        heldOn: '令和10年6月14日',
        startTime: '14:00',
        endTime: '15:00',
        place: '第2会議室',
        agenda: [],
        handouts: [],
        attendees: ['地域包括支援センター', '障がい者基幹相談支援センター', '社会福祉協議会'].map(
          (name, i) => ({
            agencyId: id(name),
            title: '相談員',
            personName: `担当 ${i + 1}`,
            scopeReason: '',
          }),
        ),
        noticeNumber: null,
        issuedOn: '令和10年6月1日',
        replyBy: '',
      }),
    );
  });
}

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
