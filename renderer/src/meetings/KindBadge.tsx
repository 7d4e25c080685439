import type { MeetingKind } from '../../../electron/domain/meeting';
import { Badge } from '../ui/Badge';
import { useKindLabels } from './labels';

/** 重層的支援会議 / 支援会議 in the office's wording; the colour follows the kind, not the text. */
export function KindBadge({ kind }: { kind: MeetingKind }) {
  const labels = useKindLabels();
  return <Badge tone={kind === 'consented' ? 'info' : 'warning'}>{labels[kind]}</Badge>;
}
