import { describe, expect, it } from 'vitest';
import { formatWarekiDate, formatWarekiDateTime, officeDate } from './office-day.js';

describe('事務所の今日（日本時間）', () => {
  it('PC の時間帯にかかわらず日本時間の日付', () => {
    expect(officeDate(new Date('2026-11-21T14:59:59Z'))).toBe('2026-11-21');
    expect(officeDate(new Date('2026-11-21T15:00:00Z'))).toBe('2026-11-22');
  });

  it('日付は和暦と曜日、時刻つきは日本時間の時刻を添える', () => {
    expect(formatWarekiDate('2026-11-22')).toBe('令和8年11月22日（日）');
    // 23:30 UTC on the 21st is already the 22nd in Japan.
    expect(formatWarekiDate(new Date('2026-11-21T23:30:00Z'))).toBe('令和8年11月22日（日）');
    expect(formatWarekiDateTime('2026-11-21T23:30:00Z')).toBe('令和8年11月22日（日） 08:30');
    expect(formatWarekiDateTime('not a date')).toBe('');
  });
});
