import { describe, expect, it } from 'vitest';
import { importMemoryBudgetMb, measureImportMemory } from './import-memory.js';

/** The largest accepted ledger is `npm run soak`'s (about 200,000 rows); CI imports a sixth of it. */
const ciLedger = { households: 3_000, perHousehold: 3 };

describe(`取り込みのメモリは、受け付けるどのファイルでも ${importMemoryBudgetMb}MB まで（CI は最大の台帳の約6分の1、npm run soak で最大）`, () => {
  it('世帯3,000・世帯員9,000・会議3,000…（36,000行）の CSV を kasane import で取り込み、プロセスのメモリの山を測る', async () => {
    const report = await measureImportMemory(ciLedger);
    expect({ code: report.code, stderr: report.stderr }).toEqual({ code: 0, stderr: '' });
    expect(report.stdout).toContain(
      '取り込みました: 世帯 3000件、世帯員 9000人、家族関係 6000件、同意 0件、新しい機関 3件、会議 3000件、出席者 9000人、プラン 6000行',
    );
    expect(report.peakMb).toBeGreaterThan(0);
    expect(report.peakMb).toBeLessThan(importMemoryBudgetMb);
  }, 900_000);
});
