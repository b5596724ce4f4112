import type { Summary } from '../../../shared/api/reports.js';
import { bandOf, CHART_HEIGHT, ChartSvg, countTicks, GridLines, MARGIN, MonthAxis, useWidth } from './chartFrame.js';
import { longMonth, plural } from './numbers.js';

type Trend = Summary['trend'];

/** Sessions per month as bars, each with its number on top. */
export function SessionsChart({ trend }: { trend: Trend }) {
  const { ref, width } = useWidth();
  const ticks = countTicks(Math.max(0, ...trend.map((t) => t.sessions)));
  const top = ticks.at(-1) ?? 1;
  const bottom = CHART_HEIGHT - MARGIN.bottom;
  const y = (v: number) => bottom - (v / top) * (bottom - MARGIN.top);
  return (
    <div className="dash-chart-box" ref={ref}>
      <ChartSvg title="Sessions per month" summary={sessionsSummary(trend)} width={width}>
        <GridLines ticks={ticks} y={y} width={width} label={String} />
        {trend.map((t, i) => {
          const { band, centre } = bandOf(i, trend.length, width);
          const barWidth = Math.min(36, band * 0.62);
          return (
            t.sessions > 0 && (
              <g key={t.month}>
                <rect
                  className="dash-chart__bar"
                  x={centre - barWidth / 2}
                  y={y(t.sessions)}
                  width={barWidth}
                  height={bottom - y(t.sessions)}
                  rx="3"
                />
                <text x={centre} y={y(t.sessions) - 5} textAnchor="middle" className="dash-chart__value">
                  {t.sessions}
                </text>
              </g>
            )
          );
        })}
        <MonthAxis months={trend.map((t) => t.month)} width={width} />
      </ChartSvg>
    </div>
  );
}

function sessionsSummary(trend: Trend): string {
  if (!trend.length) return 'No months to show.';
  const total = trend.reduce((n, t) => n + t.sessions, 0);
  const span = `${longMonth(trend[0].month)} to ${longMonth(trend.at(-1)!.month)}`;
  if (!total) return `No sessions from ${span}.`;
  const busiest = trend.reduce((a, b) => (b.sessions > a.sessions ? b : a));
  return `${plural(total, 'session')} from ${span}. Busiest month: ${longMonth(busiest.month)} with ${plural(busiest.sessions, 'session')}.`;
}
