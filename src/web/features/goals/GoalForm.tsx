import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { type Goal, goalBody } from '../../../shared/api/goals.js';
import { api } from '../../api.js';
import { FormActions, TextAreaField, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { paths } from '../../paths.js';

const empty = { statement: '', unit: '', baseline: '', target: '', targetDate: '' };

const aNumber = z.number({ error: 'Enter a number, like 3' }).nullable().optional();
/** The API's schema, with words for a number field holding something else. */
const goalForm = goalBody.safeExtend({ baseline: aNumber, target: aNumber });

/** A number field's value for the API: empty is "not given", anything else a number (zod names a bad one). */
const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));

/** A new goal in the client's own words, with a measure they can log if there is one. */
export function GoalForm({
  clientId,
  firstName,
  onAdded,
  onCancel,
}: {
  clientId: string;
  firstName: string;
  onAdded: (g: Goal) => void;
  onCancel: () => void;
}) {
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [values, setValues] = useState(empty);
  const set = (field: keyof typeof empty) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  function add(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: goalForm,
      values: {
        statement: values.statement,
        unit: values.unit.trim() || null,
        baseline: numberOrNull(values.baseline),
        target: numberOrNull(values.target),
        targetDate: values.targetDate || null,
      },
      send: async (body) => onAdded(await api.post<Goal>(paths.clientGoals(clientId), body)),
    });
  }

  return (
    <form ref={formRef} className="stack goal-form" noValidate onSubmit={add}>
      <h3 className="goal-form__title">New goal</h3>
      <FormError message={formError} />
      <TextAreaField
        label={`The goal, in ${firstName}’s words`}
        name="statement"
        rows={2}
        hint="For example: “Get through a work day without a headache.”"
        value={values.statement}
        onChange={set('statement')}
        error={fieldErrors.statement}
      />
      <TextField
        label="What to count"
        name="unit"
        optional
        hint="For example: headaches per week. Leave empty if there is nothing to count."
        value={values.unit}
        onChange={set('unit')}
        error={fieldErrors.unit}
      />
      <div className="goal-form__numbers">
        <TextField
          label="Now"
          name="baseline"
          optional
          inputMode="decimal"
          value={values.baseline}
          onChange={set('baseline')}
          error={fieldErrors.baseline}
        />
        <TextField
          label="Aim"
          name="target"
          optional
          inputMode="decimal"
          value={values.target}
          onChange={set('target')}
          error={fieldErrors.target}
        />
        <TextField
          label="By"
          name="targetDate"
          type="date"
          optional
          value={values.targetDate}
          onChange={set('targetDate')}
          error={fieldErrors.targetDate}
        />
      </div>
      <FormActions label="Add goal" busyLabel="Adding…" sending={sending} onCancel={onCancel} />
    </form>
  );
}
