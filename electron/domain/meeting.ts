import { z } from 'zod';

/** consented: 重層的支援会議 (the household consented); unconsented: 支援会議 (社会福祉法106条の6). */
export const meetingKindSchema = z.enum(['consented', 'unconsented']);
export type MeetingKind = z.infer<typeof meetingKindSchema>;

/** The statutory names; an office may rename them in its settings, never change the kind. */
export const statutoryMeetingLabels: Record<MeetingKind, string> = {
  consented: '重層的支援会議',
  unconsented: '支援会議',
};

export const planStatusSchema = z.enum(['none', 'draft', 'final']);
export type PlanStatus = z.infer<typeof planStatusSchema>;
export const planStatusLabels: Record<PlanStatus, string> = {
  none: '未作成',
  draft: '作成中',
  final: '確定',
};
