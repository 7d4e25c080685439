import { beforeAll, describe, expect, test } from 'vitest';
import { passphraseSchema } from '../../../electron/ipc/contract';
import { type Estimate, loadEstimator, minPassphraseLength, passphraseStrength } from './passphraseStrength';

let zxcvbn: Estimate;
beforeAll(async () => {
  zxcvbn = await loadEstimator();
}, 60_000);

const hint = (passphrase: string) => passphraseStrength(passphrase, zxcvbn);

describe('パスフレーズの強さの目安', () => {
  test('目安の最短の長さは、保管庫が受け付ける最短の長さと同じ', () => {
    const shortest = 'あ'.repeat(minPassphraseLength);
    expect(passphraseSchema.safeParse(shortest).success).toBe(true);
    expect(passphraseSchema.safeParse(shortest.slice(1)).success).toBe(false);
  });

  test('空のときは何も判定せず、短いうちはあと何文字必要かを示す（かな・絵文字も1文字）', () => {
    expect(hint('')).toMatchObject({ level: 'empty', label: '' });
    expect(hint('abcdefg')).toMatchObject({ level: 'short', label: '弱い', tip: 'あと5文字以上必要です。' });
    expect(hint('𠮷田🌸さくら')).toMatchObject({ level: 'short', tip: 'あと6文字以上必要です。' });
  });

  test('辞書を読み込むまでは「確かめています」と示す', () => {
    expect(passphraseStrength('たいよう みかん ほし 2026 かわ', undefined)).toMatchObject({
      level: 'checking',
      label: '',
    });
  });

  test('よく使われるパスワード・繰り返し・連続した並びは弱く、理由を日本語で示す', () => {
    expect(hint('123456789012')).toMatchObject({ level: 'weak', tip: 'よく使われるパスワードです。' });
    expect(hint('password12345')).toMatchObject({
      level: 'weak',
      tip: 'よく使われるパスワードに似ています。',
    });
    expect(hint('aaaaaaaaaaaaaaaa')).toMatchObject({ level: 'weak' });
    expect(hint('aaaaaaaaaaaaaaaa').tip).toContain('繰り返し');
    expect(hint('abcdefghijkl').tip).toContain('一般的な文字');
    expect(hint('iloveyou2024')).toMatchObject({
      level: 'weak',
      tip: 'よく使われるパスワードに似ています。',
    });
  });

  test('このアプリの名前や「パスワード」を含むと、その分だけ弱く見る', () => {
    expect(hint('kasane-pasuwado').level).toBe('fair');
    expect(hint('かさねのパスワードです。').level).toBe('fair');
  });

  test('推測できなくはない組み合わせは「ふつう」で、単語を増やすよう勧める', () => {
    expect(hint('sakura2024sakura')).toMatchObject({
      level: 'fair',
      label: 'ふつう',
      tip: '単語を4つ以上つなげると覚えやすく強いパスフレーズになります。',
    });
  });

  test('単語をつなげた長いパスフレーズは強い（かな・漢字でも）', () => {
    expect(hint('correct horse battery staple').level).toBe('strong');
    expect(hint('たいよう みかん ほし 2026 かわ')).toMatchObject({ level: 'strong', label: '強い' });
    expect(hint('みずうみ かもめ ゆきだるま 88').level).toBe('strong');
  });
});
