import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures/harness.js';
import { bridge } from './support/bridge.js';
import { screenshot } from './support/screens.js';
import { openSignedIn } from './support/vault.js';

/** Two 8050 households (one without consent, its members named) and one ダブルケア household. */
async function households(page: Page): Promise<void> {
  const add = async (caseNo: string, label: string, issue: string, name: string, consent: boolean) => {
    const { id } = await bridge<{ id: string }>(page, 'households.create', {
      caseNo,
      receivedOn: '2026-04-10',
      label,
      referralAgencyId: null,
      issues: [issue],
      note: '',
    });
    await bridge(page, 'households.saveMembers', {
      householdId: id,
      members: [
        {
          name,
          kana: 'よしだ はなこ',
          relationship: '本人',
          birthDate: '1946-05-01',
          sex: 'female',
          isPrincipal: true,
          livesInHousehold: true,
          deceased: false,
          keyPerson: false,
        },
      ],
    });
    if (consent)
      await bridge(page, 'consents.add', {
        householdId: id,
        obtainedOn: '2026-05-01',
        method: 'written',
        obtainedBy: '検証 太郎',
        allAgencies: true,
        agencyIds: [],
      });
  };
  await add('R8-001', '𠮷田', '8050', '𠮷田 花子', false);
  await add('R8-002', '佐藤', '8050', '佐藤 一郎', true);
  await add('R8-003', '鈴木', 'ダブルケア', '鈴木 次郎', true);
}

test('世帯一覧を絞り込んだまま「印刷・書き出し」からExcelで保存すると、その条件の全件が入り、同意のない世帯は記号で、監査ログに残る', async ({
  page,
  harness,
}) => {
  await openSignedIn(page, harness);
  await households(page);
  await page
    .getByRole('navigation', { name: 'メニュー' })
    .getByRole('button', { name: '世帯', exact: true })
    .click();
  await page.getByLabel('課題', { exact: true }).selectOption('8050');
  await expect(page.getByText('2件', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: '印刷・書き出し' }).click();
  const gate = page.getByRole('dialog', { name: '世帯一覧の印刷・書き出し' });
  await gate.getByLabel('Excel（表として使う・A4で印刷できる）').check();
  await expect(gate.getByLabel('記号（A氏世帯、A氏…）')).toBeChecked();
  await screenshot(page, 'list-gate-options');
  await gate.getByRole('button', { name: 'プレビュー' }).click();
  const preview = gate.getByTestId('docx-preview');
  await expect(preview.getByText('A氏世帯')).toBeVisible();
  await expect(preview.getByText('佐藤')).toBeVisible();
  await expect(preview.getByText('鈴木')).toHaveCount(0);
  await expect(gate.getByText(/^世帯一覧_\d{8}\.xlsx$/)).toBeVisible();
  await screenshot(page, 'list-gate-preview');
  await gate.getByRole('button', { name: '確認へ進む' }).click();
  await expect(gate.getByText('課題: 8050')).toBeVisible();
  await screenshot(page, 'list-gate-confirm');
  await gate.getByLabel('使用目的', { exact: true }).selectOption('上司への報告');
  await gate.getByLabel('上記の守秘義務を理解し、目的の範囲でのみ使用します').check();
  await expect(gate.getByRole('button', { name: 'Excelで開く' })).toBeEnabled();
  await gate.getByRole('button', { name: '保存', exact: true }).click();
  const saved = gate.getByText(/保存しました: 世帯一覧_\d{8}\.xlsx/);
  await expect(saved).toBeVisible();
  const fileName = ((await saved.textContent()) ?? '').replace('保存しました: ', '').trim();

  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(join(harness.downloadsDir, fileName))) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const values: string[] = [];
  sheet?.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value))));
  const all = values.join('\n');
  expect(all).toContain('R8-001');
  expect(all).toContain('R8-002');
  expect(all).not.toContain('R8-003');
  expect(all).toContain('A氏世帯');
  expect(all).not.toContain('𠮷田');
  expect(all).not.toContain('花子');

  const audit = await bridge<{ events: { kind: string; detail: Record<string, unknown> }[] }>(
    page,
    'audit.list',
    { kind: 'document.issued' },
  );
  expect(audit.events[0]?.detail).toMatchObject({
    document: 'householdList',
    format: 'xlsx',
    rows: 2,
    names: 'masked',
  });
});
