import { useState } from 'react';
import { ApiError, messageOf } from '../../api.js';
import { Alert, Button, TextAreaField } from '../../design/components/index.js';
import type { GiveOptions, Homework, SuggestedItem, Suggestions } from './homeworkData.js';

interface ExcludedItemsProps {
  excluded: Suggestions['excluded'];
  active: Homework[];
  clientFirstName: string;
  /** Only the practice owner may give an item a caution rules out, with a reason on record. */
  canOverride: boolean;
  onGive: (item: SuggestedItem, options: GiveOptions) => Promise<Homework>;
}

/** Items left out for this client, each with the reason; the owner may give one anyway. */
export function ExcludedItems({ excluded, active, clientFirstName, canOverride, onGive }: ExcludedItemsProps) {
  if (excluded.length === 0) return null;
  return (
    <details className="excluded">
      <summary className="excluded__summary">
        Excluded for {clientFirstName} ({excluded.length})
      </summary>
      <ul className="plain-list excluded__list">
        {excluded.map(({ exercise, reason }) => (
          <li key={exercise.id} className="excluded__item">
            <p>
              <strong>{exercise.name}</strong>
              <span className="excluded__reason"> — {reason}</span>
            </p>
            {active.some((h) => h.exerciseId === exercise.id) ? (
              <p className="small">Given anyway, with your reason on record.</p>
            ) : (
              canOverride && <GiveAnyway item={exercise} clientFirstName={clientFirstName} onGive={onGive} />
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

function GiveAnyway({
  item,
  clientFirstName,
  onGive,
}: {
  item: SuggestedItem;
  clientFirstName: string;
  onGive: ExcludedItemsProps['onGive'];
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [giving, setGiving] = useState(false);

  async function give() {
    setProblem(null);
    if (reason.trim().length < 10) {
      setError('Say why it is safe for them, in a sentence');
      return;
    }
    setError(undefined);
    setGiving(true);
    try {
      await onGive(item, { overrideReason: reason.trim() });
    } catch (err) {
      setError(err instanceof ApiError ? err.fields.overrideReason : undefined);
      setProblem(messageOf(err));
      setGiving(false);
    }
  }

  if (!open)
    return (
      <Button variant="ghost" onClick={() => setOpen(true)}>
        Give anyway<span className="visually-hidden">: {item.name}</span>
      </Button>
    );
  return (
    <div className="stack excluded__override">
      <TextAreaField
        label={`Why is it safe for ${clientFirstName}?`}
        name="overrideReason"
        rows={2}
        maxLength={500}
        hint="Kept on their record. Like: “Cleared by her GP on 3 March; light pressure only.”"
        value={reason}
        error={error}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="cluster">
        <Button variant="danger" loading={giving} onClick={give}>
          Give anyway<span className="visually-hidden">: {item.name}</span>
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {problem && <Alert tone="error">{problem}</Alert>}
    </div>
  );
}
