import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Sqlite } from '../../../db/open.js';
import { sheetDefs } from './columns.js';
import type { ImportFile } from './read-files.js';

/** Builders for the import tests: workbooks and CSV files made the way an office would. */

type Cell = string | number | Date | null;
export type Rows = Record<string, Cell>[];
export interface SheetData {
  /** Defaults to the sheet's required columns and those the rows use, in the template's order. */
  header?: string[];
  rows: Rows;
}

const headerOf = (name: string, data: SheetData) =>
  data.header ??
  sheetDefs
    .find((s) => s.name === name)
    ?.columns.filter((c) => c.required || data.rows.some((row) => c.name in row))
    .map((c) => c.name) ??
  [];

export async function xlsxBytes(sheets: Record<string, SheetData>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, data] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    const header = headerOf(name, data);
    sheet.addRow(header);
    for (const row of data.rows) sheet.addRow(header.map((column) => row[column] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** As Excel saves a sheet: CRLF, quoted only where needed (Excel does not neutralise formulas). */
export function csvText(name: string, data: SheetData): string {
  const header = headerOf(name, data);
  const text = (cell: Cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? ''));
  return stringify([header, ...data.rows.map((row) => header.map((column) => text(row[column] ?? null)))], {
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
}

export function csvBytes(name: string, data: SheetData, encoding: 'cp932' | 'utf8-bom' | 'utf8'): Buffer {
  const text = csvText(name, data);
  if (encoding === 'cp932') return iconv.encode(text, 'cp932');
  return Buffer.concat([Buffer.from(encoding === 'utf8-bom' ? '\ufeff' : ''), Buffer.from(text, 'utf8')]);
}

const noCounts = {
  households: 0,
  members: 0,
  relations: 0,
  consents: 0,
  agenciesAdded: 0,
  meetings: 0,
  attendees: 0,
  planRows: 0,
};

/** An import's counts: every field zero unless given. */
export const importCounts = (given: Partial<typeof noCounts> = {}) => ({ ...noCounts, ...given });

export const fileOf = (name: string, bytes: Buffer): ImportFile => ({
  name,
  base64: bytes.toString('base64'),
});

export async function xlsxFiles(sheets: Record<string, SheetData>): Promise<ImportFile[]> {
  return [fileOf('相談受付台帳.xlsx', await xlsxBytes(sheets))];
}

/** Every row of every table (FTS shadow tables included), to prove a failed import wrote nothing. */
export function dumpDatabase(sqlite: Sqlite): Record<string, unknown[]> {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .all() as {
    name: string;
  }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, sqlite.prepare(`SELECT * FROM "${name}"`).all()]),
  );
}

/**
 * A migration ledger of `n` households with four members each, in the import template's columns:
 * the bench, the worker tests and the Playwright import test import it.
 */
export async function largeLedger(n: number, prefix = 'L'): Promise<Buffer> {
  const householdRows: Rows = [];
  const memberRows: Rows = [];
  for (let i = 0; i < n; i++) {
    const caseNo = `${prefix}-${String(i).padStart(5, '0')}`;
    householdRows.push({
      受付番号: caseNo,
      受付日: `2023/${(i % 12) + 1}/${(i % 28) + 1}`,
      世帯表示名: `取込${i}`,
      本人同意: i % 2 === 0 ? 'あり' : 'なし',
      同意取得日: i % 2 === 0 ? '2023/12/1' : null,
    });
    for (let m = 0; m < 4; m++)
      memberRows.push({
        受付番号: caseNo,
        記号: String.fromCharCode(65 + m),
        氏名: `取込 ${i}-${m}`,
        ふりがな: 'とりこみ',
        続柄: m === 0 ? '本人' : '長男',
        本人: m === 0 ? '○' : null,
      });
  }
  return xlsxBytes({ 世帯: { rows: householdRows }, 世帯員: { rows: memberRows } });
}
