import { describe, expect, it } from 'vitest';
import { householdStatusOn, type StatusChangeFact, statusHistoryProblems } from './status-history.js';

const change = (seq: number, status: StatusChangeFact['status'], on: string): StatusChangeFact => ({
  seq,
  status,
  on,
});
const today = '2026-11-30';

describe('状態の履歴は矛盾しない（規則17）', () => {
  const history = [
    change(1, 'received', '2026-04-10'),
    change(2, 'active', '2026-05-01'),
    change(3, 'closed', '2026-09-30'),
    change(4, 'active', '2026-10-01'),
  ];

  it('受付 → 支援開始 → 終結 → 再開（終結の翌日）は問題なし', () => {
    expect(statusHistoryProblems('2026-04-10', history, today)).toEqual([]);
  });

  it('ある日の状態は、その日までの最後の変更で決まり、受付前は null', () => {
    expect(householdStatusOn(history, '2026-04-09')).toBeNull();
    expect(householdStatusOn(history, '2026-04-10')).toBe('received');
    expect(householdStatusOn(history, '2026-05-01')).toBe('active');
    expect(householdStatusOn(history, '2026-09-30')).toBe('closed');
    expect(householdStatusOn(history, '2026-10-01')).toBe('active');
  });

  it('変更が記録順に並んでいなくても（一覧の行から読んだとき）、記録順の最後で決まる', () => {
    const days = ['2026-04-09', '2026-04-10', '2026-05-01', '2026-09-30', '2026-10-01', '2026-12-01'];
    const reversed = history.toReversed();
    const rotated = [...history.slice(2), ...history.slice(0, 2)];
    for (const day of days) {
      expect(householdStatusOn(reversed, day), day).toBe(householdStatusOn(history, day));
      expect(householdStatusOn(rotated, day), day).toBe(householdStatusOn(history, day));
    }
    // A 訂正 recorded later but dated earlier still counts after the changes recorded before it.
    const corrected = [
      change(3, 'active', '2026-05-02'),
      change(1, 'received', '2026-04-10'),
      change(2, 'closed', '2026-06-01'),
    ];
    expect(householdStatusOn(corrected, '2026-06-30')).toBe('active');
  });

  it('今日より後の終結は断り、日付と理由を言う', () => {
    const problems = statusHistoryProblems(
      '2026-04-10',
      [...history.slice(0, 2), change(3, 'closed', '2026-12-05')],
      today,
    );
    expect(problems).toEqual([
      {
        index: 2,
        message:
          '終結日（令和8年12月5日）が今日（令和8年11月30日）より後です。まだ来ていない日付では記録できません。',
      },
    ]);
  });

  it('終結日と同じ日や前の日の再開は断る', () => {
    const sameDay = [...history.slice(0, 3), change(4, 'active', '2026-09-30')];
    expect(statusHistoryProblems('2026-04-10', sameDay, today)[0]?.message).toBe(
      '再開日（令和8年9月30日）は終結日（令和8年9月30日）より後の日付にしてください。終結した日のうちに再開はできません。',
    );
    const before = [...history.slice(0, 3), change(4, 'active', '2026-09-01')];
    expect(statusHistoryProblems('2026-04-10', before, today)[0]?.message).toMatch(
      /^再開日（令和8年9月1日）が、その前の「終結」（令和8年9月30日）より前です。/,
    );
  });

  it('支援開始は受付日より前にできない', () => {
    const problems = statusHistoryProblems(
      '2026-04-10',
      [change(1, 'received', '2026-04-10'), change(2, 'active', '2026-04-01')],
      today,
    );
    expect(problems[0]?.message).toBe(
      '支援開始日（令和8年4月1日）が受付日（令和8年4月10日）より前です。受付日以降の日付にしてください。',
    );
  });

  it('順序に合わない変更（受付の次に再開、終結の次に終結）は断る', () => {
    expect(
      statusHistoryProblems(
        '2026-04-10',
        [
          change(1, 'received', '2026-04-10'),
          change(2, 'closed', '2026-05-01'),
          change(3, 'closed', '2026-06-01'),
        ],
        today,
      )[0]?.message,
    ).toBe('「終結」（令和8年5月1日）の次に「終結」は記録できません。');
  });

  it('規則17以前の矛盾した履歴でも、どの日の状態も一つに決まる（記録順で最後の変更）', () => {
    const legacy = [
      change(1, 'received', '2026-11-01'),
      change(2, 'closed', '2026-12-05'),
      change(3, 'active', '2026-11-20'),
    ];
    expect(householdStatusOn(legacy, '2026-11-30')).toBe('active');
    expect(householdStatusOn(legacy, '2026-12-06')).toBe('active');
    expect(statusHistoryProblems('2026-11-01', legacy, today).length).toBeGreaterThan(0);
  });
});
