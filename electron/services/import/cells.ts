import { z } from 'zod';
import { parseJapaneseDate } from '../../ipc/japanese-date.js';
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
  const iso = parseJapaneseDate(text);
  if (iso === null) {
    ctx.addIssue({ code: 'custom', message: `「${text}」は存在する日付ではありません（${dateExample}）` });
    return z.NEVER;
  }
  return iso;
});

export const requiredDateCell = dateCell.transform((iso, ctx) => {
  if (iso !== null) return iso;
  ctx.addIssue({ code: 'custom', message: `日付を入力してください（${dateExample}）` });
  return z.NEVER;
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
