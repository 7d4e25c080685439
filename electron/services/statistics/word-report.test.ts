import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Statistics } from '../../ipc/schemas/statistics.js';
import { contentWidth } from '../forms/page.js';
import { statisticsWordReport } from './word-report.js';

/** The report's layout as written to word/document.xml (the PDF side is in report.test.ts). */

function statsOver(years: number[]): Statistics {
  const values = Object.fromEntries(years.map((y) => [String(y), 12]));
  return {
    fiscalYears: years,
    threshold: 3,
    main: [{ item: '複合的課題を抱える相談者（件数）', values }],
    breakdowns: {
      課題: [{ label: '8050', values }],
      世帯員数: [
        { label: '1人', values },
        { label: '合計', values },
      ],
    },
    suppression: { primary: 0, secondary: 0, explanation: '' },
  };
}

async function documentXml(stats: Statistics): Promise<string> {
  const { bytes } = await statisticsWordReport(
    stats,
    { municipalityName: '鹿屋市', departmentName: '福祉政策課' },
    '2026-05-01',
  );
  return (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
}

function gridWidths(xml: string): number[][] {
  return [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((grid) =>
    [...(grid[1] ?? '').matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1])),
  );
}

describe('統計の Word 報告書のレイアウト', () => {
  it('4年度までは縦、5年度以上は横の A4 で、どの表も本文の幅いっぱい・年度の列は同じ幅', async () => {
    for (const [years, orientation] of [
      [[2022, 2023, 2024, 2025], 'portrait'],
      [[2020, 2021, 2022, 2023, 2024, 2025], 'landscape'],
    ] as const) {
      const xml = await documentXml(statsOver([...years]));
      expect(/w:orient="landscape"/.test(xml)).toBe(orientation === 'landscape');
      const grids = gridWidths(xml).filter((g) => g.length === years.length + 1);
      expect(grids).toHaveLength(3);
      for (const grid of grids) {
        expect(grid.reduce((a, b) => a + b, 0)).toBe(contentWidth(orientation));
        expect(new Set(grid.slice(1)).size).toBe(1);
        expect(grid[0]).toBeGreaterThanOrEqual(3600);
      }
    }
  });

  it('表の行は最後の行を除いて次の行と同じページに置かれ、表が見出しから離れない', async () => {
    const xml = await documentXml(statsOver([2024, 2025]));
    const tables = [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/g)].map((t) => t[1] ?? '');
    // The header's own table, then 主な表, 課題, 世帯員数 (the header lives in header1.xml).
    const sizeTable = tables.find((t) => t.includes('1人')) ?? '';
    const rows = [...sizeTable.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((r) => r[1] ?? '');
    const bodyRows = rows.slice(1);
    expect(bodyRows).toHaveLength(2);
    expect(bodyRows[0]).toContain('<w:keepNext/>');
    expect(bodyRows[1]).not.toContain('<w:keepNext/>');
  });
});
