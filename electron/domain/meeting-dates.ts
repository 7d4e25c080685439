import { formatWareki } from './dates.js';

export interface MeetingDates {
  /** 開催日 */
  heldOn: string;
  /** 発信日 of the notice (様式1) */
  issuedOn: string;
  /** 回答期限, if the notice asks for a reply */
  replyBy: string | null;
}

export interface MeetingDateProblem {
  field: 'issuedOn' | 'replyBy';
  message: string;
}

const w = (iso: string) => formatWareki(iso, { weekday: false });

/** Rule 18: 発信日 ≤ 回答期限 ≤ 開催日 (and 発信日 ≤ 開催日 when there is no 回答期限). */
export function meetingDateProblems({ heldOn, issuedOn, replyBy }: MeetingDates): MeetingDateProblem[] {
  const problems: MeetingDateProblem[] = [];
  if (issuedOn > heldOn)
    problems.push({
      field: 'issuedOn',
      message: `発信日（${w(issuedOn)}）が開催日（${w(heldOn)}）より後です。通知は開催日までに出す日付にしてください。`,
    });
  if (replyBy !== null && replyBy < issuedOn)
    problems.push({
      field: 'replyBy',
      message: `回答期限（${w(replyBy)}）が発信日（${w(issuedOn)}）より前です。発信日から開催日までの日付にしてください。`,
    });
  if (replyBy !== null && replyBy > heldOn)
    problems.push({
      field: 'replyBy',
      message: `回答期限（${w(replyBy)}）が開催日（${w(heldOn)}）より後です。開催日までの日付にしてください。`,
    });
  return problems;
}
