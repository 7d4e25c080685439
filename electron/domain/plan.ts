/** A 世帯支援プラン row is about one member, 危機介入, or その他. */
export type PlanRowTarget = 'member' | 'crisis' | 'other';

/**
 * 危機介入, その他, or the member by label with 続柄: 「A氏（本人）」, and with the name when names are
 * shown: 「A氏 山田 太郎（本人）」. `name` gives the name to show, or null for the label alone (rule 4).
 */
export function planRowHeading<M extends { label: string; relationship: string }>(
  row: { target: PlanRowTarget; member: M | null; memberLabel: string | null },
  name: (m: M) => string | null,
): string {
  if (row.target === 'crisis') return '危機介入';
  if (row.target === 'other') return 'その他';
  if (!row.member) return `${row.memberLabel ?? ''}氏`;
  const shown = name(row.member);
  const relationship = row.member.relationship.trim();
  return `${row.member.label}氏${shown ? ` ${shown}` : ''}${relationship ? `（${relationship}）` : ''}`;
}
