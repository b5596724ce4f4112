import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { Appointment, rebookSuggestion } from '../../../shared/api/appointments.js';
import { ApiError, api, messageOf } from '../../api.js';
import { Alert, Button, Card, CheckIcon, Spinner } from '../../design/components/index.js';
import { useApiData } from '../../useApiData.js';
import { ChangeTimeForm, NotTodayForm } from './RebookForms.js';
import { type NotRebookedReason, notRebookedLabels, whenLabel } from './rebookText.js';

type RebookSuggestion = z.infer<typeof rebookSuggestion>;
interface BookedProps {
  appointment: Appointment;
  clientFirstName: string;
  clientEmail: string | null;
  emailSent: boolean;
}
type Step =
  | { kind: 'choose' }
  | { kind: 'confirm'; startsAt: string; durationMinutes: number; label: string; overlap?: string }
  | { kind: 'change' }
  | { kind: 'not-today' }
  | { kind: 'booked'; appointment: Appointment }
  | { kind: 'not-rebooked'; reason: NotRebookedReason };

interface RebookCardProps {
  sessionId: string;
  clientId: string;
  clientFirstName: string;
  clientEmail: string | null;
  /** The homework email has gone already, so it will not carry the invite. */
  emailSent: boolean;
}

const YEAR = 365 * 86_400_000;

