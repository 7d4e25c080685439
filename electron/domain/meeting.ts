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

/**
 * 会次第 (様式2) by default. A 支援会議 without plan rows decides how to watch over the household, not
 * who takes which role, so it has no 役割分担 item.
 */
export function defaultAgenda(kind: MeetingKind, hasPlan: boolean): string[] {
  const middle = kind === 'consented' || hasPlan ? '当面の支援方針及び役割分担' : '見守り体制と今後の対応';
  return ['開会', '参加機関紹介', '現状及び課題の共有', middle, 'その他（次回開催予定）', '閉会'];
}
