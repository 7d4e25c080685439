/**
 * vitest setup (vitest.config.ts `setupFiles`): every fast-check property of the run draws from
 * the one test seed (test-seed.ts) unless it names its own, and a failure says how to replay it.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { replayHint, testSeed } from './test-seed.js';

const seed = testSeed();
fc.configureGlobal({
  seed,
  reporter: (details) => {
    if (!details.failed) return;
    const replay = details.seed === seed ? replayHint(seed, expect.getState().testPath) : '';
    throw new Error(`${fc.defaultReportMessage(details)}\n${replay}`, { cause: details.errorInstance });
  },
});
