import { z } from 'zod';

/** ホーム「今日の仕事」: what an upcoming meeting still lacks. */
export const preparationGapSchema = z.enum([
  'noAttendees',
  'noticeNotIssued',
  'replyOverdue',
  'attendanceUnconfirmed',
]);
export type PreparationGap = z.infer<typeof preparationGapSchema>;
export const preparationGapLabels: Record<PreparationGap, string> = {
  noAttendees: '出席者が未登録',
  noticeNotIssued: '開催通知（様式1）が未発行',
  replyOverdue: '回答期限を過ぎて出欠未確認',
  attendanceUnconfirmed: '出欠未確認',
};

/** 出欠 of one attendee: unknown until the agency answers the notice. */
export const attendanceSchema = z.enum(['unknown', 'attending', 'absent']);
export type Attendance = z.infer<typeof attendanceSchema>;
export const attendanceLabels: Record<Attendance, string> = {
  unknown: '未確認',
  attending: '出席',
  absent: '欠席',
};
