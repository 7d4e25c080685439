import { type Agency, agencyFields } from '../../../electron/ipc/schemas/agencies';

export type AgencyField = (typeof agencyFields)[number];

/** Full-width and half-width, upper and lower case all match: 「ｾﾝﾀｰ」 finds 「センター」. */
function normalized(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function matchesSearch(agency: Agency, search: string): boolean {
  const words = normalized(search).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalized(
    [agency.name, agency.department, agency.phone, agency.email, agency.address, agency.contactPerson].join(
      '\n',
    ),
  );
  return words.every((word) => haystack.includes(word));
}

export interface AgencyGroup {
  field: AgencyField;
  agencies: Agency[];
}

/** In the order of the 分野 list, empty 分野 left out. */
export function groupByField(agencies: readonly Agency[]): AgencyGroup[] {
  return agencyFields
    .map((field) => ({ field, agencies: agencies.filter((a) => a.field === field) }))
    .filter((group) => group.agencies.length > 0);
}
