import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { fiscalYearLabel, fiscalYearOf } from '../../../../electron/domain/fiscal-year';
import { householdStatusSchema, statusLabels, trackLabels } from '../../../../electron/domain/household';
import { officeDate } from '../../../../electron/domain/office-day';
import { read } from '../../queries';
import fieldStyles from '../../ui/Field.module.css';
import styles from './HouseholdFilters.module.css';
import type { ListFilters } from './listFilters';

interface HouseholdFiltersProps {
  filters: ListFilters;
  onChange: (next: ListFilters) => void;
  /** 受付日 of the rows on screen, so an older 年度 with data is offered too. */
  receivedDates: readonly string[];
}

/** 年度: this one and the four before it, plus any year the data or the current choice holds. */
function fiscalYearOptions(receivedDates: readonly string[], chosen: string): number[] {
  const current = fiscalYearOf(officeDate(new Date()));
  const years = new Set([0, 1, 2, 3, 4].map((back) => current - back));
  for (const iso of receivedDates) years.add(fiscalYearOf(iso));
  if (chosen) years.add(Number(chosen));
  return [...years].sort((a, b) => b - a);
}

export function HouseholdFilters({ filters, onChange, receivedDates }: HouseholdFiltersProps) {
  const id = useId();
  const tags = useQuery(read('issueTags.list', {}));
  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K]) =>
    onChange({ ...filters, [key]: value });

  return (
    <div className={styles.filters}>
      <div className={styles.filter}>
        <label htmlFor={`${id}-track`}>同意</label>
        <select
          id={`${id}-track`}
          className={fieldStyles.select}
          value={filters.track}
          onChange={(e) => set('track', e.target.value as ListFilters['track'])}
        >
          <option value="">すべて</option>
          <option value="consented">{trackLabels.consented}</option>
          <option value="unconsented">{trackLabels.unconsented}</option>
        </select>
      </div>
      <div className={styles.filter}>
        <label htmlFor={`${id}-status`}>状態</label>
        <select
          id={`${id}-status`}
          className={fieldStyles.select}
          value={filters.status}
          onChange={(e) => set('status', e.target.value as ListFilters['status'])}
        >
          <option value="">すべて</option>
          {householdStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.filter}>
        <label htmlFor={`${id}-issue`}>課題</label>
        <select
          id={`${id}-issue`}
          className={fieldStyles.select}
          value={filters.issue}
          onChange={(e) => set('issue', e.target.value)}
        >
          <option value="">すべて</option>
          {(tags.data ?? []).map((t) => (
            <option key={t.name} value={t.name}>
              {t.retired ? `${t.name}（使用終了）` : t.name}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.filter}>
        <label htmlFor={`${id}-year`}>年度（受付日）</label>
        <select
          id={`${id}-year`}
          className={fieldStyles.select}
          value={filters.fiscalYear}
          onChange={(e) => set('fiscalYear', e.target.value)}
        >
          <option value="">すべて</option>
          {fiscalYearOptions(receivedDates, filters.fiscalYear).map((y) => (
            <option key={y} value={String(y)}>
              {fiscalYearLabel(y)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
