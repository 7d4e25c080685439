import { agencyDisplayName, groupByField } from '../../../../electron/domain/agency';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import fieldStyles from '../../ui/Field.module.css';
import tagPickerStyles from '../../ui/TagPicker.module.css';
import styles from './MonitoringPicker.module.css';

interface MonitoringPickerProps {
  agencies: readonly Agency[];
  /** Agencies at this meeting: offered first. */
  attending: readonly string[];
  value: readonly string[];
  onChange: (next: string[]) => void;
}

/** モニタリング機関: toggle chips (checkboxes underneath, so Tab and Space work), attending agencies first. */
export function MonitoringPicker({ agencies, attending, value, onChange }: MonitoringPickerProps) {
  const chosen = new Set(value);
  const present = new Set(attending);
  const first = agencies.filter((a) => present.has(a.id));
  const others = groupByField(
    agencies.filter((a) => !present.has(a.id)),
    chosen,
  );
  const chip = (agency: Agency) => (
    <label key={agency.id} className={tagPickerStyles.choice}>
      <input
        type="checkbox"
        checked={chosen.has(agency.id)}
        onChange={(event) =>
          onChange(event.target.checked ? [...value, agency.id] : value.filter((id) => id !== agency.id))
        }
      />
      <span>{agencyDisplayName(agency)}</span>
    </label>
  );
  return (
    <fieldset className={fieldStyles.group} aria-describedby="mt-monitoring-hint">
      <legend>モニタリング機関</legend>
      <p className={fieldStyles.hint} id="mt-monitoring-hint">
        様式5の表の下に載ります。会議に出席した機関を先に表示しています。
      </p>
      {first.length > 0 && (
        <div className={styles.monitoringGroup}>
          <span className={styles.monitoringField}>出席機関</span>
          <div className={tagPickerStyles.options}>{first.map(chip)}</div>
        </div>
      )}
      {others.map((group) => (
        <div key={group.field} className={styles.monitoringGroup}>
          <span className={styles.monitoringField}>{group.field}</span>
          <div className={tagPickerStyles.options}>{group.agencies.map(chip)}</div>
        </div>
      ))}
    </fieldset>
  );
}
