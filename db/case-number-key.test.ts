import { describe, expect, it } from 'vitest';
import { caseNoKey, sameCaseNo } from './case-number-key.js';

describe('受付番号の正規化', () => {
  it.each([
    ['Ｃ２０２３－００１', '全角'],
    ['c2023-001', '小文字'],
    ['C2023‐001', 'U+2010 ハイフン'],
    ['C2023‑001', 'U+2011 改行しないハイフン'],
    ['C2023‒001', 'U+2012 数字幅ダッシュ'],
    ['C2023–001', 'U+2013 エンダッシュ'],
    ['C2023—001', 'U+2014 エムダッシュ'],
    ['C2023―001', 'U+2015 水平線'],
    ['C2023−001', 'U+2212 マイナス'],
    ['C2023ー001', '長音（数字の間）'],
    ['C2023ｰ001', '半角長音（数字の間）'],
    ['  C2023-001　', '前後の空白（全角を含む）'],
  ])('%s（%s）は C2023-001 と同じ番号', (typed) => {
    expect(caseNoKey(typed)).toBe('c2023-001');
    expect(sameCaseNo(typed, 'C2023-001')).toBe(true);
  });

  it('数字の間にない長音はそのまま（別の番号）', () => {
    expect(caseNoKey('ケースー1')).toBe('ケースー1');
    expect(sameCaseNo('R6-012', 'R6-013')).toBe(false);
  });

  it('𠮷 や 髙 を含む番号も壊さない', () => {
    expect(caseNoKey('𠮷-001')).toBe('𠮷-001');
    expect(caseNoKey('髙R6-1')).toBe('髙r6-1');
  });
});
