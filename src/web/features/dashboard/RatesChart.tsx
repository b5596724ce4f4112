import type { Summary } from '../../../shared/api/reports.js';
import { bandOf, CHART_HEIGHT, ChartSvg, GridLines, MARGIN, MonthAxis, useWidth } from './chartFrame.js';
import { longMonth, percent } from './numbers.js';

type Trend = Summary['trend'];
type SeriesKey = 'homeworkCoverage' | 'adherence' | 'rebooked';

/** Each line differs in colour, dash and marker, so it reads without colour too. */
export const SERIES: { key: SeriesKey; label: string; marker: 'circle' | 'square' | 'diamond' }[] = [
  { key: 'homeworkCoverage', label: 'Homework coverage', marker: 'circle' },
  { key: 'adherence', label: 'Homework done', marker: 'square' },
  { key: 'rebooked', label: 'Rebooked before leaving', marker: 'diamond' },
];

const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** Coverage, homework done and rebooking per month, 0–100%. A month without data is a gap, not a drop to zero. */
export function RatesChart({ trend }: { trend: Trend }) {
  const { ref, width } = useWidth();
  const bottom = CHART_HEIGHT - MARGIN.bottom;
  const y = (v: number) => bottom - v * (bottom - MARGIN.top);
  const x = (i: number) => bandOf(i, trend.length, width).centre;
  return (
    <div className="dash-chart-box" ref={ref}>
      <ChartSvg title="Coverage, homework done and rebooking per month" summary={ratesSummary(trend)} width={width}>
        <GridLines ticks={TICKS} y={y} width={width} label={(v) => percent(v)} />
        {SERIES.map((s) => {
          const points = trend.map((t, i) => (t[s.key] === null ? null : { x: x(i), y: y(t[s.key]!) }));
          return (
            <g key={s.key} className={`dash-chart__series dash-chart__series--${s.key}`}>
              {segments(points).map((seg) => (
                <path key={seg} d={seg} className="dash-chart__line" />
              ))}
              {points.map((p, i) => p && <Marker key={trend[i].month} kind={s.marker} x={p.x} y={p.y} />)}
            </g>
          );
        })}
        <MonthAxis months={trend.map((t) => t.month)} width={width} />
      </ChartSvg>
    </div>
  );
}

/** Runs of consecutive points as path data: a null breaks the line. */
function segments(points: ({ x: number; y: number } | null)[]): string[] {
  const runs: string[] = [];
  let current: string[] = [];
  for (const p of [...points, null]) {
    if (p) current.push(`${current.length ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`);
    else {
      if (current.length > 1) runs.push(current.join(''));
      current = [];
    }
  }
  return runs;
}

export function Marker({ kind, x, y }: { kind: 'circle' | 'square' | 'diamond'; x: number; y: number }) {
  if (kind === 'circle') return <circle className="dash-chart__marker" cx={x} cy={y} r="4" />;
  if (kind === 'square') return <rect className="dash-chart__marker" x={x - 3.5} y={y - 3.5} width="7" height="7" />;
  return <path className="dash-chart__marker" d={`M${x},${y - 5}L${x + 5},${y}L${x},${y + 5}L${x - 5},${y}Z`} />;
}

function ratesSummary(trend: Trend): string {
  const lines = SERIES.map((s) => {
    const known = trend.filter((t) => t[s.key] !== null);
    if (!known.length) return `${s.label}: no data yet.`;
    const last = known.at(-1)!;
    const values = known.map((t) => t[s.key]!);
    return `${s.label}: ${percent(last[s.key])} in ${longMonth(last.month)}, between ${percent(Math.min(...values))} and ${percent(Math.max(...values))} over ${known.length} months with data.`;
  });
  return lines.join(' ');
}
