import { type ReactNode, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api.js';
import { Alert } from './Alert.js';
import { Button, type ButtonVariant } from './Button.js';
import './ConfirmInline.css';

interface ConfirmInlineProps {
  /** The button that asks first ("Delete", "Revoke"); may hold words only a screen reader hears. */
  trigger: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerLabel?: string;
  /** The question, with what cannot be undone. */
  question: ReactNode;
  confirmLabel: string;
  keepLabel?: string;
  /** Does it; a thrown error is shown under the buttons and the question stays open. */
  onConfirm: () => Promise<void>;
}

/**
 * A destructive action asked about in place, not in a dialog: the button becomes the question
 * with "do it" and "keep it". Focus moves to the answer, and back to the button on "keep it".
 */
export function ConfirmInline(props: ConfirmInlineProps) {
  const { trigger, triggerVariant = 'ghost', triggerLabel, question, confirmLabel, keepLabel = 'Keep it', onConfirm } = props;
  const [asking, setAsking] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking === true) confirmRef.current?.focus();
    if (asking === false) triggerRef.current?.focus();
  }, [asking]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  if (!asking)
    return (
      <Button ref={triggerRef} variant={triggerVariant} aria-label={triggerLabel} onClick={() => setAsking(true)}>
        {trigger}
      </Button>
    );
  return (
    <fieldset className="confirm-inline">
      <legend>{question}</legend>
      <div className="cluster">
        <Button ref={confirmRef} variant="danger" loading={busy} onClick={confirm}>
          {confirmLabel}
        </Button>
        <Button variant="ghost" onClick={() => setAsking(false)} disabled={busy}>
          {keepLabel}
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
    </fieldset>
  );
}
