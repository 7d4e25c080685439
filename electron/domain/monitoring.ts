import { z } from 'zod';

/** モニタリング (rule 19): how a plan row stands on the day it was checked. */
export const monitoringStatusSchema = z.enum(
  ['ongoing', 'achieved', 'partlyAchieved', 'notDone', 'needsReview'],
  { message: '実施状況を選んでください' },
);
export type MonitoringStatus = z.infer<typeof monitoringStatusSchema>;
export const monitoringStatusLabels: Record<MonitoringStatus, string> = {
  ongoing: '実施中',
  achieved: '達成',
  partlyAchieved: '一部達成',
  notDone: '未実施',
  needsReview: '見直しが必要',
};

/** 評価 (rule 20): how far a plan row's 目標 was reached when the household was closed. */
export const achievementSchema = z.enum(['achieved', 'partlyAchieved', 'notAchieved'], {
  message: '達成状況を選んでください',
});
export type Achievement = z.infer<typeof achievementSchema>;
export const achievementLabels: Record<Achievement, string> = {
  achieved: '達成',
  partlyAchieved: '一部達成',
  notAchieved: '未達成',
};

/**
 * 様式3's 検討内容 for the next meeting, seeded from a row's latest モニタリング: 「【前回の実施状況】
 * 一部達成（令和8年6月1日 地域包括支援センター）…」. The coordinator edits it before printing.
 */
export function reviewSeed(
  latest: { status: MonitoringStatus; on: string; by: string | null; note: string } | null,
  formatDate: (iso: string) => string,
): string {
  if (!latest) return '';
  const who = latest.by ? ` ${latest.by}` : '';
  const head = `【前回の実施状況】${monitoringStatusLabels[latest.status]}（${formatDate(latest.on)}${who}）`;
  return latest.note ? `${head}\n${latest.note}` : head;
}
