import { type Agency, agencyFields } from '../../../electron/ipc/schemas/agencies';

/** Agencies grouped by 分野 in the office's order; retired ones only when already chosen. */
export function groupAgencies(
  agencies: readonly Agency[],
  keep: ReadonlySet<string> = new Set(),
): { field: string; agencies: Agency[] }[] {
  const offered = agencies.filter((a) => !a.retired || keep.has(a.id));
  return agencyFields
    .map((field) => ({ field, agencies: offered.filter((a) => a.field === field) }))
    .filter((group) => group.agencies.length > 0);
}

export function agencyName(agency: Agency): string {
  const name = agency.department ? `${agency.name} ${agency.department}` : agency.name;
  return agency.retired ? `${name}（使用終了）` : name;
}

/** `<option>`s under one `<optgroup>` per 分野, for a plain `<select>`. */
export function AgencyOptions({ agencies, keep }: { agencies: readonly Agency[]; keep?: string | null }) {
  return (
    <>
      {groupAgencies(agencies, new Set(keep ? [keep] : [])).map((group) => (
        <optgroup key={group.field} label={group.field}>
          {group.agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {agencyName(a)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
