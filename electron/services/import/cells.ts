import { z } from 'zod';
import { eraOverflowRefusal, parseSheetDate } from '../../domain/dates.js';
import { CellError, type RawCell } from './raw-sheet.js';

/**
 * Cell schemas: a raw cell (text, number, Date, Excel error) in, a typed value out, with the
 * reason in Japanese. Text is kept exactly as typed apart from trimming and NFC (𠮷, 髙, 﨑, emoji).
 */

const rawCell = z.custom<RawCell>();

// Line breaks and tabs are legitimate in 備考; other control characters (Cc) are almost always debris.
const controlCharacter = /[^\P{Cc}\t\n]/u;

const errorCellMessage = (cell: CellError) =>
  `セルの値がエラー（${cell.code}）です。正しい値を入力してください`;

export const textCell = rawCell.transform((cell, ctx) => {
  if (cell instanceof CellError) {
    ctx.addIssue({ code: 'custom', message: errorCellMessage(cell) });
    return z.NEVER;
  }
  if (cell instanceof Date) {
    ctx.addIssue({
      code: 'custom',
      message: '日付として入力されています。文字として入力してください（セルの書式を「文字列」に）',
    });
    return z.NEVER;
  }
  const text = String(cell ?? '')
    .replace(/\r\n?/g, '\n')
    .trim()
    .normalize('NFC');
  if (controlCharacter.test(text)) {
    ctx.addIssue({ code: 'custom', message: '改行とタブ以外の制御文字が含まれています' });
    return z.NEVER;
  }
  return text;
});

/** A value separated by 「、」 (or a comma, half- or full-width); empty items dropped. */
export function listCell(item: z.ZodType<string, string>) {
  return textCell
    .pipe(
      z.string().transform((text) =>
        text
          .split(/[、,，]/)
          .map((part) => part.trim())
          .filter(Boolean),
      ),
    )
    .pipe(z.array(item));
}

const dateExample = '例: 2024/4/1、令和6年4月1日、R6.4.1';

/** ISO date or null for an empty cell; Date cells from exceljs carry the date in their UTC parts. */
export const dateCell = rawCell.transform((cell, ctx): string | null => {
  if (cell === null) return null;
  if (cell instanceof CellError) {
    ctx.addIssue({ code: 'custom', message: errorCellMessage(cell) });
    return z.NEVER;
  }
  if (cell instanceof Date) {
    if (!Number.isNaN(cell.getTime())) return cell.toISOString().slice(0, 10);
    ctx.addIssue({ code: 'custom', message: `日付が読み取れません（${dateExample}）` });
    return z.NEVER;
  }
  const text = typeof cell === 'number' ? String(Math.floor(cell)) : cell.trim();
  if (text === '') return null;
  const iso = parseSheetDate(text);
  if (iso === null) {
    ctx.addIssue({
      code: 'custom',
      message: eraOverflowRefusal(text) ?? `「${text}」は存在する日付ではありません（${dateExample}）`,
    });
    return z.NEVER;
  }
  return iso;
});

export const requiredDateCell = dateCell.transform((iso, ctx) => {
  if (iso !== null) return iso;
  ctx.addIssue({ code: 'custom', message: `日付を入力してください（${dateExample}）` });
  return z.NEVER;
});

const timeExample = '14:00 のように入力してください';
const minutesPerDay = 24 * 60;
const msPerDay = minutesPerDay * 60_000;
/** Where Excel's time-only values land once exceljs turns them into Dates. */
const excelDayZero = Date.UTC(1899, 11, 30);

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** 14:00, ９：３０, 14時, 14時30分 → minutes after midnight, or null when it is not a time of day. */
function minutesOf(text: string): number | null {
  const match = text.normalize('NFKC').match(/^(\d{1,2})(?::(\d{2})|時(?:(\d{1,2})分)?)$/);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? match[3] ?? 0);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/**
 * 'HH:MM' or null for an empty cell. Excel keeps a time as a fraction of a day, which exceljs
 * hands over as a number or as a Date on 1899-12-30 (UTC); both are rounded to the minute.
 */
export const timeCell = rawCell.transform((cell, ctx): string | null => {
  if (cell === null) return null;
  if (cell instanceof CellError) {
    ctx.addIssue({ code: 'custom', message: errorCellMessage(cell) });
    return z.NEVER;
  }
  if (cell instanceof Date) {
    const sinceExcelDayZero = cell.getTime() - excelDayZero;
    if (sinceExcelDayZero >= 0 && sinceExcelDayZero < msPerDay) {
      return hhmm(Math.round(sinceExcelDayZero / 60_000) % minutesPerDay);
    }
    ctx.addIssue({
      code: 'custom',
      message: `日付が入力されています。時刻だけを入力してください（${timeExample}）`,
    });
    return z.NEVER;
  }
  if (typeof cell === 'number' && cell >= 0 && cell < 1)
    return hhmm(Math.round(cell * minutesPerDay) % minutesPerDay);
  const text = String(cell).trim();
  if (text === '') return null;
  const minutes = minutesOf(text);
  if (minutes === null) {
    ctx.addIssue({ code: 'custom', message: `「${text}」は時刻として読み取れません（${timeExample}）` });
    return z.NEVER;
  }
  return hhmm(minutes);
});

/**
 * One of a column's fixed values, mapped to its meaning. `empty` is what a blank cell means;
 * without it the cell is required.
 */
export function choiceCell<C extends string, M extends Record<C, unknown>>(
  choices: readonly C[],
  meaning: M,
  options: { empty?: M[C]; aliases?: Record<string, C> } = {},
) {
  const listed = choices.join(' / ');
  return textCell.transform((text, ctx): M[C] => {
    if (text === '' && options.empty !== undefined) return options.empty;
    if (text === '') {
      ctx.addIssue({ code: 'custom', message: `入力してください（${listed}）` });
      return z.NEVER;
    }
    const choice = choices.find((c) => c === text) ?? options.aliases?.[text];
    if (choice === undefined) {
      ctx.addIssue({ code: 'custom', message: `「${text}」は選べません（${listed} のどれか）` });
      return z.NEVER;
    }
    return meaning[choice];
  });
}

/** A column whose values are a vocabulary's Japanese labels (状態: 受付 / 支援中 / 終結). */
export function labelCell<K extends string>(labels: Record<K, string>, options: { empty?: K } = {}) {
  const entries = Object.entries(labels) as [K, string][];
  const meaning = Object.fromEntries(entries.map(([key, label]) => [label, key])) as Record<string, K>;
  return choiceCell(
    entries.map(([, label]) => label),
    meaning,
    options,
  );
}
