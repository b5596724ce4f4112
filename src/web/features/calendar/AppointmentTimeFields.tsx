import { z } from 'zod';
import { durationSchema } from '../../../shared/api/appointments.js';
import { instantAt, isLocalDate, isoInZone } from '../../../shared/time/zone.js';
import { PracticeClockNote } from '../../components/PracticeClockNote.js';
import { SelectField, TextField } from '../../design/components/index.js';
import type { FieldErrors } from '../../forms.js';
import { durationOptions } from './labels.js';

export interface TimeValues {
  date: string;
  time: string;
  duration: string;
}

/** The form's day, time and length, checked before anything is sent. */
export const timeValuesSchema = z.object({
  date: z.string().refine(isLocalDate, 'Choose a day'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Choose a time'),
  duration: z.coerce.number().pipe(durationSchema),
});

/** The API's startsAt for a day and time on the practice's clock. */
export const startsAtOf = (v: { date: string; time: string }, timeZone: string) => isoInZone(instantAt(v.date, v.time, timeZone), timeZone);

interface Props {
  values: TimeValues;
  onChange: (next: TimeValues) => void;
  errors: FieldErrors;
  defaultDuration: number;
  /** Names the time zone under the time field when the device is elsewhere. */
  timeZone: string;
  /** False where only a time matters (suggesting one by email). */
  withLength?: boolean;
}

/** Day, time and length of an appointment, side by side on a tablet. */
export function AppointmentTimeFields({ values, onChange, errors, defaultDuration, timeZone, withLength = true }: Props) {
  const set = (field: keyof TimeValues) => (e: { target: { value: string } }) => onChange({ ...values, [field]: e.target.value });
  return (
    <div className="stack">
      <div className="time-fields">
        <TextField label="Day" name="date" type="date" value={values.date} onChange={set('date')} error={errors.date} />
        <TextField
          label="Time"
          name="time"
          type="time"
          step={300}
          value={values.time}
          onChange={set('time')}
          error={errors.time ?? errors.startsAt}
        />
        {withLength && (
          <SelectField
            label="Length"
            name="duration"
            value={values.duration}
            onChange={set('duration')}
            error={errors.duration ?? errors.durationMinutes}
            options={durationOptions(defaultDuration, Number(values.duration) || undefined)}
          />
        )}
      </div>
      <PracticeClockNote timeZone={timeZone} />
    </div>
  );
}
