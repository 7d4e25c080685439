import { useQuery } from '@tanstack/react-query';
import type { MeetingKind } from '../../../electron/ipc/schemas/meetings';
import { settingsQuery } from '../settings/settingsQuery';

export type KindLabels = Record<MeetingKind, string>;

/** Until the settings arrive: the statutory names (the office may rename them, never the kind). */
const statutoryLabels: KindLabels = { consented: '重層的支援会議', unconsented: '支援会議' };

/** The office's names for the two kinds of meeting (事務所の設定 → 会議の名称). */
export function useKindLabels(): KindLabels {
  const settings = useQuery(settingsQuery);
  return settings.data?.meetingLabels ?? statutoryLabels;
}

export const planStatusLabels = { none: '未作成', draft: '作成中', final: '確定' } as const;

/** 14:00～15:30, 14:00～, or nothing. */
export function timeRange(start: string | null, end: string | null): string {
  if (!start && !end) return '';
  return `${start ?? ''}～${end ?? ''}`;
}
