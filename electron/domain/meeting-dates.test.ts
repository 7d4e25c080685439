import { describe, expect, it } from 'vitest';
import { meetingDateProblems } from './meeting-dates.js';

describe('会議の日付は 発信日 ≤ 回答期限 ≤ 開催日（規則18）', () => {
  it('順に並んでいれば問題なし（同じ日も可）', () => {
    expect(
      meetingDateProblems({ issuedOn: '2026-11-01', replyBy: '2026-11-10', heldOn: '2026-11-20' }),
    ).toEqual([]);
    expect(
      meetingDateProblems({ issuedOn: '2026-11-20', replyBy: '2026-11-20', heldOn: '2026-11-20' }),
    ).toEqual([]);
    expect(meetingDateProblems({ issuedOn: '2026-11-01', replyBy: null, heldOn: '2026-11-20' })).toEqual([]);
  });

  it('開催日より後の発信日は断る', () => {
    expect(meetingDateProblems({ issuedOn: '2026-11-21', replyBy: null, heldOn: '2026-11-20' })).toEqual([
      {
        field: 'issuedOn',
        message:
          '発信日（令和8年11月21日）が開催日（令和8年11月20日）より後です。通知は開催日までに出す日付にしてください。',
      },
    ]);
  });

  it('開催日より後、発信日より前の回答期限は断る', () => {
    expect(
      meetingDateProblems({ issuedOn: '2026-11-01', replyBy: '2026-11-25', heldOn: '2026-11-20' }).map(
        (p) => p.field,
      ),
    ).toEqual(['replyBy']);
    expect(
      meetingDateProblems({ issuedOn: '2026-11-05', replyBy: '2026-11-01', heldOn: '2026-11-20' })[0]
        ?.message,
    ).toBe(
      '回答期限（令和8年11月1日）が発信日（令和8年11月5日）より前です。発信日から開催日までの日付にしてください。',
    );
  });
});
