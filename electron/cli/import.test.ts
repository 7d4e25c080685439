import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvBytes, type SheetData, xlsxBytes } from '../services/import/fixtures.js';
import { tempDataDir } from '../services/testing/temp-data-dir.js';
import { copyOfDataDir, initDataDir, kasane } from './testing/cli-run.js';

let root: string;
let cleanup: () => Promise<void>;
let pristine: string;

/** Each scenario works on its own copy of one initialised data directory. */
const copyOfVault = async () => (await copyOfDataDir(pristine, root)).dir;

const cases = (dir: string) => {
  const result = kasane(['cases', '--data-dir', dir, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as unknown;
};

const households: SheetData = {
  rows: [
    {
      受付番号: 'R8-001',
      受付日: '令和8年4月1日',
      世帯表示名: '𠮷田',
      本人同意: 'あり',
      同意取得日: 'R8.5.1',
      相談経路: '新しい相談窓口',
      課題: '8050、社会的孤立・ひきこもり',
    },
    {
      受付番号: 'R8-002',
      受付日: '2026/4/2',
      世帯表示名: 'B氏世帯',
      本人同意: 'なし',
      状態: '終結',
      終結日: '2026/9/30',
    },
  ],
};
const members: SheetData = {
  rows: [
    { 受付番号: 'R8-001', 記号: 'A', 氏名: '𠮷田 髙子', 本人: '○' },
    { 受付番号: 'R8-001', 記号: 'B', 氏名: '𠮷田 一郎' },
    { 受付番号: 'R8-002', 記号: 'A', 氏名: '山﨑 花' },
  ],
};
const expectedCases = [
  {
    caseNo: 'R8-002',
    label: 'B氏世帯',
    consent: 'none',
    status: 'closed',
    receivedOn: '2026-04-02',
    memberCount: 1,
    issues: [],
  },
  {
    caseNo: 'R8-001',
    label: '𠮷田',
    consent: 'granted',
    status: 'received',
    receivedOn: '2026-04-01',
    memberCount: 2,
    issues: ['8050', '社会的孤立・ひきこもり'],
  },
];

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDataDir());
  pristine = join(root, 'pristine');
  await initDataDir(pristine);
});
afterAll(async () => cleanup());

