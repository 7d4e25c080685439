import { guideSheetName, householdSheet, memberSheet, sheetDefs } from './columns.js';
import type { RawSheet } from './raw-sheet.js';

export interface PickedSheets {
  households: RawSheet | null;
  members: RawSheet | null;
  errors: string[];
}

const importable = sheetDefs.filter((s) => s.importable).map((s) => s.name);

/**
 * Which sheets this version imports. Sheets it cannot import yet are fine while empty; with data
 * they stop the import, so nothing the office typed is silently ignored.
 */
export function pickSheets(sheets: readonly RawSheet[]): PickedSheets {
  const errors: string[] = [];
  const byName = new Map<string, RawSheet>();
  for (const sheet of sheets) {
    if (byName.has(sheet.name)) errors.push(`シート「${sheet.name}」が2つあります（1つにまとめてください）`);
    else byName.set(sheet.name, sheet);
  }
  for (const sheet of byName.values()) {
    if (sheet.name === guideSheetName) continue;
    const def = sheetDefs.find((s) => s.name === sheet.name);
    if (!def) {
      errors.push(
        `シート「${sheet.name}」は取り込めません（取り込めるシート: ${importable.join('、')}。CSV ではファイル名がシート名です）`,
      );
    } else if (!def.importable && sheet.rows.some((row) => row.rowNumber > 1)) {
      errors.push(`シート「${sheet.name}」はまだ取り込めません（この版では未対応です）`);
    }
  }
  const households = byName.get(householdSheet.name) ?? null;
  if (!households && sheets.length > 0) errors.push(`シート「${householdSheet.name}」がありません`);
  return { households, members: byName.get(memberSheet.name) ?? null, errors };
}
