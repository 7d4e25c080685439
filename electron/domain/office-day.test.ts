import { describe, expect, it } from 'vitest';
import { formatWarekiDate, formatWarekiDateTime, officeDate } from './office-day.js';

describe('事務所の今日（日本時間）', () => {
  it('PC の時間帯にかかわらず日本時間の日付', () => {
    expect(officeDate(new Date('2026-11-21T14:59:59Z'))).toBe('2026-11-21');
    expect(officeDate(new Date('2026-11-21T15:00:00Z'))).toBe('2026-11-22');
  });

  it('日本時間の9時間ずらしは、Intl の Asia/Tokyo と1952年から2100年まで同じ日付になる', () => {
    const tokyo = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short' });
    const from = Date.UTC(1952, 0, 1);
    const to = Date.UTC(2100, 11, 31);
    const differing: string[] = [];
    // Every 7 h 13 min lands on every hour of the day over the years; each midnight's two sides too.
    for (let t = from; t <= to; t += (7 * 60 + 13) * 60_000) {
      const at = new Date(t);
      if (officeDate(at) !== tokyo.format(at)) differing.push(at.toISOString());
    }
    for (let day = from; day <= to; day += 86_400_000 * 17) {
      for (const at of [new Date(day - 9 * 3_600_000 - 1), new Date(day - 9 * 3_600_000)])
        if (officeDate(at) !== tokyo.format(at)) differing.push(at.toISOString());
    }
    expect(differing).toEqual([]);
  });

  it('日付は和暦と曜日、時刻つきは日本時間の時刻を添える', () => {
    expect(formatWarekiDate('2026-11-22')).toBe('令和8年11月22日（日）');
    // 23:30 UTC on the 21st is already the 22nd in Japan.
    expect(formatWarekiDate(new Date('2026-11-21T23:30:00Z'))).toBe('令和8年11月22日（日）');
    expect(formatWarekiDateTime('2026-11-21T23:30:00Z')).toBe('令和8年11月22日（日） 08:30');
    expect(formatWarekiDateTime('not a date')).toBe('');
  });
});
