import type { UseFormRegisterReturn } from 'react-hook-form';
import { agencyDisplayName, groupByField } from '../../../../electron/domain/agency';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { cx } from '../../ui/cx';
import fieldStyles from '../../ui/Field.module.css';
import styles from './ScopePicker.module.css';

interface ScopePickerProps {
  agencies: readonly Agency[];
  allAgencies: boolean;
  allAgenciesField: UseFormRegisterReturn<'allAgencies'>;
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}

/** 範囲: the agencies that may receive the household's information, or every agency that attends. */
export function ScopePicker({
  agencies,
  allAgencies,
  allAgenciesField,
  value,
  onChange,
  error,
}: ScopePickerProps) {
  const chosen = new Set(value);
  return (
    <ChoiceGroup
      legend="範囲"
      required
      hint="情報を共有してよい機関です。会議に出席する機関すべてに同意を得た場合は「出席する全機関」を選びます。"
      error={error}
    >
      <label className={cx(fieldStyles.choice, styles.scopeAll)}>
        <input type="checkbox" {...allAgenciesField} />
        出席する全機関
      </label>
      <div className={styles.scopeGroups} aria-disabled={allAgencies || undefined}>
        {groupByField(agencies, new Set()).map((group) => (
          <fieldset key={group.field} className={styles.scopeGroup} disabled={allAgencies}>
            <legend>{group.field}</legend>
            {group.agencies.map((agency) => (
              <label key={agency.id} className={cx(fieldStyles.choice, styles.scopeAgency)}>
                <input
                  type="checkbox"
                  checked={chosen.has(agency.id)}
                  onChange={(event) =>
                    onChange(
                      event.target.checked ? [...value, agency.id] : value.filter((v) => v !== agency.id),
                    )
                  }
                />
                {agencyDisplayName(agency)}
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </ChoiceGroup>
  );
}
