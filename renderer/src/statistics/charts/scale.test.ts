import { describe, expect, test } from 'vitest';
import type { CountRow } from '../cells';
import { bands, countAxis, fitLabel, seriesFill } from './scale';

const rows = (...cells: CountRow['cells']): CountRow[] => [{ label: '世帯', cells }];

describe('グラフの目盛り（件数の軸）', () => {
  test('0 から切りのよい上端まで、整数の目盛りが3〜7つ', () => {
    for (const largest of [1, 3, 7, 10, 23, 57, 99, 101, 480, 1234]) {
      const { scale, ticks } = countAxis(rows(largest), [200, 0]);
      const top = ticks.at(-1) ?? 0;
      expect(ticks[0]).toBe(0);
      expect(top).toBeGreaterThanOrEqual(largest);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(7);
      // The top tick is the top of the plot, and 0 its bottom.
      expect(scale(top)).toBe(0);
      expect(scale(0)).toBe(200);
    }
    expect(countAxis(rows(7), [0, 100]).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(countAxis(rows(1), [0, 100]).ticks).toEqual([0, 1, 2, 3, 4]);
  });

  test('秘匿した件数（＊）は軸の長さを決めない', () => {
    const { ticks } = countAxis([{ label: '課題', cells: ['＊', 3, 0] }], [0, 100]);
    expect(ticks.at(-1)).toBe(4);
  });

  test('件数がひとつもなければ目盛りは 0 だけ', () => {
    expect(countAxis(rows(0, '＊'), [0, 100])).toMatchObject({ ticks: [0], empty: true });
    expect(countAxis(rows(2), [0, 100]).empty).toBe(false);
  });
});

describe('棒の並び', () => {
  test('決めた太さと間隔で、先頭の余白は間隔の半分', () => {
    const labels: string[] = ['A', 'B', 'C'];
    const rowsBand = bands(labels, 4, 20, 12, 6);
    expect(labels.map((k) => rowsBand(k))).toEqual([10, 42, 74]);
    expect(rowsBand.bandwidth()).toBeCloseTo(20);
    expect(rowsBand.range()).toEqual([4, 100]);
    const inGroup = bands([2024, 2025], 0, 12, 2);
    expect([inGroup(2024), inGroup(2025)]).toEqual([0, 14]);
  });

  test('古い年度ほど淡く、新しい年度ほど濃い', () => {
    const lightness = (fill: string) => Number(/ ([\d.]+)%\)$/.exec(fill)?.[1]);
    const fills = [0, 1, 2].map((i) => lightness(seriesFill(i, 3)));
    expect(fills[0]).toBeGreaterThan(fills[1] ?? 0);
    expect(fills[1]).toBeGreaterThan(fills[2] ?? 0);
  });

  test('長い項目名は … で切り、収まる名前はそのまま', () => {
    expect(fitLabel('8050', 12, 100)).toBe('8050');
    const cut = fitLabel('社会的孤立・ひきこもり・長期の不登校', 12, 80);
    expect(cut.endsWith('…')).toBe(true);
    expect([...cut].length).toBeLessThan(12);
  });
});
