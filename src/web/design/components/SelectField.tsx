import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FieldFrame, type FieldProps } from './Field.js';

export interface SelectOption {
  value: string;
  label: string;
}

type SelectFieldProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'aria-describedby' | 'aria-invalid'> & {
    name: string;
    /** Either a flat list of options, or <option>/<optgroup> children. */
    options?: SelectOption[];
    children?: ReactNode;
  };

export function SelectField({ label, hint, error, optional, id, className, options, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={optional} id={id}>
      {(ids) => (
        <select
          {...select}
          {...ids}
          required={!optional}
          className={['field__control', 'field__select', className].filter(Boolean).join(' ')}
        >
          {options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
