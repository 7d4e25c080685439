import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedTestSeed, replayHint, seedOr, testSeed } from './test-seed.js';

describe('npm test の乱数は1つの seed から（KASANE_TEST_SEED で変えられる）', () => {
  it('指定がなければ固定の seed、指定があればその seed、おかしな値は断る', () => {
    expect(testSeed({})).toBe(fixedTestSeed);
    expect(testSeed({ KASANE_TEST_SEED: ' ' })).toBe(fixedTestSeed);
    expect(testSeed({ KASANE_TEST_SEED: '372581' })).toBe(372581);
    for (const bad of ['0', '-3', '1.5', 'abc', '2147483647'])
      expect(() => testSeed({ KASANE_TEST_SEED: bad }), bad).toThrow(
        'KASANE_TEST_SEED は 1〜2147483646 の整数',
      );
    expect(seedOr(20261130, {})).toBe(20261130);
    expect(seedOr(20261130, { KASANE_TEST_SEED: '7' })).toBe(7);
  });

  it('fast-check の性質はどれもその seed で回り、失敗すると seed と再現のコマンドを示す', () => {
    expect(fc.readConfigureGlobal().seed).toBe(testSeed());
    let message = '';
    try {
      fc.assert(fc.property(fc.integer(), (n) => n < 0));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(`seed: ${testSeed()}`);
    expect(message).toContain(
      `KASANE_TEST_SEED=${testSeed()} npm run test:unit -- electron/services/testing/test-seed.test.ts`,
    );
    // Two runs of one property draw the same values.
    const drawn = () => fc.sample(fc.integer(), 5);
    expect(drawn()).toEqual(drawn());
  });

  it('再現のコマンドはリポジトリからの相対パス', () => {
    expect(replayHint(42, `${process.cwd()}/scripts/reliability/fuzz.test.ts`)).toBe(
      'seed 42: 再現するには KASANE_TEST_SEED=42 npm run test:unit -- scripts/reliability/fuzz.test.ts',
    );
  });
});