/** Checkout: book the next visit in two taps, or record why not. */
export function RebookCard({ sessionId, clientId, clientFirstName, clientEmail, emailSent }: RebookCardProps) {
  const suggestion = useApiData<RebookSuggestion>(`/api/v1/sessions/${encodeURIComponent(sessionId)}/rebook-suggestion`);
  const [range] = useState(() => ({ from: new Date().toISOString(), to: new Date(Date.now() + YEAR).toISOString() }));
  const booked = useApiData<{ appointments: Appointment[] }>(
    `/api/v1/appointments?clientId=${encodeURIComponent(clientId)}&from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`,
  );
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const stepRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  // Back on this page after booking: show the booking, not the offer.
  const already =
    booked.state.status === 'ready'
      ? booked.state.data.appointments.find((a) => a.sessionId === sessionId && a.status === 'booked')
      : undefined;
  useEffect(() => {
    if (already) setStep((s) => (s.kind === 'choose' ? { kind: 'booked', appointment: already } : s));
  }, [already]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows each change of step, not the first one
  useEffect(() => {
    if (moved.current) stepRef.current?.focus();
  }, [step.kind]);

  const go = (next: Step) => {
    moved.current = true;
    setProblem(null);
    setStep(next);
  };

  async function book(s: Extract<Step, { kind: 'confirm' }>, confirmOverlap: boolean) {
    setBusy(true);
    setProblem(null);
    try {
      const result = await api.post<{ appointment: Appointment }>(`/api/v1/sessions/${encodeURIComponent(sessionId)}/checkout`, {
        rebooked: true,
        startsAt: s.startsAt,
        durationMinutes: s.durationMinutes,
        ...(confirmOverlap ? { confirmOverlap: true } : {}),
      });
      go({ kind: 'booked', appointment: result.appointment });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'overlap') setStep({ ...s, overlap: err.message });
      else setProblem(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function notToday(reason: NotRebookedReason, note: string) {
    setBusy(true);
    setProblem(null);
    try {
      await api.post(`/api/v1/sessions/${encodeURIComponent(sessionId)}/checkout`, { rebooked: false, reason, ...(note ? { note } : {}) });
      go({ kind: 'not-rebooked', reason });
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  let body: ReactNode;
  if (suggestion.state.status === 'loading' || booked.state.status === 'loading') body = <Spinner label="Finding the next time…" />;
  else if (suggestion.state.status === 'error')
    body = (
      <div className="stack">
        <Alert tone="error">{suggestion.state.message}</Alert>
        <div>
          <Button variant="secondary" onClick={suggestion.reload}>
            Try again
          </Button>
        </div>
      </div>
    );
  else {
    const s = suggestion.state.data;
    const best = s.slots[0]?.startsAt ?? new Date(Date.now() + 7 * 86_400_000).toISOString();
    const offer = { kind: 'confirm' as const, startsAt: best, durationMinutes: s.durationMinutes, label: whenLabel(best, s.timezone) };
    body = (
      <StepView
        step={step}
        suggestion={s}
        clientFirstName={clientFirstName}
        busy={busy}
        emailSent={emailSent}
        clientEmail={clientEmail}
        go={go}
        offer={offer}
        book={book}
        notToday={notToday}
      />
    );
  }

  return (
    <Card title="Book the next visit" className="rebook">
      <div ref={stepRef} tabIndex={-1} className="stack rebook__step">
        {body}
        {problem && <Alert tone="error">{problem}</Alert>}
      </div>
    </Card>
  );
}

interface StepViewProps {
  step: Step;
  suggestion: RebookSuggestion;
  offer: Extract<Step, { kind: 'confirm' }>;
  clientFirstName: string;
  busy: boolean;
  emailSent: boolean;
  clientEmail: string | null;
  go: (next: Step) => void;
  book: (s: Extract<Step, { kind: 'confirm' }>, confirmOverlap: boolean) => void;
  notToday: (reason: NotRebookedReason, note: string) => void;
}

function StepView({ step, suggestion, offer, clientFirstName, busy, emailSent, clientEmail, go, book, notToday }: StepViewProps) {
  switch (step.kind) {
    case 'choose':
      return (
        <>
          <p className="muted">
            Every {suggestion.intervalDays} days suits {clientFirstName}; same time of day, {suggestion.durationMinutes} minutes.
          </p>
          <Button className="rebook__big" onClick={() => go(offer)}>
            Book {offer.label}
          </Button>
          <div className="cluster">
            <Button variant="secondary" onClick={() => go({ kind: 'change' })}>
              Change time
            </Button>
            <Button variant="ghost" onClick={() => go({ kind: 'not-today' })}>
              Not today
            </Button>
          </div>
        </>
      );
    case 'confirm':
      return (
        <>
          <p className="rebook__question">
            Book {clientFirstName} for {step.label}, {step.durationMinutes} minutes?
          </p>
          {step.overlap ? (
            <>
              <Alert tone="error" title="That time is taken">
                {step.overlap} Book anyway?
              </Alert>
              <div className="cluster">
                <Button className="rebook__big" loading={busy} onClick={() => book(step, true)}>
                  Book anyway
                </Button>
                <Button variant="secondary" onClick={() => go({ kind: 'change' })}>
                  Choose another time
                </Button>
              </div>
            </>
          ) : (
            <div className="cluster">
              <Button className="rebook__big" loading={busy} onClick={() => book(step, false)}>
                Yes, book it
              </Button>
              <Button variant="ghost" onClick={() => go({ kind: 'choose' })}>
                Back
              </Button>
            </div>
          )}
        </>
      );
    case 'change':
      return (
        <ChangeTimeForm
          suggestedAt={offer.startsAt}
          onCancel={() => go({ kind: 'choose' })}
          onChosen={(startsAt) =>
            go({ kind: 'confirm', startsAt, durationMinutes: suggestion.durationMinutes, label: whenLabel(startsAt) })
          }
        />
      );
    case 'not-today':
      return <NotTodayForm clientFirstName={clientFirstName} saving={busy} onSave={notToday} onCancel={() => go({ kind: 'choose' })} />;
    case 'booked':
      return <Booked appointment={step.appointment} clientFirstName={clientFirstName} clientEmail={clientEmail} emailSent={emailSent} />;
    case 'not-rebooked':
      return (
        <>
          <p className="rebook__done">Noted: not booked today ({notRebookedLabels[step.reason].toLowerCase()}).</p>
          <div>
            <Button variant="secondary" onClick={() => go(offer)}>
              Book after all
            </Button>
          </div>
        </>
      );
  }
}

function Booked({ appointment, clientFirstName, clientEmail, emailSent }: BookedProps) {
  return (
    <>
      <p className="rebook__done">
        <CheckIcon size={22} />
        <span>Booked.</span>
      </p>
      <p className="rebook__when-booked">
        {whenLabel(appointment.startsAt, appointment.timezone)} · {appointment.durationMinutes} minutes
      </p>
      {/* Booking mails the invite itself; a homework email sent afterwards carries it as well. */}
      {clientEmail ? (
        <p>
          The calendar invite goes to {clientEmail} now{emailSent ? '.' : ', and rides along with the homework email.'}
        </p>
      ) : (
        <p>{clientFirstName} has no email on file: tell them the time before they leave.</p>
      )}
    </>
  );
}
