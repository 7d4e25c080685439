import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvBytes, type Rows } from '../../electron/services/import/fixtures.js';

/**
 * A migration ledger as CSV files, one per sheet (世帯.csv, 世帯員.csv …), every household with
 * `perHousehold` members (A is 本人, the rest A's children), one 支援会議 with as many attendees
 * and one plan row fewer. Written to disk, so the process that imports it starts from files.
 */
export function ledgerSheets(households: number, perHousehold: number): Record<string, Rows> {
  const ids = Array.from({ length: households }, (_, i) => i + 1);
  const label = (m: number) => String.fromCharCode(0x41 + m);
  const each = <T>(n: number, make: (m: number) => T) => Array.from({ length: n }, (_, m) => make(m));
  return {
    世帯: ids.map((i) => ({
      受付番号: `R8-${i}`,
      受付日: '2026/4/1',
      世帯表示名: `世帯${i}`,
      本人同意: 'なし',
      課題: '生活困窮',
      備考: '移行前の台帳から。定期的に訪問して様子を確認している。',
    })),
    世帯員: ids.flatMap((i) =>
      each(perHousehold, (m) => ({
        受付番号: `R8-${i}`,
        記号: label(m),
        氏名: `山田 ${label(m)}${i}`,
        ふりがな: 'やまだ',
        続柄: m === 0 ? '本人' : '子',
        生年月日: m === 0 ? '1960/1/1' : '1990/1/1',
        本人: m === 0 ? '○' : null,
      })),
    ),
    家族関係: ids.flatMap((i) =>
      each(perHousehold - 1, (m) => ({
        受付番号: `R8-${i}`,
        記号: 'A',
        相手の記号: label(m + 1),
        関係: '親子',
      })),
    ),
    会議: ids.map((i) => ({
      会議番号: `M-${i}`,
      受付番号: `R8-${i}`,
      種別: '支援会議',
      開催日: '2026/5/1',
      場所: '会議室',
    })),
    出席者: ids.flatMap((i) =>
      each(perHousehold, (m) => ({ 会議番号: `M-${i}`, 機関名: `機関${m}`, 出席者: `担当 ${m}` })),
    ),
    プラン: ids.flatMap((i) =>
      each(perHousehold - 1, (m) => ({
        会議番号: `M-${i}`,
        対象: label(m),
        目標: '生活の安定',
        検討内容: '見守りを続ける',
      })),
    ),
  };
}

export async function writeLedger(dir: string, households: number, perHousehold: number): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, rows] of Object.entries(ledgerSheets(households, perHousehold))) {
    const path = join(dir, `${name}.csv`);
    await writeFile(path, csvBytes(name, { rows }, 'utf8-bom'));
    paths.push(path);
  }
  return paths;
}
