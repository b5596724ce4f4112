import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Appointment } from '../../../shared/api/appointments.js';
import { timeOfDay, wallClock } from '../../../shared/time/zone.js';
import { api, messageOf } from '../../api.js';
import { Alert, Badge, Button, Dialog } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { pages, paths } from '../../paths.js';
import { AppointmentTimeFields, startsAtOf, type TimeValues, timeValuesSchema } from './AppointmentTimeFields.js';
import { adherenceOf, fullWhenText, homeworkText, lengthText, statusLabels, statusTones, whenText } from './labels.js';
import { OverlapQuestion } from './OverlapQuestion.js';
import { useOverlap } from './useOverlap.js';

type Status = Appointment['status'];

interface Props {
  appointment: Appointment | null;
  timeZone: string;
  defaultDuration: number;
  onClose: () => void;
  /** The saved appointment and a sentence saying what changed. */
  onChanged: (appointment: Appointment, message: string) => void;
}

/** One appointment: move it, change its length, cancel it, or say how it went. */
export function AppointmentDialog({ appointment, onClose, ...rest }: Props) {
  return (
    <Dialog open={appointment !== null} title={appointment ? appointment.clientName : 'Appointment'} onClose={onClose}>
      {appointment && <AppointmentDetails key={appointment.id} appointment={appointment} onClose={onClose} {...rest} />}
    </Dialog>
  );
}

function AppointmentDetails({ appointment: a, timeZone, defaultDuration, onClose, onChanged }: Props & { appointment: Appointment }) {
  const [busy, setBusy] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const first = a.clientName.split(' ')[0];
  const homework = adherenceOf(a);

  async function setStatus(status: Status, message: string) {
    setBusy(status);
    setError(null);
    try {
      onChanged(await api.patch<Appointment>(paths.appointment(a.id), { status }), message);
    } catch (err) {
      setError(messageOf(err));
      setBusy(null);
    }
  }

  return (
    <div className="stack">
      <dl className="details-list">
        <dt>When</dt>
        <dd>
          {fullWhenText(a.startsAt, timeZone)} · {lengthText(a.durationMinutes)}
        </dd>
        <dt>Status</dt>
        <dd>
          <Badge tone={statusTones[a.status]}>{statusLabels[a.status]}</Badge>
        </dd>
        {homework && (
          <>
            <dt>Homework</dt>
            <dd>{homeworkText(homework)}</dd>
          </>
        )}
      </dl>
      <p>
        <Link to={pages.client(a.clientId)} className="text-link">
          Open {a.clientName}’s page
        </Link>
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      {a.status === 'booked' && (
        <>
          <MoveForm appointment={a} timeZone={timeZone} defaultDuration={defaultDuration} onChanged={onChanged} />
          <div className="dialog-section stack">
            <h3 className="dialog__subtitle">How did it go?</h3>
            <div className="cluster">
              <Button
                variant="secondary"
                loading={busy === 'done'}
                disabled={busy !== null}
                onClick={() => setStatus('done', `${a.clientName}’s appointment is marked done.`)}
              >
                Mark done
              </Button>
              <Button
                variant="secondary"
                loading={busy === 'no-show'}
                disabled={busy !== null}
                onClick={() => setStatus('no-show', `${a.clientName}’s appointment is marked as a no-show.`)}
              >
                Mark no-show
              </Button>
            </div>
          </div>
          <CancelStep
            name={first}
            confirming={confirmingCancel}
            setConfirming={setConfirmingCancel}
            cancelling={busy === 'cancelled'}
            disabled={busy !== null && busy !== 'cancelled'}
            onCancel={() => setStatus('cancelled', `${a.clientName}’s appointment on ${whenText(a.startsAt, timeZone)} is cancelled.`)}
          />
        </>
      )}
      {(a.status === 'done' || a.status === 'no-show') && (
        <div>
          <Button
            variant="secondary"
            loading={busy === 'booked'}
            onClick={() => setStatus('booked', `${a.clientName}’s appointment is booked again.`)}
          >
            Undo: mark as booked
          </Button>
        </div>
      )}
      <div className="dialog__footer">
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
    </div>
  );
}

