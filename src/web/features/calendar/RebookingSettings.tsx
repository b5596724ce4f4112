import { type FormEvent, useState } from 'react';
import { type Practice, practicePatch } from '../../../shared/api/practice.js';
import { api } from '../../api.js';
import { Alert, Button, Card, SelectField, Spinner, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';
import { durationOptions } from './labels.js';

type Values = { defaultDurationMinutes: string; rebookIntervalDays: string; lapseWeeks: string };
const valuesOf = (p: Practice): Values => ({
  defaultDurationMinutes: String(p.defaultDurationMinutes),
  rebookIntervalDays: String(p.rebookIntervalDays),
  lapseWeeks: String(p.lapseWeeks),
});

/** The owner's rebooking rhythm: usual length, usual gap before the next visit, when a client counts as lapsed. */
export function RebookingSettings() {
  const practice = useApiQuery<Practice>(paths.practice());
  return (
    <Card title="Rebooking" description="How long a visit usually is, when to suggest the next one, and when to ask a client to come back.">
      {practice.state.status === 'loading' && <Spinner label="Loading rebooking settings…" />}
      {practice.state.status === 'error' && <Alert tone="error">{practice.state.message}</Alert>}
      {practice.state.status === 'ready' && <RebookingForm practice={practice.state.data} onSaved={practice.setData} />}
    </Card>
  );
}

function RebookingForm({ practice, onSaved }: { practice: Practice; onSaved: (p: Practice) => void }) {
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [values, setValues] = useState(() => valuesOf(practice));
  const [notice, setNotice] = useState<string | null>(null);
  const set = (field: keyof Values) => (e: { target: { value: string } }) => {
    setNotice(null);
    setValues((v) => ({ ...v, [field]: e.target.value }));
  };

  function save(event: FormEvent<HTMLFormElement>) {
    const changes = Object.fromEntries(
      (Object.keys(values) as (keyof Values)[]).filter((k) => Number(values[k]) !== practice[k]).map((k) => [k, Number(values[k])]),
    );
    if (Object.keys(changes).length === 0) {
      event.preventDefault();
      setNotice('Nothing to save: no setting was changed.');
      return;
    }
    return submit(event, {
      schema: practicePatch,
      values: changes,
      send: async (body) => {
        const saved = await api.patch<Practice>(paths.practice(), body);
        onSaved(saved);
        setValues(valuesOf(saved));
        setNotice('Rebooking settings saved.');
      },
    });
  }

  return (
    <form ref={formRef} className="stack" noValidate onSubmit={save}>
      <FormError message={formError} />
      <SelectField
        label="Usual appointment length"
        name="defaultDurationMinutes"
        value={values.defaultDurationMinutes}
        onChange={set('defaultDurationMinutes')}
        error={fieldErrors.defaultDurationMinutes}
        options={durationOptions(practice.defaultDurationMinutes).filter((o) => Number(o.value) >= 15 && Number(o.value) <= 240)}
      />
      <TextField
        label="Suggest the next visit after (days)"
        name="rebookIntervalDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={180}
        hint="Used at checkout until a client has a rhythm of their own. 1 to 180 days."
        value={values.rebookIntervalDays}
        onChange={set('rebookIntervalDays')}
        error={fieldErrors.rebookIntervalDays}
      />
      <TextField
        label="Ask a client to come back after (weeks)"
        name="lapseWeeks"
        type="number"
        inputMode="numeric"
        min={2}
        max={52}
        hint="With no visit and nothing booked for this long, a client shows under “Come back?” and gets one come-back email. 2 to 52 weeks."
        value={values.lapseWeeks}
        onChange={set('lapseWeeks')}
        error={fieldErrors.lapseWeeks}
      />
      {notice && <Alert tone="success">{notice}</Alert>}
      <div>
        <Button type="submit" loading={sending}>
          {sending ? 'Saving…' : 'Save rebooking settings'}
        </Button>
      </div>
    </form>
  );
}
