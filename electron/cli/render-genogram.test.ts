import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../services/audit.js';
import { type SheetData, xlsxBytes } from '../services/import/fixtures.js';
import { byClass, readSvg } from '../services/testing/svg-reader.js';
import { tempDataDir } from '../services/testing/temp-data-dir.js';
import { copyOfDataDir, initDataDir, issuedColumns, kasane, withStore } from './testing/cli-run.js';

let root: string;
let cleanup: () => Promise<void>;
let imported: string;

const issuesIn = (dir: string) =>
  withStore(dir, async (store) => ({
    rows: await store.db
      .selectFrom('document_issues as d')
      .innerJoin('households as h', 'h.id', 'd.household_id')
      .select(['h.case_no', ...issuedColumns])
      .orderBy('d.created_at')
      .execute(),
    events: await listAuditEvents(store.db, { kind: 'document.issued', limit: 100 }),
  }));

/** Every part of a .docx as text (images too, as bytes read as text: a name must not hide there either). */
async function docxText(file: string): Promise<string> {
  const dir = `${file}.parts`;
  const unzipped = spawnSync('unzip', ['-o', '-q', file, '-d', dir], { encoding: 'utf8' });
  expect(unzipped.status, unzipped.stderr).toBe(0);
  const texts: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      texts.push(
        (await readFile(join(entry.parentPath, entry.name), 'utf8')).replace(
          /&#(x?)([0-9a-f]+);/gi,
          (_, hex: string, digits: string) => String.fromCodePoint(Number.parseInt(digits, hex ? 16 : 10)),
        ),
      );
  return texts.join('\n');
}

const names = {
  'R8-001': ['髙橋 𠮷男', '髙橋 花', '佐藤 薫', '髙橋 結', '髙橋 茂'],
  'R8-002': ['山﨑 一', '山﨑 二'],
};
const pieces = (caseNo: keyof typeof names) => names[caseNo].flatMap((n) => [n, ...n.split(' ')]);

const workbook: Record<string, SheetData> = {
  世帯: {
    rows: [
      {
        受付番号: 'R8-001',
        受付日: '2026/4/10',
        世帯表示名: 'A氏世帯',
        本人同意: 'あり',
        同意取得日: '2026/5/1',
      },
      { 受付番号: 'R8-002', 受付日: '2026/4/20', 世帯表示名: 'B氏世帯', 本人同意: 'なし' },
    ],
  },
  世帯員: {
    rows: [
      { 受付番号: 'R8-001', 記号: 'A', 氏名: '髙橋 𠮷男', 続柄: '本人', 性別: '男', 本人: '○', 同居: '○' },
      { 受付番号: 'R8-001', 記号: 'B', 氏名: '髙橋 花', 続柄: '妻', 性別: '女', 同居: '○' },
      { 受付番号: 'R8-001', 記号: 'C', 氏名: '佐藤 薫', 続柄: '前妻', 性別: '女' },
      { 受付番号: 'R8-001', 記号: 'E', 氏名: '髙橋 結', 続柄: '長女', 性別: '女', 同居: '○' },
      { 受付番号: 'R8-001', 記号: 'F', 氏名: '髙橋 茂', 続柄: '父', 性別: '男', 死亡: '令和2年' },
      { 受付番号: 'R8-002', 記号: 'A', 氏名: '山﨑 一', 続柄: '本人', 性別: '男', 本人: '○', 同居: '○' },
      { 受付番号: 'R8-002', 記号: 'B', 氏名: '山﨑 二', 続柄: '弟', 性別: '男' },
    ],
  },
  家族関係: {
    rows: [
      { 受付番号: 'R8-001', 記号: 'F', 相手の記号: 'A', 関係: '親子' },
      { 受付番号: 'R8-001', 記号: 'A', 相手の記号: 'C', 関係: '離婚', 年: 2008 },
      { 受付番号: 'R8-001', 記号: 'A', 相手の記号: 'B', 関係: '夫婦', 年: 2012 },
      { 受付番号: 'R8-001', 記号: 'A', 相手の記号: 'E', 関係: '親子' },
      { 受付番号: 'R8-001', 記号: 'B', 相手の記号: 'E', 関係: '親子' },
    ],
  },
};

const copyOfImported = () => copyOfDataDir(imported, root);

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDataDir());
  imported = join(root, 'imported');
  await initDataDir(imported);
  const book = join(root, '台帳.xlsx');
  await writeFile(book, await xlsxBytes(workbook));
  const run = kasane(['import', '--data-dir', imported, book]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}, 120_000);
afterAll(async () => cleanup());

const render = (dir: string, ...args: string[]) =>
  kasane(['render', '--data-dir', dir, '--document', 'genogram', ...args]);

