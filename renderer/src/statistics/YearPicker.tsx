import { fiscalYearLabel } from '../../../electron/domain/fiscal-year';
import { cx } from '../ui/cx';
import fieldStyles from '../ui/Field.module.css';
import styles from './YearPicker.module.css';

/** The most 年度 one count accepts (the contract's limit). */
const maxYears = 10;

interface YearPickerProps {
  years: readonly number[];
  current: number;
  selected: readonly number[];
  onChange: (next: number[]) => void;
}

/** 年度 as toggles, newest first; Space ticks one, Tab moves on. */
export function YearPicker({ years, current, selected, onChange }: YearPickerProps) {
  const full = selected.length >= maxYears;
  function toggle(fy: number, on: boolean) {
    const next = on ? [...selected, fy] : selected.filter((y) => y !== fy);
    onChange([...new Set(next)].sort((a, b) => a - b));
  }
  return (
    <fieldset className={cx(fieldStyles.group, styles.years)}>
      <legend>年度</legend>
      <div className={styles.yearOptions}>
        {years.map((fy) => {
          const checked = selected.includes(fy);
          return (
            <label key={fy} className={styles.year}>
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && full}
                onChange={(event) => toggle(fy, event.target.checked)}
              />
              <span>
                {fiscalYearLabel(fy)}
                {fy === current && <small>（今年度）</small>}
              </span>
            </label>
          );
        })}
      </div>
      {full && <p className={fieldStyles.hint}>一度に選べる年度は{maxYears}までです。</p>}
    </fieldset>
  );
}
