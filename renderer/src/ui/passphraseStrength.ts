import type { ZxcvbnResult } from '@zxcvbn-ts/core';
import { passphraseSchema } from '../../../electron/ipc/contract';

/**
 * A plain-language strength hint for a new passphrase, from zxcvbn with its Japanese and common
 * word lists. It only advises: the rule the vault enforces is the contract's minimum length.
 */

export type StrengthLevel = 'empty' | 'short' | 'checking' | 'weak' | 'fair' | 'strong';

export interface Strength {
  level: StrengthLevel;
  /** 弱い / ふつう / 強い ('' while empty or still checking) */
  label: string;
  /** One line saying what would make it better. */
  tip: string;
}

/** What zxcvbn says about one passphrase (the parts the hint uses). */
export type Estimate = (passphrase: string) => Pick<ZxcvbnResult, 'score' | 'feedback'>;

export const minPassphraseLength = passphraseSchema.minLength ?? 12;

/** Words a passphrase must not lean on here: the app's own name and what people type for "password". */
const localWords = [
  'kasane',
  'かさね',
  'カサネ',
  'パスワード',
  'ぱすわーど',
  'pasuwado',
  'himitsu',
  'ひみつ',
  '秘密',
];

const tipWords = '単語を4つ以上つなげると覚えやすく強いパスフレーズになります。';

/** Each sentence of zxcvbn's Japanese feedback ends with 。 on screen. */
const sentence = (text: string) => (text.endsWith('。') ? text : `${text}。`);

let loading: Promise<Estimate> | undefined;

/**
 * zxcvbn and its dictionaries (about 2 MB of word lists), loaded the first time a new passphrase is
 * typed rather than with the app, so the unlock screen stays quick.
 */
export function loadEstimator(): Promise<Estimate> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, japanese] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-ja'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...japanese.dictionary },
      graphs: common.adjacencyGraphs,
      translations: japanese.translations,
    });
    return (passphrase) => zxcvbn.check(passphrase, localWords);
  })();
  return loading;
}

/** The hint for `passphrase`; `estimate` is undefined until zxcvbn has loaded. */
export function passphraseStrength(passphrase: string, estimate: Estimate | undefined): Strength {
  const length = [...passphrase].length;
  if (length === 0) return { level: 'empty', label: '', tip: tipWords };
  if (length < minPassphraseLength) {
    return { level: 'short', label: '弱い', tip: `あと${minPassphraseLength - length}文字以上必要です。` };
  }
  if (!estimate) return { level: 'checking', label: '', tip: '強さを確かめています…' };
  const { score, feedback } = estimate(passphrase);
  const advice = feedback.warning ?? feedback.suggestions[0];
  // Scores 0–2 fall to an online guesser in days; the vault's file faces offline guessing.
  if (score <= 2) return { level: 'weak', label: '弱い', tip: advice ? sentence(advice) : tipWords };
  if (score === 3) {
    const next = feedback.suggestions[0];
    return { level: 'fair', label: 'ふつう', tip: next ? `${sentence(next)}${tipWords}` : tipWords };
  }
  return { level: 'strong', label: '強い', tip: '十分な強さです。紙に書いて机に置いたりしないでください。' };
}
