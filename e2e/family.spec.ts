import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/harness.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

/**
 * The 家族構成図 (issue 12) through the real 世帯員 screen: 同居・死亡 set on a member, a relation
 * chosen from the members, the drawing redrawn at once, and the 別添資料 issued through the gate.
 */

async function setUpFamily(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const must = async <T>(
      result: Promise<{ ok: true; value: T } | { ok: false; message: string; code: string }>,
    ): Promise<T> => {
      const r = await result;
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      return r.value;
    };
    const k = window.kasane;
    const { id: householdId } = await must(
      k['households.create']({
        caseNo: 'R8-120',
        receivedOn: '令和8年4月1日',
        label: '髙橋世帯',
        referralAgencyId: null,
        issues: [],
        note: '',
      }),
    );
    const member = (name: string, relationship: string, sex: 'male' | 'female', birthDate: string) => ({
      name,
      kana: '',
      relationship,
      birthDate,
      sex,
      isPrincipal: relationship === '本人',
    });
    await must(
      k['households.saveMembers']({
        householdId,
        members: [
          member('髙橋 𠮷男', '本人', 'male', '昭和55年5月1日'),
          member('髙橋 花子', '妻', 'female', '昭和58年2月11日'),
          member('髙橋 結', '長女', 'female', '平成25年9月9日'),
          member('髙橋 茂', '父', 'male', '昭和20年1月1日'),
        ],
      }),
    );
  });
}

/** The drawing's own SVG text, read back from the image the screen shows. */
async function drawing(image: Locator): Promise<string> {
  const src = (await image.getAttribute('src')) ?? '';
  return decodeURIComponent(src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
}

const people = (svg: string) =>
  [...svg.matchAll(/class="person"[^>]*data-member="([A-Z])"/g)].map((m) => m[1]);

test('世帯員の画面で死亡と関係を選ぶと家族構成図がその場で描き直され、別添資料として159条の確認を通して出せる', async ({
  page,
  harness,
}) => {
  test.setTimeout(180_000);
  await openSignedIn(page, harness);
  await setUpFamily(page);
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '世帯', exact: true })
    .click();
  await page.getByRole('button', { name: '髙橋世帯' }).click();
  await page
    .getByRole('region', { name: /^世帯員/ })
    .getByRole('button', { name: '編集' })
    .click();
  const section = page.getByRole('region', { name: '家族構成図・エコマップ' });
  const genogram = section.getByTestId('genogram');
  await expect(genogram).toBeVisible();
  expect(people(await drawing(genogram))).toEqual(['A', 'B', 'C', 'D']);
  expect(await drawing(genogram)).not.toContain('class="deceased');

  // The father died and lives elsewhere: ticking 死亡 takes him out of the household by itself.
  await page.getByLabel('Dの死亡').check();
  await expect(page.getByLabel('Dの同居')).not.toBeChecked();
  await page.getByLabel('Dの亡くなった日か年（令和2年5月1日、令和2年）').fill('令和2年');
  await page
    .getByLabel('訂正の理由（登録済みの世帯員を変えたとき）')
    .fill('父は別居で、令和2年に亡くなっていた');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('世帯員を保存しました。')).toBeVisible();
  await page
    .getByRole('region', { name: /^世帯員/ })
    .getByRole('button', { name: '編集' })
    .click();
  const before = await drawing(genogram);
  expect(before).toMatch(/data-members="A B C"/);

  // A relation chosen from the members, with the keyboard: the drawing gains the line at once.
  await section.getByLabel('関係', { exact: true }).selectOption({ label: '夫婦' });
  await section.getByLabel('ひとり目').selectOption({ label: 'A 髙橋 𠮷男（本人）' });
  await section.getByLabel('ふたり目').selectOption({ label: 'B 髙橋 花子（妻）' });
  await section.getByLabel('年（任意）').fill('平成24年');
  await section.getByRole('button', { name: '追加' }).focus();
  await page.keyboard.press('Enter');
  await expect(section.getByTestId('relation-row')).toHaveCount(1);
  await expect(section.getByTestId('relation-row')).toContainText(
    'A 髙橋 𠮷男（本人） と B 髙橋 花子（妻） は 夫婦（平成24年）',
  );
  await expect.poll(async () => (await drawing(genogram)) !== before).toBe(true);
  expect(await drawing(genogram)).toContain('平成24年');

  await section.getByLabel('関係', { exact: true }).selectOption({ label: '親子（親 → 子）' });
  await section.getByLabel('親', { exact: true }).selectOption({ label: 'D 髙橋 茂（父）' });
  await section.getByLabel('子', { exact: true }).selectOption({ label: 'A 髙橋 𠮷男（本人）' });
  await section.getByRole('button', { name: '追加' }).click();
  await expect(section.getByTestId('relation-row')).toHaveCount(2);

  // A person cannot be their own parent: refused on the screen, nothing saved.
  await section.getByLabel('親', { exact: true }).selectOption({ label: 'C 髙橋 結（長女）' });
  await section.getByLabel('子', { exact: true }).selectOption({ label: 'C 髙橋 結（長女）' });
  await section.getByRole('button', { name: '追加' }).click();
  await expect(section.getByRole('alert')).toHaveText('同じ人どうしの関係は登録できません。');
  await expect(section.getByTestId('relation-row')).toHaveCount(2);
  await screenshot(page, 'family-members-genogram');

  // Issued from the household through the gate: a purpose, the warning, then saved.
  await section.getByRole('button', { name: '別添資料として出す…' }).click();
  const gate = page.getByRole('dialog', { name: /別添資料 家族構成図・エコマップ/ });
  await expect(gate.getByText('部数: 1部。')).toBeVisible();
  await gate.getByRole('button', { name: 'プレビュー' }).click();
  await gate.getByRole('button', { name: '確認へ進む' }).click();
  await gate.getByLabel('使用目的', { exact: true }).selectOption('会議資料として配布');
  await gate.getByLabel('上記の守秘義務を理解し、目的の範囲でのみ使用します').check();
  await gate.getByRole('button', { name: '保存', exact: true }).click();
  await expect(gate.getByText(/保存しました/)).toBeVisible();
  await gate.getByRole('button', { name: '閉じる' }).click();

  const issued = await page.evaluate(async () => {
    const r = await window.kasane['audit.list']({ kind: 'document.issued' });
    if (!r.ok) throw new Error(r.message);
    return r.value.events.map((e) => [e.targetType, e.detail.document]);
  });
  expect(issued).toEqual([['household', 'genogram']]);
});

test('世帯員の編集は 1280×800 と 1366×768 の画面で横にスクロールせずに収まる', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await openSignedIn(page, harness);
  await setUpFamily(page);
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '世帯', exact: true })
    .click();
  await page.getByRole('button', { name: '髙橋世帯' }).click();
  await page
    .getByRole('region', { name: /^世帯員/ })
    .getByRole('button', { name: '編集' })
    .click();
  // The widest a row gets: a member ticked 死亡, with the date field under the box.
  await page.getByLabel('Dの死亡').check();
  const editor = page.getByRole('table').filter({ has: page.getByLabel('Aの氏名') });
  for (const [width, height] of [
    [1280, 800],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(page.getByRole('button', { name: 'Dを下へ移動' })).toBeVisible();
    const overflow = await editor.evaluate((table) => {
      const wrap = table.parentElement as HTMLElement;
      return {
        table: wrap.scrollWidth - wrap.clientWidth,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    await screenshot(page, `family-members-editor-${width}`);
    expect(overflow, `${width}×${height}`).toEqual({ table: 0, page: 0 });
  }
});
