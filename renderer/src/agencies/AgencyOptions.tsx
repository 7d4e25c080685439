import { agencyDisplayName, groupByField } from '../../../electron/domain/agency';
import type { Agency } from '../../../electron/ipc/schemas/agencies';

/** `<option>`s under one `<optgroup>` per 分野, for a plain `<select>`; a retired agency only when chosen. */
export function AgencyOptions({ agencies, keep }: { agencies: readonly Agency[]; keep?: string | null }) {
  return (
    <>
      {groupByField(agencies, new Set(keep ? [keep] : [])).map((group) => (
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
