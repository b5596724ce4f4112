import { useId, useState } from 'react';
import { Button, CopyIcon, TextField } from '../design/components/index.js';
import './CopyField.css';

/**
 * A read-only value (an address, a code) with a Copy button. When the browser refuses the
 * clipboard (plain http, an old tablet) the text is selected instead, with a word on what to press.
 */
export function CopyField({ label, value, copyLabel, hint }: { label: string; value: string; copyLabel: string; hint?: string }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.focus();
      input?.select();
      setCopied('select');
    }
  }

  return (
    <div className="stack">
      <div className="copy-field">
        <TextField
          id={id}
          label={label}
          name={`copy-${label}`}
          value={value}
          hint={hint}
          readOnly
          spellCheck={false}
          className="copy-field__value"
          onFocus={(e) => e.target.select()}
        />
        <Button variant="secondary" icon={<CopyIcon size={20} />} onClick={copy}>
          {copyLabel}
        </Button>
      </div>
      <p role="status" className="small">
        {copied === 'yes' && 'Copied.'}
        {copied === 'select' && 'Your browser did not allow copying. The text is selected: press Ctrl+C (or ⌘+C) to copy it.'}
      </p>
    </div>
  );
}
