import { describe, expect, it } from 'vitest';
import variants from '../resources/search/kanji-variants.json' with { type: 'json' };
import { foldForSearch } from './search-fold.js';

const groups = [
  '𠮷吉',
  '髙高',
  '﨑崎嵜',
  '德徳',
  '邊邉辺',
  '齋齊斎斉',
  '濵濱浜',
  '澤沢',
  '嶋島',
  '槗橋',
  '冨富',
  '廣広',
  '櫻桜',
  '實実',
  '惠恵',
  '龍竜',
];

describe('異体字をたたんで検索する（規則16）', () => {
  it.each(groups)('%s はどの字で探しても互いに見つかる', (group) => {
    const chars = [...group];
    for (const a of chars)
      for (const b of chars) expect(foldForSearch(`${a}田`), `${a} と ${b}`).toBe(foldForSearch(`${b}田`));
  });

  it('名前としてよく出る組み合わせ', () => {
    expect(foldForSearch('𠮷田')).toBe(foldForSearch('吉田'));
    expect(foldForSearch('髙橋')).toBe(foldForSearch('高橋'));
    expect(foldForSearch('齋藤')).toBe(foldForSearch('斉藤'));
    expect(foldForSearch('斎藤')).toBe(foldForSearch('斉藤'));
    expect(foldForSearch('﨑山')).toBe(foldForSearch('崎山'));
    expect(foldForSearch('渡邉')).toBe(foldForSearch('渡辺'));
  });

  it('別の字はたたまない（予/余、鮎/鯰、埼/崎、一/壱）', () => {
    for (const [a, b] of [
      ['予', '余'],
      ['鮎', '鯰'],
      ['埼', '崎'],
      ['一', '壱'],
      ['高', '髪'],
    ] as const)
      expect(foldForSearch(a)).not.toBe(foldForSearch(b));
  });

  it('幅・大文字小文字・カタカナ・空白もたたむ', () => {
    expect(foldForSearch('ﾔﾏﾀﾞ タロウ')).toBe('やまだたろう');
    expect(foldForSearch('Ｒ６－０１２')).toBe('r6-012');
  });

  it('表は出典を名乗り、どの字も一段で代表字に行き着く', () => {
    expect(variants.sources.join('\n')).toMatch(/常用漢字表/);
    expect(variants.sources.join('\n')).toMatch(/Unihan/);
    for (const [from, to] of Object.entries(variants.fold)) {
      expect(from).not.toBe(to);
      expect(variants.fold[to as keyof typeof variants.fold], `${from}→${to}`).toBeUndefined();
      expect(from.normalize('NFKC')).toBe(from);
    }
  });
});
