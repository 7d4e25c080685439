import { formatWareki } from './dates.js';
import { type HouseholdStatus, statusLabels } from './household.js';

/** One change in a household's status history (rule 17); voided changes are not passed in. */
export interface StatusChangeFact {
  status: HouseholdStatus;
  /** YYYY-MM-DD */
  on: string;
  /** The order the changes were recorded in; a 訂正 keeps its place. */
  seq: number;
}

export type StatusAction = 'received' | 'start' | 'close' | 'reopen';
export const statusActionLabels: Record<StatusAction, string> = {
  received: '受付',
  start: '支援開始',
  close: '終結',
  reopen: '再開',
};

/** The history in the order it was recorded (a consistent history is also in date order). */
export function orderedHistory<C extends StatusChangeFact>(changes: readonly C[]): C[] {
  return [...changes].sort((a, b) => a.seq - b.seq);
}

/** What a change did, read from the status before it: 支援中 after 終結 is a 再開. */
export function statusAction(previous: HouseholdStatus | null, next: HouseholdStatus): StatusAction | null {
  if (previous === null) return next === 'received' ? 'received' : null;
  if (next === 'active') return previous === 'received' ? 'start' : previous === 'closed' ? 'reopen' : null;
  if (next === 'closed') return previous === 'closed' ? null : 'close';
  return null;
}

/**
 * A household's state at the end of `day`: the status of the last recorded change dated on or before
 * that day, or null before it was received. The list, the detail, the timeline and the statistics all
 * ask this, so they cannot disagree even about a history recorded before rule 17 was enforced.
 */
export function householdStatusOn(changes: readonly StatusChangeFact[], day: string): HouseholdStatus | null {
  // The last in recorded order, without sorting a copy (世帯一覧 asks this of every row it shows);
  // of changes with one seq, the later given, as a stable sort would leave them.
  let last: StatusChangeFact | null = null;
  for (const change of changes)
    if (change.on <= day && (last === null || change.seq >= last.seq)) last = change;
  return last?.status ?? null;
}

export interface StatusHistoryProblem {
  /** Index into the ordered history of the change the problem is about. */
  index: number;
  message: string;
}

const w = (iso: string) => formatWareki(iso, { weekday: false });

/**
 * Rule 17 over a whole history in recorded order (as it would be after a change, a 訂正 or a 取消): it
 * starts with 受付, each change follows from the one before and is not dated before it or before the
 * 受付日, 再開 comes after the 終結 day, and nothing is dated after today. Messages name the dates.
 */
export function statusHistoryProblems(
  receivedOn: string,
  changes: readonly StatusChangeFact[],
  today: string,
): StatusHistoryProblem[] {
  const history = orderedHistory(changes);
  const problems: StatusHistoryProblem[] = [];
  let previous: StatusChangeFact | null = null;
  let previousLabel = '';
  history.forEach((change, index) => {
    const action = statusAction(previous?.status ?? null, change.status);
    const label = action ? statusActionLabels[action] : statusLabelOf(change.status);
    if (change.on > today) {
      problems.push({
        index,
        message: `${label}日（${w(change.on)}）が今日（${w(today)}）より後です。まだ来ていない日付では記録できません。`,
      });
    } else if (change.on < receivedOn) {
      problems.push({
        index,
        message: `${label}日（${w(change.on)}）が受付日（${w(receivedOn)}）より前です。受付日以降の日付にしてください。`,
      });
    } else if (previous === null && change.status !== 'received') {
      problems.push({ index, message: '状態の記録が「受付」から始まっていません。' });
    } else if (previous !== null && action === null) {
      problems.push({
        index,
        message: `「${statusLabelOf(previous.status)}」（${w(previous.on)}）の次に「${statusLabelOf(change.status)}」は記録できません。`,
      });
    } else if (previous !== null && change.on < previous.on) {
      problems.push({
        index,
        message: `${label}日（${w(change.on)}）が、その前の「${previousLabel}」（${w(previous.on)}）より前です。状態の変更は前の変更と同じ日か、それより後の日付にしてください。`,
      });
    } else if (action === 'reopen' && previous !== null && change.on <= previous.on) {
      problems.push({
        index,
        message: `再開日（${w(change.on)}）は終結日（${w(previous.on)}）より後の日付にしてください。終結した日のうちに再開はできません。`,
      });
    }
    previous = change;
    previousLabel = label;
  });
  return problems;
}

const statusLabelOf = (status: HouseholdStatus) => statusLabels[status];
