import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceCtx } from '../testing/service-context.js';
import { signedInVault } from '../testing/signed-in-vault.js';
import { dumpDatabase, fileOf, importCounts, xlsxBytes } from './fixtures.js';
import { previewImport, runImport } from './index.js';
import { checkWorkbookBounds, importLimits } from './limits.js';
import { readImportFiles } from './read-files.js';

const now = new Date('2026-11-22T01:00:00Z');
let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault(() => now);
});
afterEach(async () => vault.close());
const sqlite = () => vault.session.signedIn().store.sqlite;

const header = '受付番号,受付日,世帯表示名,本人同意';
const csvLines = (rows: number) =>
  [header, ...Array.from({ length: rows - 1 }, (_, i) => `R8-${i + 1},2026/4/1,世帯${i + 1},なし`)].join(
    '\r\n',
  );

/** A workbook made by hand, so a test can give it any number of rows, entries or a false size. */
async function workbook(sheetXml: string | Buffer, extraEntries = 0): Promise<Buffer> {
  const zip = new JSZip();
  const flat = { createFolders: false };
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    flat,
  );
  zip.file(
    'xl/workbook.xml',
    '<workbook><sheets><sheet name="世帯" sheetId="1" r:id="rId1"/></sheets></workbook>',
    flat,
  );
  zip.file('xl/worksheets/sheet1.xml', sheetXml, flat);
  for (let i = 0; i < extraEntries; i++) zip.file(`xl/media/image${i}.png`, 'x', flat);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
const sheetOf = (rows: number, cellsPerRow = 1) =>
  `<worksheet><sheetData>${'<row r="1">'.concat('<c t="inlineStr"><is><t>x</t></is></c>'.repeat(cellsPerRow), '</row>').repeat(rows)}</sheetData></worksheet>`;

/** Rewrites the central directory's stated size of one entry: a zip bomb that lies about itself. */
function understate(bytes: Buffer, entryName: string, size: number): Buffer {
  const out = Buffer.from(bytes);
  for (let at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; ) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('utf8', at + 46, at + 46 + nameLength) === entryName) out.writeUInt32LE(size, at + 24);
    at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 46);
  }
  return out;
}

