import {
  attendeeSheet,
  guideSheetName,
  householdSheet,
  meetingSheet,
  memberSheet,
  planSheet,
  relationSheet,
  sheetDefs,
} from './columns.js';
import type { RawSheet } from './raw-sheet.js';

export interface PickedSheets {
  households: RawSheet | null;
  members: RawSheet | null;
  relations: RawSheet | null;
  meetings: RawSheet | null;
  attendees: RawSheet | null;
  plan: RawSheet | null;
  errors: string[];
}

const importable = sheetDefs.map((s) => s.name);

/**
 * The sheets to import, by name. Every sheet is optional (a workbook of meetings for households
 * already in かさね has no 世帯 sheet); an unknown sheet stops the import, so nothing the office
 * typed is silently ignored.
 */
export function pickSheets(sheets: readonly RawSheet[]): PickedSheets {
  const errors: string[] = [];
  const byName = new Map<string, RawSheet>();
  for (const sheet of sheets) {
    if (byName.has(sheet.name)) errors.push(`シート「${sheet.name}」が2つあります（1つにまとめてください）`);
    else byName.set(sheet.name, sheet);
  }
  for (const sheet of byName.values()) {
    if (sheet.name !== guideSheetName && !importable.includes(sheet.name)) {
      errors.push(
        `シート「${sheet.name}」は取り込めません（取り込めるシート: ${importable.join('、')}。CSV ではファイル名がシート名です）`,
      );
    }
  }
  const get = (name: string) => byName.get(name) ?? null;
  return {
    households: get(householdSheet.name),
    members: get(memberSheet.name),
    relations: get(relationSheet.name),
    meetings: get(meetingSheet.name),
    attendees: get(attendeeSheet.name),
    plan: get(planSheet.name),
    errors,
  };
}
