import type { ReactNode } from 'react';
import { Definition } from './Definition.js';

interface FigureProps {
  title: string;
  /** The big number: a count, a percentage, or "—". */
  value: string;
  /** The counts behind it ("12 of 15 sessions"), so a small number looks small. */
  detail?: ReactNode;
  /** Said instead of the detail when there was nothing to divide. */
  emptyNote?: string | false;
  definition: string | undefined;
  wide?: boolean;
  children?: ReactNode;
}

/** One figure on the dashboard: its name, its value, the counts behind it and its definition one tap away. */
export function Figure({ title, value, detail, emptyNote, definition, wide, children }: FigureProps) {
  const empty = Boolean(emptyNote);
  return (
    <div className={['dash-figure', wide && 'dash-figure--wide'].filter(Boolean).join(' ')}>
      <h3 className="dash-figure__title">{title}</h3>
      <p className={empty ? 'dash-figure__value dash-figure__value--empty' : 'dash-figure__value'}>{empty ? '—' : value}</p>
      {empty ? <p className="dash-figure__detail">{emptyNote}</p> : detail && <p className="dash-figure__detail">{detail}</p>}
      {children}
      <Definition subject={title} text={definition} />
    </div>
  );
}

/** Part of a whole as a bar: decorative, the text beside it carries the numbers. */
export function ShareBar({ value, tone = 'primary' }: { value: number | null; tone?: 'primary' | 'muted' }) {
  const width = value === null ? 0 : Math.max(0, Math.min(1, value)) * 100;
  return (
    <div className="share-bar" aria-hidden="true">
      <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className="share-bar__track" x="0" y="0" width="100" height="10" />
        <rect className={`share-bar__fill share-bar__fill--${tone}`} x="0" y="0" width={width} height="10" />
      </svg>
    </div>
  );
}

/** Better / same / worse as one stacked bar with the numbers written out beside it. */
export function FeltBar({ felt }: { felt: { better: number; same: number; worse: number } }) {
  const total = felt.better + felt.same + felt.worse;
  const parts = [
    { key: 'better', label: 'Better', n: felt.better },
    { key: 'same', label: 'Same', n: felt.same },
    { key: 'worse', label: 'Worse', n: felt.worse },
  ];
  let x = 0;
  return (
    <div className="dash-felt">
      {total > 0 && (
        <div className="share-bar share-bar--felt" aria-hidden="true">
          <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            {parts.map((p) => {
              const width = (p.n / total) * 100;
              const rect = (
                <rect key={p.key} className={`dash-felt__part dash-felt__part--${p.key}`} x={x} y="0" width={width} height="10" />
              );
              x += width;
              return rect;
            })}
          </svg>
        </div>
      )}
      <ul className="dash-felt__legend">
        {parts.map((p) => (
          <li key={p.key}>
            <span className={`dash-felt__swatch dash-felt__part--${p.key}`} aria-hidden="true" />
            {p.label} <strong>{p.n}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
