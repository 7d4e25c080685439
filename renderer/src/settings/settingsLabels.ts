import type { OfficeSettings } from '../../../electron/ipc/contract';

/** Japanese names of the office settings, for the form and for the audit log's list of changed fields. */
export const settingsFieldLabels: Record<keyof OfficeSettings, string> = {
  municipalityName: '自治体名',
  departmentName: '部課名',
  senderTitle: '発信者職名',
  phone: '電話',
  email: 'メール',
  documentNumberPrefix: '文書番号の頭書き',
  noticeStyle: '開催通知の形式',
  replyBusinessDays: '回答期限（開催日の何開庁日前）',
  addresseeHonorific: '宛先の敬称',
  meetingLabels: '会議名称の表示',
  autoLockMinutes: '自動ロックまでの分数',
  statisticsThreshold: '統計の秘匿基準',
  deceasedMark: '家族構成図での死亡の表し方',
  upcomingMeetingDays: 'ホームに載せる会議（何日先まで）',
  quietHouseholdDays: '動きのない世帯（何日記録がないとき）',
  backupReminderDays: 'バックアップの催促（何日たったら）',
};
