import { describe, expect, it } from 'vitest';
import { formByNumber, formCatalogue, formHeaderLabel, formTitle } from './forms.js';

describe('様式の一覧', () => {
  it('様式1〜5が番号順に一度ずつある', () => {
    expect(formCatalogue.map((f) => [f.number, f.key])).toEqual([
      [1, 'form1'],
      [2, 'form2'],
      [3, 'form3'],
      [4, 'form4'],
      [5, 'form5'],
    ]);
  });

  it('様式1・2は会議の名称を冠し、3〜5は冠さない', () => {
    expect(formTitle('form1', '重層的支援会議')).toBe('重層的支援会議開催通知');
    expect(formTitle('form2', '支援会議')).toBe('支援会議会次第');
    expect(formTitle('form5', '支援会議')).toBe('世帯支援プランシート');
    expect(formByNumber(4).title).toBe('会議報告シート');
    expect(formHeaderLabel(3)).toBe('（重層会議様式3）');
  });
});
