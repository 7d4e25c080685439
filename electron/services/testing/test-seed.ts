import { relative } from 'node:path';

/**
 * One seed for every randomized test of `npm test` (fast-check properties, the IPC fuzz, the kill
 * suite): fixed, so the suite cannot pass on one run and fail on the next. `KASANE_TEST_SEED` sets
 * another to explore with; `npm run soak` draws a fresh one and prints it. A failure prints its seed
 * and the command that replays it.
 */
export const fixedTestSeed = 20261201;

const maxSeed = 2_147_483_646;

export function testSeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KASANE_TEST_SEED;
  if (raw === undefined || raw.trim() === '') return fixedTestSeed;
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < 1 || seed > maxSeed)
    throw new Error(`KASANE_TEST_SEED は 1〜${maxSeed} の整数にしてください（「${raw}」）`);
  return seed;
}

/** A seed nobody chose, for exploring (`npm run soak`). */
export function freshTestSeed(): number {
  return 1 + Math.floor(Math.random() * maxSeed);
}

/** `fixed` in `npm test`; the explored seed when `KASANE_TEST_SEED` is set. */
export function seedOr(fixed: number, env: NodeJS.ProcessEnv = process.env): number {
  return env.KASANE_TEST_SEED?.trim() ? testSeed(env) : fixed;
}

/** The line a seeded failure prints: its seed and the command that runs it again. */
export function replayHint(seed: number, testFile?: string): string {
  const file = testFile ? ` -- ${relative(process.cwd(), testFile)}` : '';
  return `seed ${seed}: 再現するには KASANE_TEST_SEED=${seed} npm run test:unit${file}`;
}
