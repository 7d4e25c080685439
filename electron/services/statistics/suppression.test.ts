import { describe, expect, it } from 'vitest';
import { statisticsInputSchema } from '../../ipc/schemas/statistics.js';
import { seededRandom } from '../testing/seeded-random.js';
import { suppress } from './suppression.js';

/** Every shown line (row, or column when a total row is printed) hides none or at least two cells. */
function assertNoSingleHidden(cells: (number | '＊')[][], hasTotalRow: boolean) {
  for (const row of cells) if (row.length >= 2) expect(row.filter((c) => c === '＊').length).not.toBe(1);
  if (hasTotalRow) {
    for (let c = 0; c < (cells[0]?.length ?? 0); c++)
      expect(cells.filter((row) => row[c] === '＊').length).not.toBe(1);
  }
}

/** With the shown cells and totals, can any hidden cell be solved by subtraction along one line? */
function derivable(cells: (number | '＊')[][], hasTotalRow: boolean): boolean {
  if (!hasTotalRow) return false;
  const body = cells.slice(0, -1);
  const total = cells.at(-1) ?? [];
  return total.some((t, c) => t !== '＊' && body.filter((row) => row[c] === '＊').length === 1);
}

describe('小さな件数の秘匿（ルール12）', () => {
  it('1〜9件は＊、0件と10件以上はそのまま', () => {
    const { cells } = suppress({ counts: [[0], [1], [9], [10]], hasTotalRow: false }, 10);
    expect(cells).toEqual([[0], ['＊'], ['＊'], [10]]);
  });

  it('行の中で1か所だけ隠れることはない（2年度以上のとき、最小の欄をもう1つ隠す）', () => {
    const { cells, primary, secondary } = suppress(
      {
        counts: [
          [4, 30, 12],
          [15, 16, 17],
        ],
        hasTotalRow: false,
      },
      10,
    );
    expect(cells[0]).toEqual(['＊', 30, '＊']);
    expect(primary).toBe(1);
    expect(secondary).toBe(1);
    assertNoSingleHidden(cells, false);
  });

  it('合計行がある表では、列の合計から引き算で分からないよう同じ列でもう1つ隠す', () => {
    const counts = [[3], [20], [14], [37]];
    const { cells } = suppress({ counts, hasTotalRow: true }, 10);
    expect(cells.map((r) => r[0])).toEqual(['＊', 20, '＊', 37]);
    expect(derivable(cells, true)).toBe(false);
  });

  it('隠す相手は0でない最小の欄を選び、なければ0の欄を隠す', () => {
    expect(
      suppress({ counts: [[5], [0], [40], [12], [57]], hasTotalRow: true }, 10).cells.map((r) => r[0]),
    ).toEqual(['＊', 0, 40, '＊', 57]);
    // The total itself is small and hidden: two hidden cells in the column, nothing to subtract from.
    expect(suppress({ counts: [[5], [0], [5]], hasTotalRow: true }, 10).cells.map((r) => r[0])).toEqual([
      '＊',
      0,
      '＊',
    ]);
    expect(
      suppress({ counts: [[5], [0], [20], [25]], hasTotalRow: true }, 10).cells.map((r) => r[0]),
    ).toEqual(['＊', 0, '＊', 25]);
  });

  it('無作為な表でも、隠れた値は行・列のどの合計からも引き算で出せない', () => {
    const random = seededRandom(7).next;
    for (let trial = 0; trial < 300; trial++) {
      const rows = 2 + Math.floor(random() * 8);
      const columns = 1 + Math.floor(random() * 4);
      const body = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => (random() < 0.3 ? 0 : Math.floor(random() * 25))),
      );
      const counts = [
        ...body,
        Array.from({ length: columns }, (_, c) => body.reduce((s, row) => s + (row[c] ?? 0), 0)),
      ];
      const { cells } = suppress({ counts, hasTotalRow: true }, 10);
      assertNoSingleHidden(cells, true);
      expect(derivable(cells, true)).toBe(false);
      cells.flat().forEach((cell, i) => {
        const n = counts.flat()[i] ?? 0;
        if (n >= 1 && n < 10) expect(cell).toBe('＊');
        if (cell !== '＊') expect(cell).toBe(n);
      });
    }
  });

  it('基準は3未満にできない', () => {
    expect(statisticsInputSchema.safeParse({ fiscalYears: [2024], threshold: 2 }).success).toBe(false);
    expect(statisticsInputSchema.safeParse({ fiscalYears: [2024], threshold: 3 }).success).toBe(true);
  });
});
