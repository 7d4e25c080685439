import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../api';
import { read } from '../queries';
import { PageHeader } from '../shell/PageHeader';
import { Spinner } from '../ui/Button';
import { cx } from '../ui/cx';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { BreakdownsPanel } from './BreakdownsPanel';
import { ExportBar } from './export/ExportBar';
import { MainSection } from './MainSection';
import styles from './StatisticsPage.module.css';
import { parseThreshold, ThresholdField } from './ThresholdField';
import { type StatisticsParams, useStatistics } from './useStatistics';
import { YearPicker } from './YearPicker';

/** This 年度 and the one before, when the office has both. */
function defaultYears(years: readonly number[], current: number): number[] {
  return years.filter((y) => y === current || y === current - 1).sort((a, b) => a - b);
}

/** 統計: the office's fiscal-year table and the consented-only breakdowns, as tables and charts. */
export function StatisticsPage() {
  const years = useQuery(read('statistics.years', {}));
  const [chosen, setChosen] = useState<number[] | null>(null);
  const [thresholdText, setThresholdText] = useState<string | null>(null);
  const [officeDefault, setOfficeDefault] = useState<number | null>(null);

  const selected = useMemo(
    () => chosen ?? (years.data ? defaultYears(years.data.years, years.data.current) : []),
    [chosen, years.data],
  );
  const threshold = parseThreshold(thresholdText ?? '');
  const [lastGood, setLastGood] = useState<number | null>(null);
  // A threshold being typed (or wrong) keeps the last usable one rather than recounting with nonsense.
  useEffect(() => {
    if (threshold.error === null) setLastGood(threshold.value);
  }, [threshold.error, threshold.value]);
  const thresholdParam = threshold.error === null ? threshold.value : lastGood;

  const params = useMemo<StatisticsParams | null>(
    () => (years.data && selected.length > 0 ? { fiscalYears: selected, threshold: thresholdParam } : null),
    [years.data, selected, thresholdParam],
  );
  const { query, stale, busy } = useStatistics(params);
  const stats = selected.length > 0 ? query.data : undefined;

  useEffect(() => {
    if (officeDefault === null && query.data && !query.isPlaceholderData && thresholdParam === null)
      setOfficeDefault(query.data.threshold);
  }, [officeDefault, query.data, query.isPlaceholderData, thresholdParam]);

  const current = years.data?.current ?? 0;
  const exportable = stats && !stale && threshold.error === null ? stats : null;

  return (
    <div className={cx(layoutStyles.page, styles.page)}>
      <PageHeader
        title="統計"
        note="年度ごとの件数だけを集計します。個人が分かる情報は表示・書き出ししません。"
      />
      {years.isError && <Notice tone="error">{errorMessage(years.error)}</Notice>}
      {years.isPending && <p className="muted">読み込んでいます…</p>}
      {years.data && (
        <div className={cx(layoutStyles.panel, styles.controls)}>
          <YearPicker years={years.data.years} current={current} selected={selected} onChange={setChosen} />
          <ThresholdField
            text={thresholdText}
            officeDefault={officeDefault}
            error={threshold.error}
            onChange={setThresholdText}
          />
          <ExportBar
            shown={
              exportable ? { fiscalYears: exportable.fiscalYears, threshold: exportable.threshold } : null
            }
          />
          <div className={styles.status} aria-live="polite">
            {busy && (
              <p className={cx(layoutStyles.progressNote, styles.busy)}>
                <Spinner />
                集計しています…
              </p>
            )}
          </div>
        </div>
      )}
      {years.data && selected.length === 0 && <Notice tone="info">年度を1つ以上選んでください。</Notice>}
      {query.isError && <Notice tone="error">{errorMessage(query.error)}</Notice>}
      {stats && (
        <div
          className={stale ? cx(styles.results, styles.resultsStale) : styles.results}
          aria-busy={stale || undefined}
          data-testid="statistics-results"
        >
          <MainSection stats={stats} currentYear={current} />
          <BreakdownsPanel stats={stats} currentYear={current} />
        </div>
      )}
    </div>
  );
}
