import { type Agency, agencyFields } from '../../../electron/ipc/schemas/agencies';

/** 機関名 部署名, marked when the agency is no longer used. */
export function agencyDisplayName(agency: Agency): string {
  const name = agency.department ? `${agency.name} ${agency.department}` : agency.name;
  return agency.retired ? `${name}（使用終了）` : name;
}

/** Agencies grouped by 分野 in the office's order; retired ones only when already chosen. */
export function agenciesByField(
  agencies: readonly Agency[],
  keep: ReadonlySet<string> = new Set(),
): { field: string; agencies: Agency[] }[] {
  const offered = agencies.filter((a) => !a.retired || keep.has(a.id));
  return agencyFields
    .map((field) => ({ field, agencies: offered.filter((a) => a.field === field) }))
    .filter((group) => group.agencies.length > 0);
}

/** `<option>`s under one `<optgroup>` per 分野. */
export function AgencyOptions({ agencies, keep }: { agencies: readonly Agency[]; keep: string }) {
  return (
    <>
      {agenciesByField(agencies, new Set([keep])).map((group) => (
        <optgroup key={group.field} label={group.field}>
          {group.agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {agencyDisplayName(a)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
