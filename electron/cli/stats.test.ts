import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxBytes } from '../services/import/fixtures.js';
import { tempDataDir } from '../services/testing/temp-data-dir.js';
import { initDataDir, kasane } from './testing/cli-run.js';

let root: string;
let cleanup: () => Promise<void>;
let vault: string;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDataDir());
  vault = join(root, 'vault');
  await initDataDir(vault);
  // Twelve consented households in 令和5年度 (8050 for all), three unconsented in 令和6年度.
  const rows = [
    ...Array.from({ length: 12 }, (_, i) => ({
      受付番号: `A-${i}`,
      受付日: `2023-0${4 + (i % 5)}-10`,
      世帯表示名: `世帯${i}`,
      本人同意: 'あり',
      同意取得日: '2023-09-01',
      課題: '8050',
    })),
    ...Array.from({ length: 3 }, (_, i) => ({
      受付番号: `B-${i}`,
      受付日: '2024-04-01',
      世帯表示名: `別${i}`,
      本人同意: 'なし',
      課題: 'ダブルケア',
    })),
  ];
  const ledger = join(root, 'ledger.xlsx');
  await writeFile(ledger, await xlsxBytes({ 世帯: { rows } }));
  expect(kasane(['import', '--data-dir', vault, ledger]).code).toBe(0);
}, 120_000);
afterAll(async () => cleanup());

describe('stats コマンド（匿名統計の書き出し）', () => {
  it('JSON は決められた形で、年度は始まる年の西暦、秘匿した値は「＊」', async () => {
    const out = join(root, 'stats.json');
    const result = kasane([
      'stats',
      '--data-dir',
      vault,
      '--fy',
      '2023,2024',
      '--format',
      'json',
      '--out',
      out,
      '--purpose',
      '年次報告',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(Object.keys(json).sort()).toEqual(['breakdowns', 'fiscalYears', 'main', 'threshold']);
    expect(json.fiscalYears).toEqual([2023, 2024]);
    expect(json.threshold).toBe(10);
    expect(json.main[0]).toEqual({
      item: '複合的課題を抱える相談者（件数）',
      values: { '2023': 12, '2024': 3 },
    });
    const issue = (label: string) => json.breakdowns.課題.find((r: { label: string }) => r.label === label);
    expect(issue('8050')).toEqual({ label: '8050', values: { '2023': 12, '2024': 0 } });
    // Unconsented households never reach the breakdowns (rule 13).
    expect(issue('ダブルケア')).toBeUndefined();
    const months = json.breakdowns.受付月 as { label: string; values: Record<string, number | string> }[];
    expect(months.find((r) => r.label === '4月')?.values['2023']).toBe('＊');
  });

  it('CSV と Excel も書き出せ、目的は監査のため必須、基準は3未満にできない', async () => {
    const csv = join(root, 'stats.csv');
    expect(
      kasane([
        'stats',
        '--data-dir',
        vault,
        '--fy',
        '2023',
        '--format',
        'csv',
        '--out',
        csv,
        '--purpose',
        '報告',
      ]).code,
    ).toBe(0);
    expect([...(await readFile(csv)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = join(root, 'stats.xlsx');
    expect(
      kasane([
        'stats',
        '--data-dir',
        vault,
        '--fy',
        '2023',
        '--format',
        'xlsx',
        '--out',
        xlsx,
        '--purpose',
        '報告',
        '--threshold',
        '3',
      ]).code,
    ).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets.length).toBe(6);

    const noPurpose = join(root, 'no-purpose.json');
    const refused = kasane([
      'stats',
      '--data-dir',
      vault,
      '--fy',
      '2023',
      '--format',
      'json',
      '--out',
      noPurpose,
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--purpose');
    const low = kasane([
      'stats',
      '--data-dir',
      vault,
      '--fy',
      '2023',
      '--format',
      'json',
      '--out',
      noPurpose,
      '--purpose',
      'x',
      '--threshold',
      '2',
    ]);
    expect(low.code).toBe(2);
    expect(low.stderr).toContain('3以上');
    await expect(access(noPurpose)).rejects.toThrow();
  });
});
