import { expect, test } from '@playwright/test';
import { formatWarekiDate, formatWarekiDateTime } from '../electron/domain/office-day';
import { passphraseStrength } from '../renderer/src/ui/passphraseStrength.js';

// Pure renderer helpers, checked in Node (no page needed).

test.describe('和暦の表示（ドメインルール15）', () => {
  test('日本時間の日付で、曜日を全角かっこで添える', () => {
    expect(formatWarekiDate('2026-11-22')).toBe('令和8年11月22日（日）');
    // 23:30 UTC on the 21st is already the 22nd in Japan.
    expect(formatWarekiDate(new Date('2026-11-21T23:30:00Z'))).toBe('令和8年11月22日（日）');
    expect(formatWarekiDateTime('2026-11-21T23:30:00Z')).toBe('令和8年11月22日（日） 08:30');
    expect(formatWarekiDateTime('2026-11-22T00:05:00.000Z')).toBe('令和8年11月22日（日） 09:05');
  });

  test('改元の境目と元年', () => {
    expect(formatWarekiDate('2019-04-30')).toBe('平成31年4月30日（火）');
    expect(formatWarekiDate('2019-05-01')).toBe('令和元年5月1日（水）');
  });

  test('日付でない値は空にする', () => {
    expect(formatWarekiDateTime('not a date')).toBe('');
  });
});

test.describe('パスフレーズの強さの目安', () => {
  test('12文字未満は弱く、あと何文字必要かを示す', () => {
    expect(passphraseStrength('')).toMatchObject({ level: 'empty', label: '' });
    expect(passphraseStrength('abcdefg')).toMatchObject({ label: '弱い', tip: 'あと5文字以上必要です。' });
  });

  test('よく使われる語や繰り返しは弱い', () => {
    expect(passphraseStrength('mypassword2026').label).toBe('弱い');
    expect(passphraseStrength('aaaaaaaaaaaaaaaa').label).toBe('弱い');
    expect(passphraseStrength('abcdefgh12345678').label).toBe('弱い');
  });

  test('単語をつなげた長いパスフレーズは強い（かな・漢字も数える）', () => {
    expect(passphraseStrength('hanako-yamada1')).toMatchObject({
      label: 'ふつう',
      tip: '単語を4つ以上つなげると覚えやすく強いパスフレーズになります。',
    });
    expect(passphraseStrength('correct horse battery staple').label).toBe('強い');
    expect(passphraseStrength('たいよう みかん ほし 2026 かわ').label).toBe('強い');
    // Ordinary words that merely contain a repeated pair are not penalised.
    expect(passphraseStrength('banana orange melon grape').label).toBe('強い');
  });
});
