/**
 * A plain-language strength hint for a passphrase. It only advises: the rule the vault enforces is
 * the contract's (12 characters or more).
 */

export type StrengthLevel = 'empty' | 'short' | 'weak' | 'fair' | 'strong';

export interface Strength {
  level: StrengthLevel;
  /** 弱い / ふつう / 強い ('' while empty) */
  label: string;
  /** One line saying what would make it better. */
  tip: string;
}

export const minPassphraseLength = 12;

const commonWords = [
  'password',
  'passw0rd',
  'p@ssw0rd',
  'qwerty',
  'asdf',
  'zxcv',
  'letmein',
  'welcome',
  'admin',
  'login',
  'iloveyou',
  'abc123',
  '123456',
  '111111',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'himitsu',
  'pasuwado',
  'kasane',
  'secret',
  'guest',
  'test',
  'pass',
  'パスワード',
  'ひみつ',
  'かさね',
];

const tipWords = '単語を4つ以上つなげると覚えやすく強いパスフレーズになります。';

function hasRepeats(text: string): boolean {
  // aaa, ababab, or a chunk of three or more said twice in a row (abcabc); ordinary words like banana pass
  return /(.)\1\1/u.test(text) || /(..)\1\1/u.test(text) || /(.{3,})\1/u.test(text);
}

function hasSequence(text: string): boolean {
  const points = [...text.toLowerCase()].map((c) => c.codePointAt(0) ?? 0);
  let up = 1;
  let down = 1;
  for (let i = 1; i < points.length; i += 1) {
    const step = (points[i] ?? 0) - (points[i - 1] ?? 0);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up >= 4 || down >= 4) return true;
  }
  return false;
}

function characterKinds(text: string): number {
  const kinds = [/[a-z]/u, /[A-Z]/u, /[0-9]/u, /[^\p{L}\p{N}]/u, /[^\p{ASCII}]/u];
  return kinds.filter((k) => k.test(text)).length;
}

function wordCount(text: string): number {
  return text.split(/[\s\-_.,・、。／/]+/u).filter((w) => [...w].length >= 2).length;
}

export function passphraseStrength(passphrase: string): Strength {
  const length = [...passphrase].length;
  if (length === 0) return { level: 'empty', label: '', tip: tipWords };
  if (length < minPassphraseLength) {
    return { level: 'short', label: '弱い', tip: `あと${minPassphraseLength - length}文字以上必要です。` };
  }
  const lower = passphrase.toLowerCase();
  if (commonWords.some((w) => lower.includes(w))) {
    return {
      level: 'weak',
      label: '弱い',
      tip: 'よく使われる語（password、123456 など）が含まれています。推測されにくい語にしてください。',
    };
  }
  let score = length >= 20 ? 2 : length >= 16 ? 1 : 0;
  if (characterKinds(passphrase) >= 3) score += 1;
  if (wordCount(passphrase) >= 4) score += 1;
  const predictable = hasRepeats(passphrase) || hasSequence(passphrase);
  if (predictable) score -= 2;
  if (new Set(passphrase).size < 6) score = Math.min(score, 0);

  if (score <= 0) {
    return {
      level: 'weak',
      label: '弱い',
      tip: predictable ? '同じ文字や連続した並び（aaa、1234 など）は推測されやすくなります。' : tipWords,
    };
  }
  if (score === 1) return { level: 'fair', label: 'ふつう', tip: tipWords };
  return { level: 'strong', label: '強い', tip: '十分な強さです。紙に書いて机に置いたりしないでください。' };
}
