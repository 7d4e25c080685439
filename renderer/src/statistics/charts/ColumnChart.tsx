import { scaleBand } from 'd3-scale';
import { cx } from '../../ui/cx';
import { type CountRow, cellKind, cellText } from '../cells';
import { ChartFrame } from './ChartFrame';
import { cellTitle } from './cellTitle';
import chartsStyles from './charts.module.css';
import { EmptyNote } from './EmptyNote';
import { countAxis, seriesFill, textWidth } from './scale';

interface ColumnChartProps {
  rows: readonly CountRow[];
  years: readonly number[];
  title: string;
  desc: string;
  width?: number;
}

const labelFont = 11;
const plotLeft = 34;
const plotTop = 18;
const plotHeight = 150;
const stubHeight = 12;

/** A category label under its column group: on two lines when one does not fit the band. */
function CategoryLabel({ text, x, y, band }: { text: string; x: number; y: number; band: number }) {
  const chars = [...text];
  if (textWidth(text, labelFont) <= band - 2 || chars.length < 3) {
    return (
      <text
        className={chartsStyles.category}
        data-part="category"
        x={x}
        y={y}
        textAnchor="middle"
        fontSize={labelFont}
      >
        {text}
      </text>
    );
  }
  const half = Math.ceil(chars.length / 2);
  return (
    <text
      className={chartsStyles.category}
      data-part="category"
      x={x}
      y={y}
      textAnchor="middle"
      fontSize={labelFont}
    >
      <tspan x={x}>{chars.slice(0, half).join('')}</tspan>
      <tspan x={x} dy="1.2em">
        {chars.slice(half).join('')}
      </tspan>
    </text>
  );
}

/** Vertical columns, one group per category (年代, 世帯員数, 受付月) and one column per 年度. */
export function ColumnChart({ rows, years, title, desc, width = 560 }: ColumnChartProps) {
  const series = years.length;
  const plotWidth = width - plotLeft - 8;
  const categories = scaleBand<string>()
    .domain(rows.map((r) => r.label))
    .range([plotLeft, plotLeft + plotWidth])
    .paddingInner(series === 1 ? 0.44 : 0.2)
    .paddingOuter(series === 1 ? 0.22 : 0.1);
  const band = categories.step();
  const columns = scaleBand<number>()
    .domain(years)
    .range([0, categories.bandwidth()])
    .paddingInner(series > 1 ? 0.08 : 0);
  const barWidth = columns.bandwidth();
  const baseline = plotTop + plotHeight;
  const height = baseline + 40;
  const { scale: y, ticks, empty } = countAxis(rows, [baseline, plotTop]);
  const valueFont = Math.min(10.5, barWidth + 2);
  const showValues = barWidth >= 10;

  return (
    <ChartFrame width={width} height={height} title={title} desc={desc}>
      {(hatch) => (
        <>
          <g className={chartsStyles.grid}>
            {ticks.map((t) => (
              <g key={t}>
                <line x1={plotLeft} x2={plotLeft + plotWidth} y1={y(t)} y2={y(t)} />
                <text x={plotLeft - 6} y={y(t)} textAnchor="end" dominantBaseline="central">
                  {t}
                </text>
              </g>
            ))}
          </g>
          {rows.map((row) => {
            const groupLeft = categories(row.label) ?? plotLeft;
            const center = groupLeft + categories.bandwidth() / 2;
            return (
              <g key={row.label} data-row={row.label}>
                <CategoryLabel text={row.label} x={center} y={baseline + 15} band={band} />
                {years.map((fy, i) => {
                  const cell = row.cells[i];
                  const kind = cellKind(cell);
                  const left = groupLeft + (columns(fy) ?? 0);
                  const mid = left + barWidth / 2;
                  return (
                    <g key={fy} className={chartsStyles.mark} data-cell={kind} data-year={fy}>
                      <title>{cellTitle(row.label, fy, cell)}</title>
                      {kind === 'value' && typeof cell === 'number' && (
                        <>
                          <rect
                            x={left}
                            y={y(cell)}
                            width={barWidth}
                            height={Math.max(1, baseline - y(cell))}
                            fill={seriesFill(i, series)}
                          />
                          {showValues && (
                            <text
                              className={chartsStyles.value}
                              data-part="value"
                              x={mid}
                              y={y(cell) - 3}
                              textAnchor="middle"
                              fontSize={valueFont}
                            >
                              {cellText(cell)}
                            </text>
                          )}
                        </>
                      )}
                      {kind === 'zero' && showValues && (
                        <text
                          className={cx(chartsStyles.value, chartsStyles.valueZero)}
                          data-part="value"
                          x={mid}
                          y={baseline - 3}
                          textAnchor="middle"
                          fontSize={valueFont}
                        >
                          0
                        </text>
                      )}
                      {kind === 'suppressed' && (
                        <>
                          <rect
                            className={chartsStyles.stub}
                            x={left}
                            y={baseline - stubHeight}
                            width={barWidth}
                            height={stubHeight}
                            fill={hatch}
                          />
                          <text
                            className={cx(chartsStyles.value, chartsStyles.valueHidden)}
                            data-part="value"
                            x={mid}
                            y={baseline - stubHeight - 3}
                            textAnchor="middle"
                            fontSize={valueFont}
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
          <line
            className={chartsStyles.axis}
            x1={plotLeft}
            x2={plotLeft + plotWidth}
            y1={baseline}
            y2={baseline}
          />
          {empty && <EmptyNote x={plotLeft + plotWidth / 2} y={plotTop + plotHeight / 2} />}
        </>
      )}
    </ChartFrame>
  );
}
