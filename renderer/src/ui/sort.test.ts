import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './sort';

const rows = [
  { name: 'たなか', count: 3, on: '2026-05-01' },
  { name: 'あべ', count: 10, on: null },
  { name: 'さとう', count: 2, on: '2025-12-24' },
  { name: 'いとう', count: 10, on: '2026-01-15' },
];
const columns = {
  name: (r: (typeof rows)[number]) => r.name,
  count: (r: (typeof rows)[number]) => r.count,
  on: (r: (typeof rows)[number]) => r.on,
};

describe('表の並べ替え', () => {
  it('文字は五十音順、数は大きさの順に並ぶ', () => {
    expect(sortRows(rows, columns, { column: 'name', direction: 'ascending' }).map((r) => r.name)).toEqual([
      'あべ',
      'いとう',
      'さとう',
      'たなか',
    ]);
    expect(sortRows(rows, columns, { column: 'count', direction: 'descending' }).map((r) => r.count)).toEqual(
      [10, 10, 3, 2],
    );
  });

  it('同じ値の行は元の順を保ち、空の値はどちらの向きでも最後になる', () => {
    expect(sortRows(rows, columns, { column: 'count', direction: 'descending' }).map((r) => r.name)).toEqual([
      'あべ',
      'いとう',
      'たなか',
      'さとう',
    ]);
    for (const direction of ['ascending', 'descending'] as const)
      expect(sortRows(rows, columns, { column: 'on', direction }).at(-1)?.name).toBe('あべ');
    expect(sortRows(rows, columns, { column: 'on', direction: 'ascending' }).map((r) => r.on)).toEqual([
      '2025-12-24',
      '2026-01-15',
      '2026-05-01',
      null,
    ]);
  });

  it('並べ替えない間は来た順のまま', () => {
    expect(sortRows(rows, columns, null)).toEqual(rows);
  });

  it('同じ見出しをもう一度押すと逆順、別の見出しは昇順から', () => {
    expect(nextSort(null, 'name')).toEqual({ column: 'name', direction: 'ascending' });
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'name')).toEqual({
      column: 'name',
      direction: 'descending',
    });
    expect(nextSort({ column: 'name', direction: 'descending' }, 'count')).toEqual({
      column: 'count',
      direction: 'ascending',
    });
  });
});