describe('管理コマンド render --document genogram（別添資料「家族構成図・エコマップ」）', () => {
  it('同意のある世帯の家族構成図を SVG で書き出す: 世帯員全員の記号が図にあり、実名が載り、発行記録と監査ログが残る', async () => {
    const { dir, out } = await copyOfImported();
    const file = join(out, '家族構成図.svg');
    const result = render(dir, '--case', 'R8-001', '--out', file, '--purpose', 'ケース検討の準備');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`書き出しました: ${file}`);
    const svg = await readFile(file, 'utf8');
    const people = byClass(readSvg(svg), 'person').map((g) => g.attrs['data-member']);
    expect(people.toSorted()).toEqual(['A', 'B', 'C', 'E', 'F']);
    for (const name of names['R8-001']) expect(svg).toContain(name);
    const { rows, events } = await issuesIn(dir);
    expect(rows).toEqual([
      {
        case_no: 'R8-001',
        document: 'genogram',
        copies: 1,
        purpose_note: 'ケース検討の準備',
        names: 'real',
        names_reason: null,
        action: 'cli',
      },
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ targetType: 'household' });
    expect(JSON.stringify(events[0]?.detail)).not.toContain('ケース検討の準備');
  }, 120_000);

  it('同意のない世帯は既定で記号表示: Word 文書のどの部品にも氏名がない。理由のない --names real は終了コード7で何も書かず記録もしない。理由を添えれば実名', async () => {
    const { dir, out } = await copyOfImported();
    const masked = join(out, '支援会議_家族構成図.docx');
    const first = render(dir, '--case', 'R8-002', '--out', masked, '--purpose', '支援会議の準備');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const text = await docxText(masked);
    expect(text).toContain('A氏');
    expect(text).toContain('家族構成図');
    for (const piece of pieces('R8-002')) expect(text).not.toContain(piece);

    const refused = join(out, '実名.svg');
    const noReason = render(
      dir,
      '--case',
      'R8-002',
      '--out',
      refused,
      '--purpose',
      '確認',
      '--names',
      'real',
    );
    expect(noReason.code).toBe(7);
    expect(noReason.stderr).toContain('--names-reason');
    await expect(readFile(refused)).rejects.toThrow();

    const withReason = render(
      dir,
      '--case',
      'R8-002',
      '--out',
      refused,
      '--purpose',
      '確認',
      '--names',
      'real',
      '--names-reason',
      '本人が実名での検討を希望',
    );
    expect(withReason.code).toBe(0);
    expect(await readFile(refused, 'utf8')).toContain('山﨑 一');
    const { rows } = await issuesIn(dir);
    expect(rows.map((r) => [r.case_no, r.names, r.names_reason])).toEqual([
      ['R8-002', 'masked', null],
      ['R8-002', 'real', '本人が実名での検討を希望'],
    ]);
  }, 120_000);

  it('--case がない・知らない受付番号・genogram 以外・--form との併用・目的なし・.svg の複数部は、終了コード2で何も書かない', async () => {
    const { dir, out } = await copyOfImported();
    const file = join(out, 'x.svg');
    const cases: [string[], RegExp][] = [
      [['--out', file, '--purpose', '確認'], /--case（世帯の受付番号）/],
      [['--case', 'R8-001', '--out', file], /--purpose/],
      [['--case', 'R8-001', '--out', file, '--purpose', '確認', '--form', '2'], /--form は様式のときだけ/],
      [['--case', 'R8-001', '--out', file, '--purpose', '確認', '--copies', '3'], /Word 文書で書き出します/],
      [['--case', 'R8-001', '--out', join(out, 'x.pdf'), '--purpose', '確認'], /\.docx か \.svg/],
    ];
    for (const [args, message] of cases) {
      const result = render(dir, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    const other = kasane([
      'render',
      '--data-dir',
      dir,
      '--document',
      'ecomap',
      '--case',
      'R8-001',
      '--out',
      file,
    ]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('genogram');
    // A household or meeting that does not exist is "not found" (13), as everywhere in the CLI.
    const unknownCase = render(dir, '--case', 'R8-999', '--out', file, '--purpose', '確認');
    expect(unknownCase.code).toBe(13);
    expect(unknownCase.stderr).toMatch(/受付番号「R8-999」の世帯はありません/);
    const unknownMeeting = render(
      dir,
      '--case',
      'R8-001',
      '--meeting',
      'M-999',
      '--out',
      file,
      '--purpose',
      '確認',
    );
    expect(unknownMeeting.code).toBe(13);
    expect(unknownMeeting.stderr).toMatch(/会議番号「M-999」の会議はありません/);
    const noMeeting = kasane([
      'render',
      '--data-dir',
      dir,
      '--case',
      'R8-001',
      '--out',
      file,
      '--purpose',
      '確認',
    ]);
    expect(noMeeting.code).toBe(2);
    expect(await readdir(out)).toEqual([]);
    expect((await issuesIn(dir)).rows).toEqual([]);
  }, 120_000);
});
