import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kanaPlace, kanaPlaceRange, receivedPlace, receivedPlaceRange } from './search-index.js';

/** SQLite's BINARY order on UTF-8: code points. */
function byCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

describe('ふりがなの位置から、その位置の世帯のふりがなの範囲がわかる', () => {
  // One or more characters of every range kanaSymbol tells apart, at its edges.
  const chars = [
    '\u0001',
    '-',
    '/',
    '0',
    '5',
    '9',
    ':',
    'A',
    '`',
    'a',
    'm',
    'z',
    '{',
    '~',
    'ー',
    '\u3040',
    'ぁ',
    'あ',
    'や',
    'ゖ',
    '\u3097',
    'ァ',
    'ヿ',
    '\u3100',
    '山',
    '田',
    '𠮷',
    '\uffff',
    '\u{10ffff}',
  ];
  const text = (max: number) =>
    fc.array(fc.constantFrom(...chars), { maxLength: max }).map((c) => c.join(''));

  it('どのふりがな・受付番号でも、範囲の中にある', () => {
    fc.assert(
      fc.property(text(9), text(5), (sortKana, caseNo) => {
        const range = kanaPlaceRange(kanaPlace(sortKana, caseNo));
        expect(byCodePoints(range.from, sortKana)).toBeLessThanOrEqual(0);
        if (range.below !== null) expect(byCodePoints(sortKana, range.below)).toBeLessThan(0);
        if (range.upTo !== undefined) expect(range.upTo).toBe(sortKana);
      }),
      { numRuns: 3000 },
    );
  });

  it('ひらがな6文字の位置は、その6文字で始まるふりがなだけ', () => {
    expect(kanaPlaceRange(kanaPlace('たかはしけんじ', 'R6-1'))).toEqual({
      from: 'たかはしけん',
      below: 'たかはしけゔ',
    });
    expect(kanaPlaceRange(kanaPlace('さとう', 'R6-1'))).toEqual({
      from: 'さとう',
      below: null,
      upTo: 'さとう',
    });
    expect(kanaPlaceRange(kanaPlace('やま田', 'R6-1'))).toEqual({ from: 'やま\u3100', below: 'やみ' });
    expect(kanaPlaceRange(kanaPlace('', 'R6-1'))).toEqual({ from: '', below: null, upTo: '' });
  });
});

describe('受付日の位置から、その日がわかる', () => {
  it('どの日付でも、その位置の受付日はその日だけ', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const day = d.toISOString().slice(0, 10);
          expect(receivedPlaceRange(receivedPlace(day))).toEqual({ from: day, below: null, upTo: day });
        },
      ),
    );
  });
});
