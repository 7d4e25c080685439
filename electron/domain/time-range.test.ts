import { describe, expect, it } from 'vitest';
import { timeRange } from './time-range.js';

describe('時間帯の表記（14:00～15:30）', () => {
  it('時の頭に0を付けず、全角の波ダッシュでつなぐ', () => {
    expect(timeRange('09:00', '15:30')).toBe('9:00～15:30');
    expect(timeRange('14:00', null)).toBe('14:00～');
    expect(timeRange(null, '09:30')).toBe('～9:30');
    expect(timeRange(null, null)).toBe('');
  });
});
