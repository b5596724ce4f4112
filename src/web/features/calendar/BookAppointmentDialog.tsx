import { type FormEvent, useState } from 'react';
import type { Appointment } from '../../../shared/api/appointments.js';
import { api } from '../../api.js';
import { Button, Dialog } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { paths } from '../../paths.js';
import { AppointmentTimeFields, startsAtOf, type TimeValues, timeValuesSchema } from './AppointmentTimeFields.js';
import { type ChosenClient, ClientChooser } from './ClientChooser.js';
import { OverlapQuestion } from './OverlapQuestion.js';
import { useOverlap } from './useOverlap.js';

interface BookProps {
  open: boolean;
  onClose: () => void;
  onBooked: (appointment: Appointment) => void;
  timeZone: string;
  defaultDuration: number;
  /** The day and time the form starts with. */
  start: { date: string; time: string };
  /** Set when booking from a client's page: no need to search. */
  client?: ChosenClient;
}

/** "New appointment": who, which day, what time, how long; asks before double-booking. */
export function BookAppointmentDialog({ open, onClose, ...form }: BookProps) {
  return (
    <Dialog open={open} title={form.client ? `Book ${form.client.name}` : 'New appointment'} onClose={onClose}>
      <BookForm {...form} onClose={onClose} />
    </Dialog>
  );
}

function BookForm({ onClose, onBooked, timeZone, defaultDuration, start, client: given }: Omit<BookProps, 'open'>) {
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const { overlap, catchOverlap, clearOverlap } = useOverlap();
  const [client, setClient] = useState<ChosenClient | null>(given ?? null);
  const [clientError, setClientError] = useState<string | undefined>();
  const [values, setValues] = useState<TimeValues>({ ...start, duration: String(defaultDuration) });

  function book(event: FormEvent<HTMLFormElement> | null, confirmOverlap = false) {
    if (!client) {
      event?.preventDefault();
      setClientError('Choose who the appointment is for');
      formRef.current?.querySelector<HTMLInputElement>('input[name="clientSearch"]')?.focus();
      return;
    }
    clearOverlap();
    return submit(event, {
      schema: timeValuesSchema,
      values,
      onApiError: catchOverlap,
      send: async (v) => {
        const appointment = await api.post<Appointment>(paths.clientAppointments(client.id), {
          startsAt: startsAtOf(v, timeZone),
          durationMinutes: v.duration,
          ...(confirmOverlap ? { confirmOverlap: true } : {}),
        });
        onBooked(appointment);
      },
    });
  }

  return (
    <form ref={formRef} className="stack" noValidate onSubmit={(e) => book(e)}>
      <FormError message={formError} />
      {!given && (
        <ClientChooser
          value={client}
          onChange={(c) => {
            setClient(c);
            setClientError(undefined);
          }}
          error={clientError}
        />
      )}
      <AppointmentTimeFields
        values={values}
        onChange={(next) => {
          clearOverlap();
          setValues(next);
        }}
        errors={fieldErrors}
        defaultDuration={defaultDuration}
        timeZone={timeZone}
      />
      {overlap ? (
        <OverlapQuestion message={overlap} sending={sending} onConfirm={() => book(null, true)} onCancel={clearOverlap} />
      ) : (
        <div className="cluster">
          <Button type="submit" loading={sending}>
            {sending ? 'Booking…' : 'Book appointment'}
          </Button>
          <Button variant="ghost" onClick={onClose} disabled={sending}>
            Cancel
          </Button>
        </div>
      )}
    </form>
  );
}
