import { describe, expect, it } from 'vitest';
import {
  ageOn,
  dateRefusal,
  eraOverflowRefusal,
  excelSerialToIso,
  formatWareki,
  parseJapaneseDate,
  parseSheetDate,
  warekiInput,
} from './dates.js';

describe('日付の入力（和暦・西暦・Excel・全角）', () => {
  it.each([
    ['2024/4/1', '2024-04-01'],
    ['2024-04-01', '2024-04-01'],
    ['２０２４／４／１', '2024-04-01'],
    ['令和6年4月1日', '2024-04-01'],
    ['令和６年４月１日', '2024-04-01'],
    ['R6.4.1', '2024-04-01'],
    ['r6/4/1', '2024-04-01'],
    ['H31.4.30', '2019-04-30'],
    ['令和元年5月1日', '2019-05-01'],
    ['昭和64年1月7日', '1989-01-07'],
    ['2024年4月1日', '2024-04-01'],
    ['令和8年11月22日（日）', '2026-11-22'],
  ])('%s → %s', (input, iso) => {
    expect(parseJapaneseDate(input)).toBe(iso);
  });

  it.each([
    '令和6年2月30日',
    '平成32年1月1日',
    'H31.5.1',
    '令和1年4月30日',
    '2023/2/29',
    '2024/13/1',
    '',
    'あした',
    '昭和64年1月8日',
  ])('存在しない日付 %s は推測せず拒否する', (input) => {
    expect(parseJapaneseDate(input)).toBeNull();
  });

  it('入力欄に打った数字は Excel のシリアル値として読まない（表のセルだけ）', () => {
    expect(parseJapaneseDate('45383')).toBeNull();
    expect(parseSheetDate('45383')).toBe('2024-04-01');
    expect(parseSheetDate('令和6年4月1日')).toBe('2024-04-01');
    expect(parseSheetDate('31')).toBeNull();
  });

  it('Excel のシリアル値は 1900年のうるう年の誤りを考慮する', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45383)).toBe('2024-04-01');
  });
});

describe('日付の表示（和暦・曜日つき）', () => {
  it('令和8年11月22日（日）', () => {
    expect(formatWareki('2026-11-22')).toBe('令和8年11月22日（日）');
    expect(formatWareki('2019-04-30', { weekday: false })).toBe('平成31年4月30日');
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日（水）');
  });

  it('入力欄に戻すときは曜日を付けない和暦', () => {
    expect(warekiInput('2026-01-15')).toBe('令和8年1月15日');
    expect(warekiInput(null)).toBe('');
  });

  it('年齢は誕生日の前日まで加算しない', () => {
    expect(ageOn('1950-11-23', '2026-11-22')).toBe(75);
    expect(ageOn('1950-11-22', '2026-11-22')).toBe(76);
  });
});

describe('元号の終わりを過ぎた和暦は黙って読み替えない（規則15）', () => {
  it('平成31年5月1日は断り、令和元年5月1日のことなら、と示す', () => {
    expect(parseJapaneseDate('平成31年5月1日')).toBeNull();
    expect(dateRefusal('平成31年5月1日')).toBe(
      '平成31年5月1日という日はありません（平成は平成31年4月30日まで）。令和元年5月1日のことなら、そう入力してください',
    );
    expect(eraOverflowRefusal('H31.5.1')).toMatch(/令和元年5月1日のことなら/);
    expect(eraOverflowRefusal('昭和64年1月8日')).toMatch(/平成元年1月8日のことなら/);
    expect(eraOverflowRefusal('平成32年1月1日')).toMatch(/令和2年1月1日のことなら/);
  });

  it('元号の中の日付や、存在しない日付にはこの案内を出さない', () => {
    expect(eraOverflowRefusal('平成31年4月30日')).toBeNull();
    expect(eraOverflowRefusal('令和6年2月30日')).toBeNull();
    expect(dateRefusal('令和6年2月30日')).toBe(
      '存在する日付を入力してください（例: 令和6年4月1日、2024/4/1）',
    );
    expect(dateRefusal('  ')).toBe('日付を入力してください');
  });

  it('画面で打った数字は Excel のシリアル値として読まない（表計算のセルだけ）', () => {
    expect(parseJapaneseDate('100')).toBeNull();
    expect(parseJapaneseDate('45383')).toBeNull();
  });
});
