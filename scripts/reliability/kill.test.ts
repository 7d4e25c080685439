import { describe, expect, it } from 'vitest';
import { replayHint, testSeed } from '../../electron/services/testing/test-seed.js';
import { runKillSuite } from './kill-suite.js';

describe('kill -9 の最中に書いていても、コミットした記録は失われない（CI では50回、npm run soak で500回）', () => {
  it('書き込み中・ロック解除中に50回強制終了し、報告済みの記録（閲覧の記録も）はすべて残り、誤って「失われた」とも言わない', async () => {
    // Kill times come from the one test seed (fixed in npm test, KASANE_TEST_SEED to explore).
    const report = await runKillSuite({ kills: 50 });
    const replay = replayHint(report.seed, expect.getState().testPath);
    expect(report.seed).toBe(testSeed());
    expect(report.errors, replay).toEqual([]);
    expect(report.recordsLost, replay).toBe(0);
    expect(report.lost, replay).toEqual([]);
    expect(report.viewsLost, replay).toEqual([]);
    expect(report.viewed, replay).toBeGreaterThan(10);
    expect(report.committed, replay).toBeGreaterThan(50);
    expect(report.auditOk, replay).toBe(true);
    expect(report.integrity, replay).toBe('ok');
  }, 900_000);
});
