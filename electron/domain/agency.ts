import { z } from 'zod';

/** 分野 of the 関係機関, in the office's order: every list of agencies is grouped in this order. */
export const agencyFields = [
  '高齢',
  '障がい',
  '子ども',
  '生活困窮',
  '保健・医療',
  '教育',
  '地域',
  '司法・警察',
  '行政',
  'その他',
] as const;
export const agencyFieldSchema = z.enum(agencyFields, { message: '分野を選んでください' });
export type AgencyField = z.infer<typeof agencyFieldSchema>;

interface AgencyLike {
  id: string;
  field: string;
  name: string;
  department: string;
  retired: boolean;
}

export interface AgencyGroup<A> {
  field: AgencyField;
  agencies: A[];
}

/**
 * Agencies grouped by 分野 in the office's order, empty 分野 left out. Retired agencies stay only when
 * `keep` names them (already chosen) or when `keep` is 'all'.
 */
export function groupByField<A extends AgencyLike>(
  agencies: readonly A[],
  keep: ReadonlySet<string> | 'all' = 'all',
): AgencyGroup<A>[] {
  const offered = keep === 'all' ? agencies : agencies.filter((a) => !a.retired || keep.has(a.id));
  return agencyFields
    .map((field) => ({ field, agencies: offered.filter((a) => a.field === field) }))
    .filter((group) => group.agencies.length > 0);
}

/** 機関名 部署名, marked （使用終了） when the agency is no longer used. */
export function agencyDisplayName(agency: AgencyLike): string {
  const name = agency.department ? `${agency.name} ${agency.department}` : agency.name;
  return agency.retired ? `${name}（使用終了）` : name;
}
