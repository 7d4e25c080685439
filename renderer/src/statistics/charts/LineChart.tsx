import { scalePoint } from 'd3-scale';
import { fiscalYearLabel, shortFiscalYearLabel } from '../../../../electron/domain/fiscal-year';
import { cx } from '../../ui/cx';
import { type CountRow, cellText, isSuppressed } from '../cells';
import { ChartFrame } from './ChartFrame';
import { cellTitle } from './cellTitle';
import chartsStyles from './charts.module.css';
import { lineColors, Marker } from './markers';
import { countAxis, fitLabel, textWidth } from './scale';

interface LineChartProps {
  rows: readonly CountRow[];
  years: readonly number[];
  title: string;
  desc: string;
  width?: number;
}

const plotLeft = 34;
const plotTop = 12;
const plotHeight = 200;
const labelRoom = 176;
const labelFont = 11.5;
const labelGap = 15;

/** Moves end labels apart (at least `labelGap`) while keeping them inside the plot's height. */
function spread(wanted: { index: number; y: number }[], bottom: number): Map<number, number> {
  const sorted = [...wanted].sort((a, b) => a.y - b.y);
  const placed: number[] = [];
  for (const [k, w] of sorted.entries()) placed.push(Math.max(w.y, (placed[k - 1] ?? -Infinity) + labelGap));
  const overflow = (placed.at(-1) ?? 0) - bottom;
  if (overflow > 0)
    for (let k = placed.length - 1; k >= 0; k--) {
      const limit = k === placed.length - 1 ? bottom : (placed[k + 1] ?? bottom) - labelGap;
      placed[k] = Math.min(placed[k] ?? 0, limit);
    }
  return new Map(sorted.map((w, k) => [w.index, placed[k] ?? w.y]));
}

/** One line per item across three or more 年度, with shaped markers and labels at the line ends. */
export function LineChart({ rows, years, title, desc, width = 560 }: LineChartProps) {
  const plotWidth = width - plotLeft - labelRoom - 12;
  // Points start a little right of the axis, so the first marker never sits on the 0 label.
  const inset = 16;
  const baseline = plotTop + plotHeight;
  const height = baseline + 28;
  const { scale: y, ticks } = countAxis(rows, [baseline, plotTop]);
  const points = scalePoint<number>()
    .domain(years.map((_, i) => i))
    .range([plotLeft + inset, plotLeft + plotWidth]);
  const step = points.step();
  const x = (i: number) => points(i) ?? plotLeft + inset;
  const yearLabel = step >= 64 ? fiscalYearLabel : shortFiscalYearLabel;

  const ends = rows.flatMap((row, index) => {
    const last = row.cells.findLastIndex((c) => !isSuppressed(c));
    const cell = row.cells[last];
    return typeof cell === 'number' ? [{ index, y: y(cell), label: row.label, value: cellText(cell) }] : [];
  });
  const endY = spread(ends, baseline);
  const endX = x(years.length - 1);

  return (
    <ChartFrame width={width} height={height} title={title} desc={desc}>
      {() => (
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
            {years.map((fy, i) => (
              <text key={fy} x={x(i)} y={baseline + 17} textAnchor="middle">
                {yearLabel(fy)}
              </text>
            ))}
          </g>
          <line
            className={chartsStyles.axis}
            x1={plotLeft}
            x2={plotLeft + plotWidth}
            y1={baseline}
            y2={baseline}
          />
          {rows.map((row, r) => {
            const color = lineColors[r % lineColors.length] ?? '#1d4f8f';
            const segments = row.cells
              .map((c, i) => (isSuppressed(c) ? null : `${x(i)},${y(c)}`))
              .reduce<string[][]>(
                (acc, point) => {
                  if (point === null) acc.push([]);
                  else acc.at(-1)?.push(point);
                  return acc;
                },
                [[]],
              )
              .filter((s) => s.length > 1);
            const end = ends.find((e) => e.index === r);
            return (
              <g key={row.label} data-row={row.label} data-part="line">
                {segments.map((s) => (
                  <polyline
                    key={s.join(' ')}
                    points={s.join(' ')}
                    fill="none"
                    stroke={color}
                    strokeWidth={2}
                  />
                ))}
                {years.map((fy, i) => {
                  const cell = row.cells[i];
                  return (
                    <g
                      key={fy}
                      className={chartsStyles.mark}
                      data-cell={isSuppressed(cell) ? 'suppressed' : 'value'}
                      data-year={fy}
                    >
                      <title>{cellTitle(row.label, fy, cell)}</title>
                      {isSuppressed(cell) ? (
                        <text
                          className={cx(chartsStyles.value, chartsStyles.valueHidden)}
                          data-part="value"
                          x={x(i)}
                          y={baseline - 6}
                          textAnchor="middle"
                        >
                          ＊
                        </text>
                      ) : (
                        <Marker shape={r} x={x(i)} y={y(cell ?? 0)} color={color} />
                      )}
                    </g>
                  );
                })}
                {end && (
                  <g>
                    <line x1={endX + 7} x2={endX + 13} y1={end.y} y2={endY.get(r) ?? end.y} stroke={color} />
                    <text
                      x={endX + 16}
                      y={endY.get(r) ?? end.y}
                      dominantBaseline="central"
                      fill={color}
                      fontSize={labelFont}
                    >
                      {`${fitLabel(end.label, labelFont, labelRoom - 16 - textWidth(end.value, labelFont))} ${end.value}`}
                    </text>
                  </g>
                )}
              </g>
            );
          })}
        </>
      )}
    </ChartFrame>
  );
}
