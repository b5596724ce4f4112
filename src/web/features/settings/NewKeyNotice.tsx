import { useEffect, useRef, useState } from 'react';
import { Alert, Button, CopyIcon, TextField } from '../../design/components/index.js';

/** The new key, shown once: the server keeps only its hash. */
export function NewKeyNotice({ created, onDone }: { created: { name: string; key: string }; onDone: () => void }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to each new key
  useEffect(() => {
    boxRef.current?.focus();
  }, [created.key]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('yes');
    } catch {
      // Clipboard access can be refused (e.g. over plain http): select the text instead.
      const input = document.getElementById('new-api-key') as HTMLInputElement | null;
      input?.select();
      setCopied('select');
    }
  }

  return (
    <div ref={boxRef} tabIndex={-1} className="new-key stack">
      <Alert tone="warning" title={`Copy your new key “${created.name}” now`}>
        You will not see it again. Paste it into the tool that will use it, or keep it in your password manager.
      </Alert>
      <TextField
        id="new-api-key"
        label="Your new API key"
        name="newKey"
        value={created.key}
        readOnly
        spellCheck={false}
        className="new-key__value"
        onFocus={(e) => e.target.select()}
      />
      <div className="cluster">
        <Button icon={<CopyIcon size={20} />} onClick={copy}>
          Copy key
        </Button>
        <Button variant="ghost" onClick={onDone}>
          I have copied it
        </Button>
      </div>
      <p role="status" className="small">
        {copied === 'yes' && 'Copied. Paste it where it is needed.'}
        {copied === 'select' && 'Your browser did not allow copying. The key is selected: press Ctrl+C (or ⌘+C) to copy it.'}
      </p>
    </div>
  );
}
