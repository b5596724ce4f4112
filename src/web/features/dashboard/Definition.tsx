import { useId, useState } from 'react';
import { InfoIcon } from '../../design/components/index.js';

/** "What is this?" under a figure: one tap shows how it is counted. A real button, so keys and screen readers reach it. */
export function Definition({ subject, text }: { subject: string; text: string | undefined }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!text) return null;
  return (
    <div className="dash-definition">
      <button type="button" className="dash-definition__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        <InfoIcon size={18} />
        <span>What is this?</span>
        <span className="visually-hidden"> ({subject})</span>
      </button>
      <p id={id} className="dash-definition__text" hidden={!open}>
        {text}
      </p>
    </div>
  );
}
