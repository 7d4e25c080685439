import { useQuery } from '@tanstack/react-query';
import { type MeetingKind, statutoryMeetingLabels } from '../../../electron/domain/meeting';
import { read } from '../queries';

export type KindLabels = Record<MeetingKind, string>;

/** The office's names for the two kinds of meeting (事務所の設定 → 会議の名称); the statutory ones until the settings arrive. */
export function useKindLabels(): KindLabels {
  const settings = useQuery(read('settings.get', {}));
  return settings.data?.meetingLabels ?? statutoryMeetingLabels;
}
