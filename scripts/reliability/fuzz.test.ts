import { describe, expect, it } from 'vitest';
import { runIpcFuzz, vaultStates } from './ipc-fuzz.js';

describe('すべての IPC チャネルを、すべての保管庫の状態で、でたらめな入力で呼ぶ（fast-check）', () => {
  it('3,000件: INTERNAL なし、スタックやパスの漏れなし、状態が許す以上の操作なし', async () => {
    const report = await runIpcFuzz({ casesPerState: 500 });
    expect(report.cases).toBe(500 * vaultStates.length);
    expect({ seed: report.seed, internal: report.internal }).toEqual({ seed: report.seed, internal: [] });
    expect(report.stacks).toEqual([]);
    expect(report.aboveLevel).toEqual([]);
    // Deep enough to be worth it: some calls reach the services and succeed or are refused by them.
    expect(report.succeeded).toBeGreaterThan(50);
    expect(report.codes.NOT_FOUND ?? 0).toBeGreaterThan(0);
  }, 600_000);
});
