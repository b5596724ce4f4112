import { useId } from 'react';
import type { Goal } from '../../../shared/api/goals.js';
import { entryDateText, numberText, recordedByLabels } from './goalText.js';

const W = 320;
const H = 150;
const PAD = { left: 36, right: 12, top: 14, bottom: 26 };

interface Point {
  at: number;
  value: number;
  label: string;
}

/**
 * Progress over time as a small line chart, drawn by hand in SVG (attributes only, no styles), with
 * the same numbers as a table underneath for anyone who cannot see the chart.
 */
export function GoalChart({ goal }: { goal: Goal }) {
  const titleId = useId();
  const descId = useId();
  const points: Point[] = [
    ...(goal.baseline !== null ? [{ at: Date.parse(goal.createdAt), value: goal.baseline, label: 'Start' }] : []),
    ...goal.progress.map((p) => ({ at: Date.parse(p.recordedAt), value: p.value, label: entryDateText(p.recordedAt) })),
  ];
  if (goal.progress.length === 0) return null;

  const values = [...points.map((p) => p.value), ...(goal.target !== null ? [goal.target] : [])];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const first = points[0].at;
  const last = points[points.length - 1].at;
  const x = (at: number) =>
    last === first ? (PAD.left + W - PAD.right) / 2 : PAD.left + ((at - first) / (last - first)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + ((hi - v) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const unit = goal.unit ? ` ${goal.unit}` : '';
  const latest = points[points.length - 1];
  const summary = `${points.length === 1 ? 'One entry' : `${points.length} entries`}, from ${numberText(points[0].value)} to ${numberText(latest.value)}${unit}${
    goal.target !== null ? `; the aim is ${numberText(goal.target)}` : ''
  }.`;

  return (
    <figure className="goal-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="goal-chart__svg"
      >
        <title id={titleId}>{`Progress: ${goal.unit ?? goal.statement}`}</title>
        <desc id={descId}>{summary}</desc>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="goal-chart__axis" />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} className="goal-chart__axis" />
        <text x={PAD.left - 6} y={y(hi)} dy="4" textAnchor="end" className="goal-chart__tick">
          {numberText(hi)}
        </text>
        <text x={PAD.left - 6} y={y(lo)} dy="4" textAnchor="end" className="goal-chart__tick">
          {numberText(lo)}
        </text>
        {goal.target !== null && (
          <g>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(goal.target)} y2={y(goal.target)} className="goal-chart__target" />
            <text x={W - PAD.right} y={y(goal.target)} dy="-4" textAnchor="end" className="goal-chart__tick">
              Aim {numberText(goal.target)}
            </text>
          </g>
        )}
        <path d={path} className="goal-chart__line" />
        {points.map((p) => (
          <circle key={`${p.at}-${p.value}`} cx={x(p.at)} cy={y(p.value)} r="4" className="goal-chart__dot" />
        ))}
        <text x={PAD.left} y={H - 6} className="goal-chart__tick">
          {points[0].label}
        </text>
        {points.length > 1 && (
          <text x={W - PAD.right} y={H - 6} textAnchor="end" className="goal-chart__tick">
            {latest.label}
          </text>
        )}
      </svg>
      <details className="goal-chart__table">
        <summary>Show the numbers</summary>
        <table className="goal-table">
          <caption className="visually-hidden">Progress on “{goal.statement}”</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">{goal.unit ? capitalise(goal.unit) : 'Value'}</th>
              <th scope="col">Logged by</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {goal.baseline !== null && (
              <tr>
                <td>{entryDateText(goal.createdAt)} (start)</td>
                <td>{numberText(goal.baseline)}</td>
                <td>You</td>
                <td />
              </tr>
            )}
            {goal.progress.map((p) => (
              <tr key={`${p.recordedAt}-${p.value}`}>
                <td>{entryDateText(p.recordedAt)}</td>
                <td>{numberText(p.value)}</td>
                <td>{recordedByLabels[p.recordedBy]}</td>
                <td>{p.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
