import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { confidentialityWarning } from './legal.js';

describe('159条の警告文（resources/legal/ から、施行日で選ぶ）', () => {
  it('2025年6月1日からは「1年以下の拘禁刑又は100万円以下の罰金」', () => {
    const text = confidentialityWarning('2025-06-01');
    expect(text.body).toContain('1年以下の拘禁刑又は100万円以下の罰金');
    expect(text.footer).toContain('拘禁刑');
    expect(text.version).toBe('2025-06-01');
  });

  it('それより前の行為には旧来の「懲役」の文面が使われる', () => {
    const text = confidentialityWarning('2025-05-31');
    expect(text.body).toContain('1年以下の懲役又は100万円以下の罰金');
    expect(text.body).not.toContain('拘禁刑');
  });

  it('本文は部品のコードではなく resources/legal/ のファイルにある', () => {
    const raw = readFileSync('resources/legal/confidentiality.json', 'utf8');
    expect(raw).toContain(confidentialityWarning('2026-11-22').body);
  });
});
