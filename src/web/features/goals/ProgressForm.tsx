import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { type Goal, progressEntryBody } from '../../../shared/api/goals.js';
import { api } from '../../api.js';
import { FormActions, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { paths } from '../../paths.js';

const progressForm = progressEntryBody.safeExtend({ value: z.number({ error: 'Enter a number, like 3' }) });

/** Log where the client is now on a goal's measure, with a short note. */
export function ProgressForm({ goal, onLogged, onCancel }: { goal: Goal; onLogged: (g: Goal) => void; onCancel: () => void }) {
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');

  function log(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: progressForm,
      values: { value: value.trim() === '' ? undefined : Number(value.replace(',', '.')), ...(note.trim() ? { note: note.trim() } : {}) },
      send: async (body) => onLogged(await api.post<Goal>(paths.goalProgress(goal.id), body)),
    });
  }

  return (
    <form ref={formRef} className="stack goal-form" noValidate onSubmit={log}>
      <FormError message={formError} />
      <div className="goal-form__numbers">
        <TextField
          label={goal.unit ? `${goal.unit.charAt(0).toUpperCase()}${goal.unit.slice(1)} now` : 'Where they are now'}
          name="value"
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={fieldErrors.value}
        />
        <TextField label="Note" name="note" optional value={note} onChange={(e) => setNote(e.target.value)} error={fieldErrors.note} />
      </div>
      <FormActions label="Save progress" sending={sending} onCancel={onCancel} />
    </form>
  );
}
