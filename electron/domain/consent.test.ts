import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agencyInScope,
  type ConsentPeriod,
  consentOn,
  consentState,
  consentValidDuring,
  consentValidOn,
} from './consent.js';

const obtained = (obtainedOn: string, withdrawnOn: string | null = null): ConsentPeriod => ({
  obtainedOn,
  withdrawnOn,
});

describe('本人同意の有効性（ルール1）', () => {
  it('取得日から有効、撤回日からは無効', () => {
    const c = obtained('2024-04-01', '2024-10-01');
    expect(consentValidOn(c, '2024-03-31')).toBe(false);
    expect(consentValidOn(c, '2024-04-01')).toBe(true);
    expect(consentValidOn(c, '2024-09-30')).toBe(true);
    expect(consentValidOn(c, '2024-10-01')).toBe(false);
  });

  it('状態は記録から決まる：同意あり・撤回・同意なし', () => {
    expect(consentState([], '2024-05-01')).toBe('none');
    expect(consentState([obtained('2024-06-01')], '2024-05-01')).toBe('none');
    expect(consentState([obtained('2024-04-01')], '2024-05-01')).toBe('granted');
    expect(consentState([obtained('2024-04-01', '2024-05-01')], '2024-05-01')).toBe('withdrawn');
    expect(consentState([obtained('2024-04-01', '2024-05-01'), obtained('2024-05-01')], '2024-05-01')).toBe(
      'granted',
    );
  });

  it('その日に有効な同意は最後に取得したもの', () => {
    const first = obtained('2024-04-01');
    const second = obtained('2024-06-01');
    expect(consentOn([first, second], '2024-05-01')).toBe(first);
    expect(consentOn([first, second], '2024-07-01')).toBe(second);
    expect(consentOn([obtained('2024-04-01', '2024-04-02')], '2024-05-01')).toBeNull();
  });

  it('期間中に1日でも有効なら、その期間に同意があったことになる（日ごとの判定と一致する）', () => {
    const day = fc
      .integer({ min: 0, max: 60 })
      .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.option(day), day, day, (from, until, a, b) => {
        const record = obtained(from, until);
        const [start, end] = a <= b ? [a, b] : [b, a];
        const days: string[] = [];
        for (
          let d = new Date(`${start}T00:00:00Z`);
          d.toISOString().slice(0, 10) <= end;
          d.setUTCDate(d.getUTCDate() + 1)
        )
          days.push(d.toISOString().slice(0, 10));
        expect(consentValidDuring(record, start, end)).toBe(days.some((d) => consentValidOn(record, d)));
      }),
    );
  });

  it('支援会議には範囲がなく、重層的支援会議は有効な同意の範囲の機関だけ', () => {
    const scope = { allAgencies: false, agencyIds: ['a'] };
    expect(agencyInScope(scope, 'a', 'consented')).toBe(true);
    expect(agencyInScope(scope, 'b', 'consented')).toBe(false);
    expect(agencyInScope({ allAgencies: true, agencyIds: [] }, 'b', 'consented')).toBe(true);
    expect(agencyInScope(null, 'b', 'consented')).toBe(false);
    expect(agencyInScope(null, 'b', 'unconsented')).toBe(true);
  });
});
