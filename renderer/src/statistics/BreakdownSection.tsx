import { useId } from 'react';
import { fiscalYearLabel } from '../../../electron/domain/fiscal-year';
import type { StatisticsRow } from '../../../electron/ipc/schemas/statistics';
import styles from './BreakdownSection.module.css';
import { CountTable } from './CountTable';
import { isSuppressed, rowsFrom } from './cells';
import { ChartFigure } from './charts/ChartFigure';
import { ColumnChart } from './charts/ColumnChart';
import { HBarChart } from './charts/HBarChart';
import { Legend } from './charts/Legend';
import { pairClass } from './layout';

/** Ordered categories read best as columns; long or many labels as horizontal bars. */
const columnBreakdowns = new Set(['本人の年代', '世帯員数', '受付月']);

interface BreakdownSectionProps {
  name: string;
  rows: readonly StatisticsRow[];
  years: readonly number[];
  currentYear: number;
}

/** One breakdown (consented households only): the table with its 合計, the chart without it. */
export function BreakdownSection({ name, rows, years, currentYear }: BreakdownSectionProps) {
  const tableRows = rowsFrom(rows, years);
  // The 合計 would dwarf every category; it stays in the table.
  const chartRows = tableRows.filter((r) => r.label !== '合計');
  const hidden = chartRows.some((r) => r.cells.some(isSuppressed));
  const headingId = useId();
  const title = `${name}別の件数`;
  const desc = `${years.map(fiscalYearLabel).join('・')}の${name}別の世帯数（本人同意のある世帯）。＊は件数を表示しない欄です。`;
  const Chart = columnBreakdowns.has(name) ? ColumnChart : HBarChart;
  return (
    <section className={styles.breakdown} aria-labelledby={headingId} data-breakdown={name}>
      <h3 id={headingId} className={styles.breakdownTitle}>
        {title}
      </h3>
      {tableRows.length === 0 ? (
        <p className="muted">該当する世帯はありません。</p>
      ) : (
        <div className={pairClass(years.length)}>
          <CountTable
            caption={title}
            rowHeading={name}
            rows={tableRows}
            years={years}
            currentYear={currentYear}
          />
          <ChartFigure>
            {(width) => (
              <>
                <Chart rows={chartRows} years={years} title={title} desc={desc} width={width} />
                <Legend years={years} hasSuppressed={hidden} />
              </>
            )}
          </ChartFigure>
        </div>
      )}
    </section>
  );
}
