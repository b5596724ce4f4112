import { type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';
import { shortMonth } from './numbers.js';

export const CHART_HEIGHT = 220;
export const MARGIN = { top: 16, right: 12, bottom: 44, left: 44 };

/**
 * The width the chart has on screen, so the drawing is made at 1:1 and its text stays the
 * page's size on a tablet and on a laptop alike (a scaled viewBox would shrink or blow it up).
 * Measured before the first paint: a chart drawn once at the fallback width sticks out of a phone.
 */
export function useWidth(fallback = 440) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setWidth(Math.max(240, Math.round(box.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** Where month i of n sits: the centre of its band. */
export function bandOf(i: number, n: number, width: number) {
  const band = (width - MARGIN.left - MARGIN.right) / Math.max(1, n);
  return { band, centre: MARGIN.left + band * (i + 0.5) };
}

/** An SVG the screen reader hears as one picture with a title and a summary; the table is the full data. */
export function ChartSvg({ title, summary, width, children }: { title: string; summary: string; width: number; children: ReactNode }) {
  const id = useId();
  return (
    <svg
      className="dash-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      width={width}
      height={CHART_HEIGHT}
      viewBox={`0 0 ${width} ${CHART_HEIGHT}`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {children}
    </svg>
  );
}

/** Horizontal grid lines with their labels on the left; `y` maps a value to a height. */
export function GridLines({
  ticks,
  y,
  width,
  label,
}: {
  ticks: number[];
  y: (v: number) => number;
  width: number;
  label: (v: number) => string;
}) {
  return (
    <g className="dash-chart__grid">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} className={t === 0 ? 'dash-chart__baseline' : undefined} />
          <text x={MARGIN.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="dash-chart__tick">
            {label(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Month names under the bands; the year goes under each January, and under the first month unless January is next. */
export function MonthAxis({ months, width }: { months: string[]; width: number }) {
  const top = CHART_HEIGHT - MARGIN.bottom;
  const every = labelEvery(bandOf(0, months.length, width).band);
  const firstYear = Number(months[0]?.slice(0, 4));
  let yearShown = false;
  return (
    <g className="dash-chart__months">
      {months.map((m, i) => {
        const year = Number(m.slice(0, 4));
        const month = Number(m.slice(5, 7));
        const labelled = every <= 12 ? (month - 1) % every === 0 : month === 1 && (year - firstYear) % (every / 12) === 0;
        if (!labelled) return null;
        const { centre } = bandOf(i, months.length, width);
        const showYear = month === 1 || !yearShown;
        yearShown = true;
        return (
          <text key={m} x={centre} y={top + 18} textAnchor="middle" className="dash-chart__tick">
            {shortMonth(m)}
            {showYear && (
              <tspan x={centre} dy="1.2em" className="dash-chart__year">
                {m.slice(0, 4)}
              </tspan>
            )}
          </text>
        );
      })}
    </g>
  );
}

// A month's name needs about 30 px; on a phone every other month (or every quarter, or year) is named.
const MIN_LABEL_PX = 30;
const labelEvery = (band: number) => [1, 2, 3, 4, 6, 12, 24, 36, 60].find((k) => band * k >= MIN_LABEL_PX) ?? 120;

/** 0 to a round number just above the largest value, in at most four steps of 1, 2 or 5 × 10ⁿ. */
export function countTicks(max: number): number[] {
  if (max <= 0) return [0, 1, 2, 3, 4];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const ticks = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}
