import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { Appointment } from '../../../shared/api/appointments.js';
import type { bookingRequestSchema } from '../../../shared/api/referrals.js';
import { addDays, todayIn } from '../../../shared/time/zone.js';
import { api, messageOf } from '../../api.js';
import { Alert, Badge, Button, FormActions, TextAreaField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { formatDateTime } from '../../format.js';
import { useForm } from '../../forms.js';
import { paths } from '../../paths.js';
import { AppointmentTimeFields, startsAtOf, type TimeValues, timeValuesSchema } from './AppointmentTimeFields.js';
import { whenText } from './labels.js';
import { OverlapQuestion } from './OverlapQuestion.js';

export type BookingRequest = z.infer<typeof bookingRequestSchema>;

interface Props {
  request: BookingRequest;
  timeZone: string;
  defaultDuration: number;
  onConfirmed: (request: BookingRequest, result: { appointment: Appointment; clientId: string }) => void;
  onProposed: (request: BookingRequest, startsAt: string) => void;
}

/** Someone asking for an appointment: one tap confirms a time they chose, or suggest another. */
export function RequestCard({ request: r, timeZone, defaultDuration, onConfirmed, onProposed }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [overlap, setOverlap] = useState<{ time: string; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const first = r.name.split(' ')[0];
  const now = Date.now();

  async function confirm(time: string, confirmOverlap = false) {
    setConfirming(time);
    setError(null);
    setOverlap(null);
    try {
      const result = await api.post<{ appointment: Appointment; clientId: string }>(paths.bookingRequestConfirm(r.id), {
        startsAt: time,
        ...(confirmOverlap ? { confirmOverlap: true } : {}),
      });
      onConfirmed(r, result);
    } catch (err) {
      const e = err as { status?: number; code?: string };
      if (e.status === 409 && e.code === 'overlap') setOverlap({ time, message: messageOf(err) });
      else setError(messageOf(err));
    } finally {
      setConfirming(null);
    }
  }

  const contact = [r.email, r.phone].filter(Boolean).join(' · ');
  return (
    <li className="request">
      <div className="request__header">
        <h2 className="request__name">{r.name}</h2>
        {r.referrerName && <Badge tone="success">Friend of {r.referrerName}</Badge>}
        {!r.referrerName && r.clientId && <Badge>Client, from their page</Badge>}
        {r.status === 'proposed' && <Badge tone="warning">You suggested another time</Badge>}
      </div>
      <p className="muted small">
        Asked {formatDateTime(r.createdAt)}
        {contact && ` · ${contact}`}
      </p>
      {r.message && <blockquote className="request__message">{r.message}</blockquote>}
      {error && <Alert tone="error">{error}</Alert>}
      <div className="stack">
        <p>Times that suit {first}:</p>
        <ul className="plain-list cluster">
          {r.preferredTimes.map((time) => (
            <li key={time}>
              {Date.parse(time) < now ? (
                <span className="muted">{whenText(time, timeZone)} (has passed)</span>
              ) : (
                <Button loading={confirming === time} disabled={confirming !== null} onClick={() => confirm(time)}>
                  Confirm {whenText(time, timeZone)}
                </Button>
              )}
            </li>
          ))}
        </ul>
        {overlap && (
          <OverlapQuestion
            message={overlap.message}
            sending={confirming !== null}
            onConfirm={() => confirm(overlap.time, true)}
            onCancel={() => setOverlap(null)}
          />
        )}
        {suggesting ? (
          <SuggestTimeForm
            request={r}
            timeZone={timeZone}
            defaultDuration={defaultDuration}
            onSent={(startsAt) => {
              setSuggesting(false);
              onProposed(r, startsAt);
            }}
            onCancel={() => setSuggesting(false)}
          />
        ) : (
          <div>
            <Button variant="secondary" onClick={() => setSuggesting(true)} aria-label={`Suggest another time to ${r.name}`}>
              Suggest another time
            </Button>
          </div>
        )}
      </div>
    </li>
  );
}

function SuggestTimeForm({
  request: r,
  timeZone,
  defaultDuration,
  onSent,
  onCancel,
}: {
  request: BookingRequest;
  timeZone: string;
  defaultDuration: number;
  onSent: (startsAt: string) => void;
  onCancel: () => void;
}) {
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [values, setValues] = useState<TimeValues>({
    date: addDays(todayIn(timeZone), 1),
    time: '10:00',
    duration: String(defaultDuration),
  });
  const [message, setMessage] = useState('');

  function send(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: timeValuesSchema.omit({ duration: true }),
      values,
      send: async (v) => {
        const startsAt = startsAtOf(v, timeZone);
        await api.post(paths.bookingRequestPropose(r.id), {
          startsAt,
          ...(message.trim() ? { message: message.trim() } : {}),
        });
        onSent(startsAt);
      },
    });
  }

  return (
    <form ref={formRef} className="stack request__suggest" noValidate onSubmit={send}>
      <h3 className="request__suggest-title">Suggest another time to {r.name}</h3>
      <FormError message={formError} />
      <AppointmentTimeFields
        values={values}
        onChange={setValues}
        errors={fieldErrors}
        defaultDuration={defaultDuration}
        timeZone={timeZone}
        withLength={false}
      />
      <TextAreaField
        label="A note with it"
        name="message"
        optional
        rows={2}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        error={fieldErrors.message}
      />
      <FormActions label="Send by email" busyLabel="Sending…" sending={sending} onCancel={onCancel} />
    </form>
  );
}