describe('取り込みの上限: 大きすぎるファイルはすぐに、ファイル名を添えて断り、何も書かない', () => {
  it(`${importLimits.fileBytes / 1024 / 1024}MB を超える CSV は読む前に断る`, async () => {
    const before = dumpDatabase(sqlite());
    const big = Buffer.alloc(importLimits.fileBytes + 1, 0x61);
    const report = await runImport(serviceCtx(vault.db, vault.userId, now), {
      files: [fileOf('世帯.csv', big)],
    });
    expect(report).toEqual({
      ok: false,
      counts: importCounts(),
      errors: [
        'ファイル「世帯.csv」: ファイルが大きすぎます（20MB。取り込めるのは1ファイル20MBまでです）。シートを分けて取り込んでください',
      ],
    });
    expect(dumpDatabase(sqlite())).toEqual(before);
  });

  it('1シート50,000行までの CSV は読み、50,001行は構文解析の途中で止めて断る（何も書かない）', async () => {
    const atBound = await readImportFiles([fileOf('世帯.csv', Buffer.from(csvLines(50_000)))]);
    expect({ refused: atBound.refused, rows: atBound.sheets[0]?.rows.length }).toEqual({
      refused: false,
      rows: 50_000,
    });
    const before = dumpDatabase(sqlite());
    const over = await runImport(serviceCtx(vault.db, vault.userId, now), {
      files: [fileOf('世帯.csv', Buffer.from(csvLines(50_001)))],
    });
    expect(over.errors).toEqual([
      'ファイル「世帯.csv」: 行が多すぎます（1シート50,000行まで）。ファイルを分けて取り込んでください',
    ]);
    expect(dumpDatabase(sqlite())).toEqual(before);
  });

  it('xlsx は読み込む前に、シートの行数（50,000まで）を数えて断る', async () => {
    expect(checkWorkbookBounds('台帳.xlsx', await workbook(sheetOf(50_000)))).toBeNull();
    const over = await workbook(sheetOf(50_001));
    expect(checkWorkbookBounds('台帳.xlsx', over)).toBe(
      'ファイル「台帳.xlsx」: 行が多すぎます（1シート50,000行まで）。ファイルを分けて取り込んでください',
    );
    const report = await previewImport(serviceCtx(vault.db, vault.userId, now), {
      files: [fileOf('台帳.xlsx', over)],
    });
    expect({ ok: report.ok, errors: report.errors.length }).toEqual({ ok: false, errors: 1 });
  });

  it(`xlsx のセルは1ブック${importLimits.xlsxCells.toLocaleString()}まで（読み込みがメモリを使い切らないように）`, async () => {
    const rows = importLimits.xlsxCells / 10;
    expect(checkWorkbookBounds('台帳.xlsx', await workbook(sheetOf(rows, 10)))).toBeNull();
    expect(checkWorkbookBounds('台帳.xlsx', await workbook(sheetOf(rows + 1, 10)))).toBe(
      'ファイル「台帳.xlsx」: セルが多すぎます（1ブック200,000セルまで）。ブックを分けて取り込んでください',
    );
  });

  it('zip 爆弾: 展開後の大きさの合計が上限を超える xlsx は、展開する前に断る', async () => {
    // 101 MB of spaces compresses to about 100 KB.
    const bomb = await workbook(Buffer.alloc(101 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refusal =
      'ファイル「爆弾.xlsx」: 展開すると大きすぎるため読み込みません（中身が100MBを超えるか、ファイルの数が1,000を超えています）';
    expect(checkWorkbookBounds('爆弾.xlsx', bomb)).toBe(refusal);
    const report = await runImport(serviceCtx(vault.db, vault.userId, now), {
      files: [fileOf('爆弾.xlsx', bomb)],
    });
    expect(report.errors).toEqual([refusal]);
  });

  it('大きさを偽る zip 爆弾は、申告した大きさで展開を止めて「壊れています」と断る', async () => {
    const bomb = understate(
      await workbook(Buffer.alloc(20 * 1024 * 1024, 0x20)),
      'xl/worksheets/sheet1.xml',
      1000,
    );
    expect(checkWorkbookBounds('偽装.xlsx', bomb)).toBe(
      'ファイル「偽装.xlsx」: Excel ブック（.xlsx）の中身が壊れています（xl/worksheets/sheet1.xml）。Excel で開いて保存し直してください',
    );
  });

  it('中のファイルが1,000を超える xlsx は断る', async () => {
    expect(checkWorkbookBounds('台帳.xlsx', await workbook(sheetOf(1), 997))).toBeNull();
    expect(checkWorkbookBounds('台帳.xlsx', await workbook(sheetOf(1), 998))).toMatch(/展開すると大きすぎる/);
  });

  it('ふつうの台帳（Excel の形の xlsx）はこの検査を通る', async () => {
    const bytes = await xlsxBytes({
      世帯: { rows: [{ 受付番号: 'R8-1', 受付日: '2026/4/1', 世帯表示名: 'A', 本人同意: 'なし' }] },
    });
    expect(checkWorkbookBounds('台帳.xlsx', bytes)).toBeNull();
  });
});

describe('文字コードは厳密に: UTF-8 の印（BOM）の後に UTF-8 でないバイトがあれば、ファイル名を添えた誤り', () => {
  it('BOM 付きで中身が Shift_JIS の CSV は、文字化けしたまま取り込まない', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(csvLines(3), 'cp932')]);
    const before = dumpDatabase(sqlite());
    const report = await runImport(serviceCtx(vault.db, vault.userId, now), {
      files: [fileOf('世帯.csv', bytes)],
    });
    expect(report.ok).toBe(false);
    expect(report.errors).toContain(
      'ファイル「世帯.csv」: 先頭に UTF-8 の印（BOM）がありますが、UTF-8 として読めない文字があります（Shift_JIS など別の文字コードが混ざっています）。Excel で「CSV UTF-8」として保存し直してください',
    );
    expect(dumpDatabase(sqlite())).toEqual(before);
  });

  it('BOM 付きの正しい UTF-8 と、BOM なしの Shift_JIS はこれまでどおり読める', async () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvLines(3))]);
    const sjis = iconv.encode(csvLines(3), 'cp932');
    for (const bytes of [utf8, sjis]) {
      const read = await readImportFiles([fileOf('世帯.csv', bytes)]);
      expect(read.errors).toEqual([]);
      expect(read.sheets[0]?.rows[1]?.cells[2]).toBe('世帯1');
    }
  });
});
