import { fiscalYearLabel } from '../../../electron/domain/fiscal-year';
import type { Statistics } from '../../../electron/ipc/schemas/statistics';
import layoutStyles from '../ui/layout.module.css';
import { CountTable } from './CountTable';
import { rowsFrom } from './cells';
import { ChartFigure } from './charts/ChartFigure';
import { HBarChart } from './charts/HBarChart';
import { Legend } from './charts/Legend';
import { LineChart } from './charts/LineChart';
import { pairClass } from './layout';
import statisticsStyles from './statistics.module.css';

/** 複合的課題を抱える相談者（件数） → 複合的課題を抱える相談者: the unit is in the table already. */
const shortItem = (item: string) => item.replace(/（[^（）]*）$/, '');

/** Rule 14's table (all households, consented or not) with bars for one or two 年度, lines for more. */
export function MainSection({ stats, currentYear }: { stats: Statistics; currentYear: number }) {
  const years = stats.fiscalYears;
  const rows = rowsFrom(
    stats.main.map((m) => ({ label: m.item, values: m.values })),
    years,
  );
  const chartRows = rows.map((r) => ({ ...r, label: shortItem(r.label) }));
  const span = years.map(fiscalYearLabel).join('・');
  const desc = `${span}の${chartRows.map((r) => r.label).join('、')}の件数。数値は左の表にあります。`;
  return (
    <section className={layoutStyles.panel} aria-labelledby="stats-main-title">
      <div className={statisticsStyles.sectionHead}>
        <h2 id="stats-main-title">年度別の実績</h2>
        <p className="muted small">本人同意の有無にかかわらず、すべての世帯と会議を数えています。</p>
      </div>
      <div className={pairClass(years.length)}>
        <CountTable
          caption="年度別の実績"
          rowHeading="項目"
          rows={rows}
          years={years}
          currentYear={currentYear}
        />
        <ChartFigure>
          {(width) =>
            years.length >= 3 ? (
              <LineChart
                rows={chartRows}
                years={years}
                title="年度別の実績の推移（折れ線）"
                desc={desc}
                width={width}
              />
            ) : (
              <>
                <HBarChart
                  rows={chartRows}
                  years={years}
                  title="年度別の実績（横棒）"
                  desc={desc}
                  width={width}
                />
                <Legend years={years} hasSuppressed={false} />
              </>
            )
          }
        </ChartFigure>
      </div>
    </section>
  );
}
