import { useId, useState } from 'react';
import type { Summary } from '../../../shared/api/reports.js';
import { Button, Card } from '../../design/components/index.js';
import { Definition } from './Definition.js';
import { ExportButton } from './ExportButton.js';
import { longMonth, percent } from './numbers.js';
import { Marker, RatesChart, SERIES } from './RatesChart.js';
import { SessionsChart } from './SessionsChart.js';

type Trend = Summary['trend'];

/** Twelve months to the end of the period as two charts, with the numbers as a table one tap away. */
export function Trends({ trend, definition, fileStem }: { trend: Trend; definition: string | undefined; fileStem: string }) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const gaps = SERIES.some((s) => trend.some((t) => t[s.key] === null));
  return (
    <Card
      className="trends"
      title="Month by month"
      description={trend.length ? `${longMonth(trend[0].month)} to ${longMonth(trend.at(-1)!.month)}` : undefined}
      actions={<ExportButton what="the months" fileName={`${fileStem}-by-month.csv`} rows={() => trendCsv(trend)} />}
    >
      <div className="trends__charts">
        <figure className="trends__chart">
          <figcaption className="trends__caption">Sessions</figcaption>
          <SessionsChart trend={trend} />
        </figure>
        <figure className="trends__chart">
          <figcaption className="trends__caption">Coverage, homework done and rebooking</figcaption>
          <RatesChart trend={trend} />
          <ul className="dash-chart-legend">
            {SERIES.map((s) => (
              <li key={s.key} className={`dash-chart__series--${s.key}`}>
                <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
                  <path className="dash-chart__line" d="M2,6L26,6" />
                  <Marker kind={s.marker} x={14} y={6} />
                </svg>
                {s.label}
              </li>
            ))}
          </ul>
          {gaps && <p className="muted small">A gap in a line is a month with nothing to count.</p>}
        </figure>
      </div>
      <div className="trends__footer">
        <Button variant="ghost" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((s) => !s)}>
          {showTable ? 'Hide the table' : 'Show the numbers as a table'}
        </Button>
        <Definition subject="month by month" text={definition} />
      </div>
      <div id={tableId} hidden={!showTable} className="dash-table-box">
        <table className="dash-table">
          <caption className="visually-hidden">Month by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">
                Sessions
              </th>
              {SERIES.map((s) => (
                <th key={s.key} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.map((t) => (
              <tr key={t.month}>
                <th scope="row">{longMonth(t.month)}</th>
                <td className="num">{t.sessions}</td>
                {SERIES.map((s) => (
                  <td key={s.key} className="num">
                    {percent(t[s.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function trendCsv(trend: Trend) {
  const pct = (v: number | null) => (v === null ? '' : Math.round(v * 100));
  return [
    ['Month', 'Sessions', ...SERIES.map((s) => `${s.label} (%)`)],
    ...trend.map((t) => [t.month, t.sessions, ...SERIES.map((s) => pct(t[s.key]))]),
  ];
}
