import { type ReactNode, useId } from 'react';
import { AlertIcon, CheckIcon } from './icons.js';
import './ChipGroup.css';

export interface ChipOption<T extends string> {
  value: T;
  label: string;
}

interface ChipFrameProps {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The legend stays for screen readers but is not shown (when a heading nearby says the same). */
  hideLegend?: boolean;
  /** `large` for the client's phone and the treatment-room tablet: bigger chips, bigger text. */
  size?: 'medium' | 'large';
  className?: string;
}

interface ChipGroupProps<T extends string> extends ChipFrameProps {
  name: string;
  options: readonly ChipOption<T>[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
}

/** Tappable chips for choosing any number of options; real checkboxes underneath. */
export function ChipGroup<T extends string>({ name, options, selected, onChange, ...frame }: ChipGroupProps<T>) {
  const toggle = (value: T) =>
    onChange(
      selected.includes(value)
        ? selected.filter((v) => v !== value)
        : options.map((o) => o.value).filter((v) => v === value || selected.includes(v)),
    );
  return (
    <ChipFrame {...frame}>
      {(ids) =>
        options.map((o) => (
          <label key={o.value} className="chip">
            <input
              {...ids}
              type="checkbox"
              className="chip__input"
              name={name}
              value={o.value}
              checked={selected.includes(o.value)}
              onChange={() => toggle(o.value)}
            />
            <CheckIcon size={18} className="chip__check" />
            <span>{o.label}</span>
          </label>
        ))
      }
    </ChipFrame>
  );
}

interface ChoiceChipsProps<T extends string> extends ChipFrameProps {
  name: string;
  options: readonly ChipOption<T>[];
  value: T | null | undefined;
  onChange: (next: T) => void;
}

/** Tappable chips for choosing one option; real radio buttons underneath (arrow keys move between them). */
export function ChoiceChips<T extends string>({ name, options, value, onChange, ...frame }: ChoiceChipsProps<T>) {
  return (
    <ChipFrame {...frame}>
      {(ids) =>
        options.map((o) => (
          <label key={o.value} className="chip">
            <input
              {...ids}
              type="radio"
              className="chip__input"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <CheckIcon size={18} className="chip__check" />
            <span>{o.label}</span>
          </label>
        ))
      }
    </ChipFrame>
  );
}

interface InputIds {
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

function ChipFrame({
  legend,
  hint,
  error,
  hideLegend,
  size = 'medium',
  className,
  children,
}: ChipFrameProps & { children: (ids: InputIds) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={['chip-group', `chip-group--${size}`, error && 'chip-group--invalid', className].filter(Boolean).join(' ')}>
      <legend className={hideLegend ? 'visually-hidden' : 'chip-group__legend'}>{legend}</legend>
      {hint && (
        <p className="chip-group__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="chip-group__error" id={errorId}>
          <AlertIcon size={18} />
          <span>{error}</span>
        </p>
      )}
      <div className="chip-group__chips">{children({ 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}</div>
    </fieldset>
  );
}
