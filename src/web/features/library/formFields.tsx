// The editable list of lines the item form needs beyond the design system's fields.
import type { ReactNode } from 'react';
import { Button, FieldGroup, TextAreaField } from '../../design/components/index.js';

interface LinesFieldProps {
  legend: string;
  name: string;
  hint?: ReactNode;
  /** Messages keyed "name" for the list and "name.2" for one line. */
  errors: Record<string, string | undefined>;
  lines: string[];
  onChange: (lines: string[]) => void;
  lineLabel: (index: number) => string;
  addLabel: string;
  min?: number;
  max: number;
  optional?: boolean;
  numbered?: boolean;
}

/** An editable list of short texts: steps, cues, mistakes. */
export function LinesField({
  legend,
  name,
  hint,
  errors,
  lines,
  onChange,
  lineLabel,
  addLabel,
  min = 0,
  max,
  optional,
  numbered,
}: LinesFieldProps) {
  const setLine = (index: number, text: string) => onChange(lines.map((l, i) => (i === index ? text : l)));
  const List = numbered ? 'ol' : 'ul';
  return (
    <FieldGroup legend={legend} hint={hint} error={errors[name]} optional={optional}>
      {() => (
        <>
          <List className="plain-list line-list">
            {lines.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are edited in place; the position is their identity.
              <li key={index} className="line-list__item">
                <TextAreaField
                  label={lineLabel(index)}
                  name={`${name}.${index}`}
                  rows={numbered ? 2 : 1}
                  value={line}
                  error={errors[`${name}.${index}`]}
                  onChange={(e) => setLine(index, e.target.value)}
                />
                {lines.length > min && (
                  <Button variant="ghost" onClick={() => onChange(lines.filter((_, i) => i !== index))}>
                    Remove<span className="visually-hidden"> {lineLabel(index).toLowerCase()}</span>
                  </Button>
                )}
              </li>
            ))}
          </List>
          {lines.length < max && (
            <div>
              <Button variant="secondary" onClick={() => onChange([...lines, ''])}>
                {addLabel}
              </Button>
            </div>
          )}
        </>
      )}
    </FieldGroup>
  );
}
