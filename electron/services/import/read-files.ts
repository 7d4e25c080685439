import { createHash } from 'node:crypto';
import type { ImportFiles } from '../../ipc/schemas/imports.js';
import { CsvEncodingError, CsvSyntaxError, decodeCsvBytes, hasUtf16Bom, parseCsv } from './csv.js';
import { checkWorkbookBounds, fileTooLarge, importLimits, tooManyRows } from './limits.js';
import { isBlankRow, type RawSheet } from './raw-sheet.js';
import { readWorkbook } from './read-workbook.js';

export type ImportFile = ImportFiles['files'][number];

export interface ReadFiles {
  format: 'xlsx' | 'csv';
  sheets: RawSheet[];
  /** Hex SHA-256 of each file's bytes, in the order given: the audit names files by content only. */
  sha256: string[];
  errors: string[];
  /** A file past the import limits: nothing was parsed, nothing may be written. */
  refused: boolean;
}

function extensionOf(name: string): string {
  return name.match(/\.([^.]+)$/)?.[1]?.toLowerCase() ?? '';
}

function csvSheet(fileName: string, bytes: Buffer): RawSheet | string | { refused: string } {
  if (hasUtf16Bom(bytes)) {
    return `ファイル「${fileName}」: UTF-16 の CSV は読めません。Excel の「CSV（コンマ区切り）」か「CSV UTF-8」で保存し直してください`;
  }
  let records: string[][];
  try {
    records = parseCsv(decodeCsvBytes(bytes), importLimits.rowsPerSheet);
  } catch (err) {
    if (err instanceof CsvEncodingError)
      return `ファイル「${fileName}」: 先頭に UTF-8 の印（BOM）がありますが、UTF-8 として読めない文字があります（Shift_JIS など別の文字コードが混ざっています）。Excel で「CSV UTF-8」として保存し直してください`;
    if (!(err instanceof CsvSyntaxError)) throw err;
    return `ファイル「${fileName}」 行${err.record}: ${err.reason}`;
  }
  if (records.length > importLimits.rowsPerSheet) return { refused: tooManyRows(fileName, null) };
  const name = fileName.replace(/\.[^.]+$/, '').trim();
  const rows = records
    .map((cells, i) => ({ rowNumber: i + 1, cells }))
    .filter((row) => !isBlankRow(row.cells));
  return { name, rows };
}

/** An .xlsx, or CSV files named after their sheets (世帯.csv, 世帯員.csv). */
export async function readImportFiles(files: readonly ImportFile[]): Promise<ReadFiles> {
  const errors: string[] = [];
  const sheets: RawSheet[] = [];
  const sha256: string[] = [];
  const named = files.map((f) => ({ name: f.name.normalize('NFC'), bytes: Buffer.from(f.base64, 'base64') }));
  const workbooks = named.filter((f) => extensionOf(f.name) === 'xlsx');
  const csvs = named.filter((f) => extensionOf(f.name) === 'csv');
  if (workbooks.length > 1 || (workbooks.length === 1 && csvs.length > 0)) {
    errors.push('Excel ブック（.xlsx）を1つだけ、または CSV ファイルだけを選んでください');
  }
  // Bounds first, for every file: a refused file is named at once and nothing is parsed.
  const refusals = named.flatMap((file) => {
    const refusal =
      fileTooLarge(file.name, file.bytes.length) ??
      (extensionOf(file.name) === 'xlsx' ? checkWorkbookBounds(file.name, file.bytes) : null);
    return refusal ? [refusal] : [];
  });
  if (refusals.length > 0) return { format: 'csv', sheets: [], sha256: [], errors: refusals, refused: true };
  for (const file of named) {
    sha256.push(createHash('sha256').update(file.bytes).digest('hex'));
    const extension = extensionOf(file.name);
    if (extension === 'xlsx') {
      const read = await readWorkbook(file.bytes);
      if (read) {
        sheets.push(...read);
      } else {
        errors.push(
          `ファイル「${file.name}」: Excel ブック（.xlsx）として読み込めませんでした。Excel で開いて保存し直してください`,
        );
      }
    } else if (extension === 'csv') {
      const sheet = csvSheet(file.name, file.bytes);
      if (typeof sheet === 'string') errors.push(sheet);
      else if ('refused' in sheet)
        return { format: 'csv', sheets: [], sha256, errors: [sheet.refused], refused: true };
      else sheets.push(sheet);
    } else if (extension === 'xls') {
      errors.push(
        `ファイル「${file.name}」: 古い形式（.xls）は読めません。Excel で .xlsx として保存し直してください`,
      );
    } else {
      errors.push(`ファイル「${file.name}」: .xlsx か .csv のファイルを選んでください`);
    }
  }
  return { format: workbooks.length > 0 ? 'xlsx' : 'csv', sheets, sha256, errors, refused: false };
}
