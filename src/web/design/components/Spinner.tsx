import { useId } from 'react';
import './Spinner.css';

/** A loading message with a spinner: the words are what screen readers hear. */
export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="spinner" role="status">
      <span className="spinner__wheel" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Progress towards a known total, e.g. items done this week. */
export function Progress({ label, value, max }: { label: string; value: number; max: number }) {
  const id = useId();
  return (
    <div className="progress">
      <label htmlFor={id} className="progress__label">
        {label}
        <span className="muted">
          {' '}
          {value} of {max}
        </span>
      </label>
      <progress id={id} className="progress__bar" value={value} max={max}>
        {value} of {max}
      </progress>
    </div>
  );
}