describe('管理コマンド import / cases', () => {
  it('import は件数を表示し、cases --json は決まった形の JSON 配列を返す', async () => {
    const dir = await copyOfVault();
    expect(cases(dir)).toEqual([]);
    const book = join(root, '台帳.xlsx');
    await writeFile(book, await xlsxBytes({ 世帯: households, 世帯員: members }));
    const result = kasane(['import', '--data-dir', dir, book]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('取り込みました: 世帯 2件、世帯員 3人、同意 1件、新しい機関 1件\n');
    expect(cases(dir)).toEqual(expectedCases);

    const readable = kasane(['cases', '--data-dir', dir]);
    expect(readable.code).toBe(0);
    expect(readable.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^受付番号\s+受付日\s+表示名\s+状態\s+本人同意\s+世帯員\s+課題$/),
      expect.stringMatching(/^R8-002\s+令和8年4月2日（木）\s+B氏世帯\s+終結\s+同意なし\s+1人\s*$/),
      expect.stringMatching(
        /^R8-001\s+令和8年4月1日（水）\s+𠮷田\s+受付\s+同意あり\s+2人\s+8050、社会的孤立・ひきこもり$/,
      ),
    ]);
    expect(readable.stdout).toContain('2世帯');

    // The screen's search from a script: 吉田 (as typed through an IME) finds 𠮷田's household.
    const found = kasane(['cases', '--data-dir', dir, '--search', '吉田', '--json']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)).toEqual([expectedCases[1]]);
    expect(JSON.parse(kasane(['cases', '--data-dir', dir, '--search', '山崎', '--json']).stdout)).toEqual([
      expectedCases[0],
    ]);
    const none = kasane(['cases', '--data-dir', dir, '--search', '佐藤']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('「佐藤」に当てはまる世帯はありません。\n');
    expect(JSON.parse(kasane(['cases', '--data-dir', dir, '--search', '佐藤', '--json']).stdout)).toEqual([]);
  });

  it('誤りがあると終了コード 6 ですべての誤りを表示し、何も登録しない', async () => {
    const dir = await copyOfVault();
    const good = join(root, 'good.xlsx');
    await writeFile(good, await xlsxBytes({ 世帯: households, 世帯員: members }));
    expect(kasane(['import', '--data-dir', dir, good]).code).toBe(0);

    const bad = join(root, 'bad.xlsx');
    await writeFile(
      bad,
      await xlsxBytes({
        世帯: {
          rows: [
            { 受付番号: 'R8-001', 受付日: '2026/4/1', 世帯表示名: '再取り込み', 本人同意: 'なし' },
            { 受付番号: 'R8-003', 受付日: '令和6年2月30日', 世帯表示名: '新規', 本人同意: 'なし' },
            { 受付番号: 'R8-004', 受付日: '2026/4/4', 世帯表示名: '正しい行', 本人同意: 'なし' },
          ],
        },
        世帯員: { rows: [{ 受付番号: 'R8-004', 記号: 'A', 氏名: '' }] },
      }),
    );
    const result = kasane(['import', '--data-dir', dir, bad]);
    expect(result.code).toBe(6);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        '世帯 行2 受付番号: 「R8-001」はすでに登録されています（取り込みでは上書きしません）',
        '世帯 行3 受付日: 「令和6年2月30日」は存在する日付ではありません（例: 2024/4/1、令和6年4月1日、R6.4.1）',
        '世帯員 行2 氏名: 氏名を入力してください',
        '取り込めませんでした（誤り 3件）。何も登録していません。',
        '',
      ].join('\n'),
    );
    expect(cases(dir)).toEqual(expectedCases);
  });

  it('CSV（Shift_JIS と UTF-8）の入ったフォルダを取り込める。--dry-run は確認だけで登録しない', async () => {
    const dir = await copyOfVault();
    const folder = join(root, 'csv-folder');
    await mkdir(folder);
    await writeFile(join(folder, '世帯.csv'), csvBytes('世帯', { rows: households.rows.slice(1) }, 'cp932'));
    await writeFile(
      join(folder, '世帯員.csv'),
      csvBytes('世帯員', { rows: members.rows.slice(2) }, 'utf8-bom'),
    );
    await writeFile(join(folder, '~$世帯.xlsx'), 'Excel lock file');

    const dryRun = kasane(['import', '--data-dir', dir, '--dry-run', folder]);
    expect(dryRun.stderr).toBe('');
    expect(dryRun.stdout).toBe(
      '確認しました（まだ登録していません）: 世帯 1件、世帯員 1人、同意 0件、新しい機関 0件\n',
    );
    expect(cases(dir)).toEqual([]);

    const result = kasane(['import', '--data-dir', dir, folder]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('取り込みました: 世帯 1件、世帯員 1人、同意 0件、新しい機関 0件\n');
    expect(cases(dir)).toEqual(expectedCases.slice(0, 1));
  });

  it('ファイルを指定しない・存在しないパスは使い方の誤り（終了コード 2）', async () => {
    const dir = await copyOfVault();
    expect(kasane(['import', '--data-dir', dir]).code).toBe(2);
    const missing = kasane(['import', '--data-dir', dir, join(root, 'no-such.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('見つかりません');
  });

  it('20MB を超えるファイルは読み込む前に終了コード 6 で断り、何も登録しない', async () => {
    const dir = await copyOfVault();
    const big = join(root, '大きな台帳.csv');
    // A sparse file: its size is what counts, and the command must refuse it without reading it.
    await writeFile(big, '');
    await truncate(big, 50 * 1024 * 1024);
    const result = kasane(['import', '--data-dir', dir, big]);
    expect(result.code).toBe(6);
    expect(result.stderr).toContain(
      'ファイル「大きな台帳.csv」: ファイルが大きすぎます（50MB。取り込めるのは1ファイル20MBまでです）',
    );
    expect(result.stderr).toContain('何も登録していません。');
    expect(cases(dir)).toEqual([]);
  });
});
