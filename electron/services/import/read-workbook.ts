import ExcelJS from 'exceljs';
import { CellError, isBlankRow, type RawCell, type RawSheet } from './raw-sheet.js';

/** exceljs's cell values (rich text, hyperlinks, formulas …) reduced to what a person sees. */
function plainValue(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'object') return String(value);
  if ('error' in value) return new CellError(String(value.error));
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value ? plainValue(value.result) : null;
  if ('text' in value) return plainValue(value.text);
  return null;
}

/** Every worksheet of an .xlsx, or null when the bytes are not a workbook. */
export async function readWorkbook(bytes: Uint8Array): Promise<RawSheet[] | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    return null;
  }
  return workbook.worksheets.map((worksheet) => {
    const sheet: RawSheet = { name: worksheet.name.trim().normalize('NFC'), rows: [] };
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells = Array.from(Array.isArray(row.values) ? row.values.slice(1) : [], plainValue);
      if (!isBlankRow(cells)) sheet.rows.push({ rowNumber, cells });
    });
    return sheet;
  });
}
