import { useState } from 'react';
import { NOT_REBOOKED_REASONS } from '../../../shared/api/appointments.js';
import { PracticeClockNote } from '../../components/PracticeClockNote.js';
import { Button, ChoiceChips, TextAreaField, TextField } from '../../design/components/index.js';
import { usePracticeClock } from '../../format.js';
import { type NotRebookedReason, notRebookedLabels } from './rebookText.js';

/** Another date and time than the free ones offered, typed on the practice's clock. */
export function ChangeTimeForm({
  suggestedAt,
  onChosen,
  onCancel,
}: {
  suggestedAt: string;
  onChosen: (startsAt: string) => void;
  onCancel: () => void;
}) {
  const clock = usePracticeClock();
  const [parts, setParts] = useState(() => clock.inputs(suggestedAt));
  const [error, setError] = useState<string | undefined>();

  function choose() {
    // The typed day and time are on the practice's clock, wherever this device is.
    const startsAt = clock.startsAt(parts.date, parts.time);
    if (!startsAt) {
      setError('Choose a date and a time');
      return;
    }
    if (Date.parse(startsAt) < Date.now()) {
      setError('Choose a time that is still ahead');
      return;
    }
    onChosen(startsAt);
  }

  return (
    <div className="stack">
      <div className="rebook__when">
        <TextField
          label="Date"
          name="rebook-date"
          type="date"
          value={parts.date}
          error={error}
          onChange={(e) => setParts((p) => ({ ...p, date: e.target.value }))}
        />
        <TextField
          label="Time"
          name="rebook-time"
          type="time"
          step={300}
          value={parts.time}
          onChange={(e) => setParts((p) => ({ ...p, time: e.target.value }))}
        />
      </div>
      <PracticeClockNote />
      <div className="cluster">
        <Button onClick={choose}>Use this time</Button>
        <Button variant="ghost" onClick={onCancel}>
          Back
        </Button>
      </div>
    </div>
  );
}

/** Why the client is not booking today: one chip, an optional note. */
export function NotTodayForm({
  clientFirstName,
  saving,
  onSave,
  onCancel,
}: {
  clientFirstName: string;
  saving: boolean;
  onSave: (reason: NotRebookedReason, note: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState<NotRebookedReason | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <div className="stack">
      <ChoiceChips
        legend={`Why is ${clientFirstName} not booking today?`}
        name="not-rebooked-reason"
        size="large"
        options={NOT_REBOOKED_REASONS.map((value) => ({ value, label: notRebookedLabels[value] }))}
        value={reason}
        error={error}
        onChange={(r) => {
          setReason(r);
          setError(undefined);
        }}
      />
      <TextAreaField
        label="Note"
        name="not-rebooked-note"
        optional
        rows={2}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="cluster">
        <Button loading={saving} onClick={() => (reason ? onSave(reason, note.trim()) : setError('Choose the reason that fits best'))}>
          Save
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Back
        </Button>
      </div>
    </div>
  );
}
