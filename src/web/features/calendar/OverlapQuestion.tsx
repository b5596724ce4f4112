import { useEffect, useRef } from 'react';
import { Alert, Button } from '../../design/components/index.js';

/** "This overlaps … Book anyway?" with the two ways out; takes focus so the question is heard. */
export function OverlapQuestion({
  message,
  sending,
  onConfirm,
  onCancel,
  confirmLabel = 'Book anyway',
}: {
  message: string;
  sending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  confirmLabel?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert ref={ref} tone="warning" title="Two appointments at once">
      <div className="stack">
        <p>{message}</p>
        <div className="cluster">
          <Button loading={sending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button variant="ghost" onClick={onCancel} disabled={sending}>
            Choose another time
          </Button>
        </div>
      </div>
    </Alert>
  );
}
