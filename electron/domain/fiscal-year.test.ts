import { describe, expect, it } from 'vitest';
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange, shortFiscalYearLabel } from './fiscal-year.js';

describe('年度（4月1日〜3月31日）', () => {
  it('3月31日までは前の年度、4月1日から新しい年度', () => {
    expect(fiscalYearOf('2025-03-31')).toBe(2024);
    expect(fiscalYearOf('2025-04-01')).toBe(2025);
    expect(fiscalYearRange(2024)).toEqual({ start: '2024-04-01', end: '2025-03-31' });
  });

  it('名前は和暦：改元の年は令和元年度、その前は平成、昭和', () => {
    expect(fiscalYearLabel(2024)).toBe('令和6年度');
    expect(fiscalYearLabel(2019)).toBe('令和元年度');
    expect(fiscalYearLabel(2018)).toBe('平成30年度');
    expect(fiscalYearLabel(1989)).toBe('平成元年度');
    expect(fiscalYearLabel(1988)).toBe('昭和63年度');
  });

  it('短い名前は R6・H30（グラフの軸、受付番号の頭）', () => {
    expect(shortFiscalYearLabel(2024)).toBe('R6');
    expect(shortFiscalYearLabel(2019)).toBe('R1');
    expect(shortFiscalYearLabel(2018)).toBe('H30');
  });
});