function MoveForm({
  appointment: a,
  timeZone,
  defaultDuration,
  onChanged,
}: Pick<Props, 'timeZone' | 'defaultDuration' | 'onChanged'> & { appointment: Appointment }) {
  const { formRef, fieldErrors, formError, sending, submit, setFormError } = useForm();
  const { overlap, catchOverlap, clearOverlap } = useOverlap();
  const wall = wallClock(new Date(a.startsAt), timeZone);
  const saved: TimeValues = { date: wall.date, time: timeOfDay(wall.minutes), duration: String(a.durationMinutes) };
  const [values, setValues] = useState<TimeValues>(saved);

  function move(event: FormEvent<HTMLFormElement> | null, confirmOverlap = false) {
    clearOverlap();
    const timeChanged = values.date !== saved.date || values.time !== saved.time;
    const lengthChanged = values.duration !== saved.duration;
    if (!timeChanged && !lengthChanged) {
      event?.preventDefault();
      setFormError('Choose a new day, time or length first.');
      return;
    }
    return submit(event, {
      schema: timeValuesSchema,
      values,
      onApiError: catchOverlap,
      send: async (v) => {
        const next = await api.patch<Appointment>(paths.appointment(a.id), {
          ...(timeChanged ? { startsAt: startsAtOf(v, timeZone) } : {}),
          ...(lengthChanged ? { durationMinutes: v.duration } : {}),
          ...(confirmOverlap ? { confirmOverlap: true } : {}),
        });
        onChanged(
          next,
          timeChanged
            ? `${a.clientName}’s appointment moved to ${whenText(next.startsAt, timeZone)}.`
            : `${a.clientName}’s appointment is now ${lengthText(next.durationMinutes)}.`,
        );
      },
    });
  }

  return (
    <form ref={formRef} className="stack dialog-section" noValidate onSubmit={(e) => move(e)}>
      <h3 className="dialog__subtitle">Move or change the length</h3>
      <FormError message={formError} />
      <AppointmentTimeFields
        values={values}
        onChange={(next) => {
          clearOverlap();
          setFormError(null);
          setValues(next);
        }}
        errors={fieldErrors}
        defaultDuration={defaultDuration}
        timeZone={timeZone}
      />
      {overlap ? (
        <OverlapQuestion
          message={overlap}
          sending={sending}
          confirmLabel="Move anyway"
          onConfirm={() => move(null, true)}
          onCancel={clearOverlap}
        />
      ) : (
        <div>
          <Button type="submit" variant="secondary" loading={sending}>
            {sending ? 'Saving…' : 'Save new time'}
          </Button>
        </div>
      )}
    </form>
  );
}

function CancelStep({
  name,
  confirming,
  setConfirming,
  cancelling,
  disabled,
  onCancel,
}: {
  name: string;
  confirming: boolean;
  setConfirming: (on: boolean) => void;
  cancelling: boolean;
  disabled: boolean;
  onCancel: () => void;
}) {
  const yesRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // The pressed button goes away, so focus follows to the one that replaces it.
  useEffect(() => {
    if (confirming) {
      asked.current = true;
      yesRef.current?.focus();
    } else if (asked.current) askRef.current?.focus();
  }, [confirming]);

  return (
    <div className="dialog-section">
      {confirming ? (
        <fieldset className="confirm-step">
          <legend>Cancel {name}’s appointment? If they get emails from you, they are sent a cancellation for their calendar.</legend>
          <div className="cluster">
            <Button ref={yesRef} variant="danger" loading={cancelling} onClick={onCancel}>
              Yes, cancel it
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)} disabled={cancelling}>
              Keep it
            </Button>
          </div>
        </fieldset>
      ) : (
        <Button ref={askRef} variant="danger" disabled={disabled} onClick={() => setConfirming(true)}>
          Cancel appointment
        </Button>
      )}
    </div>
  );
}
