import { cx } from '../../ui/cx';
import { type CountRow, cellKind, cellText } from '../cells';
import { ChartFrame } from './ChartFrame';
import { cellTitle } from './cellTitle';
import chartsStyles from './charts.module.css';
import { EmptyNote } from './EmptyNote';
import styles from './HBarChart.module.css';
import { bands, countAxis, fitLabel, seriesFill, textWidth } from './scale';

interface HBarChartProps {
  rows: readonly CountRow[];
  years: readonly number[];
  title: string;
  desc: string;
  width?: number;
}

const labelFont = 12;
const valueFont = 11;
const stubLength = 14;

/** The row's name, shortened with … when long; then the full name is its hover text. */
function CategoryLabel({ text, x, y, maxWidth }: { text: string; x: number; y: number; maxWidth: number }) {
  const shown = fitLabel(text, labelFont, maxWidth);
  const label = (
    <text
      className={chartsStyles.category}
      data-part="category"
      x={x}
      y={y}
      textAnchor="end"
      dominantBaseline="central"
      fontSize={labelFont}
    >
      {shown}
    </text>
  );
  if (shown === text) return label;
  return (
    <g>
      <title>{text}</title>
      {label}
    </g>
  );
}

function barThickness(series: number): number {
  if (series === 1) return 14;
  if (series === 2) return 12;
  return Math.max(4, Math.floor(27 / series));
}

/** Horizontal bars, one group per row and one bar per 年度 (for 課題, 分野 and the main items). */
export function HBarChart({ rows, years, title, desc, width = 560 }: HBarChartProps) {
  const series = years.length;
  const bar = barThickness(series);
  const gap = series <= 3 ? 2 : 1;
  const groupHeight = series * bar + (series - 1) * gap;
  const labelWidth = Math.min(188, Math.max(56, ...rows.map((r) => textWidth(r.label, labelFont) + 12)));
  const plotLeft = labelWidth;
  const plotWidth = width - labelWidth - 40;
  const plotTop = 4;
  const groups = bands(
    rows.map((r) => r.label),
    plotTop,
    groupHeight,
    12,
    6,
  );
  const barsInGroup = bands(years, 0, bar, gap);
  const plotBottom = groups.range()[1];
  const height = plotBottom + 24;
  const { scale: x, ticks, empty } = countAxis(rows, [plotLeft, plotLeft + plotWidth]);
  const showValues = bar >= 9;

  return (
    <ChartFrame width={width} height={height} title={title} desc={desc}>
      {(hatch) => (
        <>
          <g className={chartsStyles.grid}>
            {ticks.map((t) => (
              <g key={t}>
                <line x1={x(t)} x2={x(t)} y1={plotTop} y2={plotBottom} />
                <text x={x(t)} y={plotBottom + 16} textAnchor="middle">
                  {t}
                </text>
              </g>
            ))}
          </g>
          {rows.map((row) => {
            const rowTop = groups(row.label) ?? plotTop;
            return (
              <g key={row.label} data-row={row.label}>
                <CategoryLabel
                  text={row.label}
                  x={labelWidth - 8}
                  y={rowTop + groupHeight / 2}
                  maxWidth={labelWidth - 12}
                />
                {years.map((fy, i) => {
                  const cell = row.cells[i];
                  const kind = cellKind(cell);
                  const y = rowTop + (barsInGroup(fy) ?? 0);
                  const mid = y + bar / 2;
                  const font = Math.min(valueFont, bar + 3);
                  return (
                    <g key={fy} className={chartsStyles.mark} data-cell={kind} data-year={fy}>
                      <title>{cellTitle(row.label, fy, cell)}</title>
                      {kind === 'value' && typeof cell === 'number' && (
                        <>
                          <rect
                            x={plotLeft}
                            y={y}
                            width={Math.max(1, x(cell) - plotLeft)}
                            height={bar}
                            fill={seriesFill(i, series)}
                          />
                          {showValues && (
                            <text
                              className={chartsStyles.value}
                              data-part="value"
                              x={x(cell) + 4}
                              y={mid}
                              dominantBaseline="central"
                              fontSize={font}
                            >
                              {cellText(cell)}
                            </text>
                          )}
                        </>
                      )}
                      {kind === 'zero' && (
                        <>
                          <line className={styles.zero} x1={plotLeft} x2={plotLeft} y1={y} y2={y + bar} />
                          {showValues && (
                            <text
                              className={cx(chartsStyles.value, chartsStyles.valueZero)}
                              data-part="value"
                              x={plotLeft + 4}
                              y={mid}
                              dominantBaseline="central"
                              fontSize={font}
                            >
                              0
                            </text>
                          )}
                        </>
                      )}
                      {kind === 'suppressed' && (
                        <>
                          <rect
                            className={chartsStyles.stub}
                            x={plotLeft}
                            y={y}
                            width={stubLength}
                            height={bar}
                            fill={hatch}
                          />
                          <text
                            className={cx(chartsStyles.value, chartsStyles.valueHidden)}
                            data-part="value"
                            x={plotLeft + stubLength + 4}
                            y={mid}
                            dominantBaseline="central"
                            fontSize={font}
                          >
                            ＊
                          </text>
                        </>
                      )}
                    </g>
                  );
                })}
              </g>
            );
          })}
          <line className={chartsStyles.axis} x1={plotLeft} x2={plotLeft} y1={plotTop} y2={plotBottom} />
          {empty && <EmptyNote x={plotLeft + plotWidth / 2 + 20} y={(plotTop + plotBottom) / 2} />}
        </>
      )}
    </ChartFrame>
  );
}
