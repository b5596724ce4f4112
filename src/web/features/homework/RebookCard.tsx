import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Appointment, RebookSuggestion } from '../../../shared/api/appointments.js';
import { ApiError, api, messageOf } from '../../api.js';
import { Alert, Button, Card, Spinner } from '../../design/components/index.js';
import { usePracticeClock } from '../../format.js';
import { useApiQuery } from '../../query.js';
import { ChangeTimeForm, NotTodayForm } from './RebookForms.js';
import { Booked, ExistingVisit, Pending, type Slot, SlotOffer, Taken } from './RebookViews.js';
import { type NotRebookedReason, notRebookedLabels } from './rebookText.js';
import './rebook.css';
import { paths } from '../../paths.js';

/** How long a tap on a time can be taken back before it is booked. */
export const UNDO_SECONDS = 5;

/** A booking waiting out its undo: a new visit, or moving the one already booked. */
interface Intent {
  slot: Slot;
  move?: Appointment;
  confirmOverlap?: boolean;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'existing'; visit: Appointment }
  | { kind: 'pending'; intent: Intent }
  | { kind: 'taken'; intent: Intent; message: string }
  | { kind: 'change'; move?: Appointment }
  | { kind: 'not-today' }
  | { kind: 'done'; appointment: Appointment; how: 'booked' | 'moved' | 'kept' }
  | { kind: 'not-rebooked'; reason: NotRebookedReason };

interface RebookCardProps {
  sessionId: string;
  clientId: string;
  clientFirstName: string;
  clientEmail: string | null;
  /** The homework email has gone already, so it will not carry the invite. */
  emailSent: boolean;
}

/**
 * Checkout: one tap books a free time (with a few seconds to undo), or keeps or moves the visit the
 * client already has; or records why not. Every time is on the practice's clock.
 */
export function RebookCard({ sessionId, clientFirstName, clientEmail, emailSent }: RebookCardProps) {
  const clock = usePracticeClock();
  const suggestion = useApiQuery<RebookSuggestion>(paths.sessionRebookSuggestion(sessionId));
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const stepRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const waiting = useRef<{ intent: Intent; timer: number } | null>(null);
  const data = suggestion.state.status === 'ready' ? suggestion.state.data : null;

  // Back on this page: a visit booked at this checkout shows as booked; another visit ahead is offered to keep or move.
  useEffect(() => {
    const visit = data?.existing;
    if (!visit) return;
    setStep((s) =>
      s.kind !== 'choose'
        ? s
        : visit.sessionId === sessionId
          ? { kind: 'done', appointment: visit, how: 'booked' }
          : { kind: 'existing', visit },
    );
  }, [data, sessionId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows each change of step, not the first one
  useEffect(() => {
    if (moved.current) stepRef.current?.focus();
  }, [step.kind]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on leaving the page
  useEffect(
    () => () => {
      // Leaving the page within the undo time books what was tapped, as the therapist expects.
      const w = waiting.current;
      if (w) {
        window.clearTimeout(w.timer);
        waiting.current = null;
        void send(w.intent);
      }
    },
    [],
  );

  const go = (next: Step) => {
    moved.current = true;
    setProblem(null);
    setStep(next);
  };

  const startOver = () =>
    go(data?.existing && data.existing.sessionId !== sessionId ? { kind: 'existing', visit: data.existing } : { kind: 'choose' });

  function tap(intent: Intent) {
    const timer = window.setTimeout(() => {
      waiting.current = null;
      void send(intent);
    }, UNDO_SECONDS * 1000);
    waiting.current = { intent, timer };
    go({ kind: 'pending', intent });
  }

  function undo() {
    if (waiting.current) window.clearTimeout(waiting.current.timer);
    waiting.current = null;
    startOver();
  }

  async function checkout(body: object) {
    return (await api.post<{ appointment: Appointment }>(paths.sessionCheckout(sessionId), body)).appointment;
  }

  async function send(intent: Intent) {
    setBusy(true);
    try {
      if (intent.move) {
        await api.patch<Appointment>(paths.appointment(intent.move.id), {
          startsAt: intent.slot.startsAt,
          ...(intent.confirmOverlap ? { confirmOverlap: true } : {}),
        });
        go({ kind: 'done', appointment: await checkout({ rebooked: true, keepAppointmentId: intent.move.id }), how: 'moved' });
      } else {
        const appointment = await checkout({
          rebooked: true,
          startsAt: intent.slot.startsAt,
          durationMinutes: intent.slot.durationMinutes,
          ...(intent.confirmOverlap ? { confirmOverlap: true } : {}),
        });
        go({ kind: 'done', appointment, how: 'booked' });
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'overlap') go({ kind: 'taken', intent, message: err.message });
      else {
        startOver();
        setProblem(messageOf(err));
      }
    } finally {
      setBusy(false);
    }
  }

  async function keep(visit: Appointment) {
    setBusy(true);
    try {
      go({ kind: 'done', appointment: await checkout({ rebooked: true, keepAppointmentId: visit.id }), how: 'kept' });
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function notToday(reason: NotRebookedReason, note: string) {
    setBusy(true);
    try {
      await checkout({ rebooked: false, reason, ...(note ? { note } : {}) });
      go({ kind: 'not-rebooked', reason });
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  let body: ReactNode;
  if (suggestion.state.status === 'loading') body = <Spinner label="Finding free times…" />;
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
    switch (step.kind) {
      case 'choose':
        body = (
          <SlotOffer
            suggestion={s}
            clientFirstName={clientFirstName}
            clock={clock}
            onBook={(slot) => tap({ slot })}
            onOtherTime={() => go({ kind: 'change' })}
            onNotToday={() => go({ kind: 'not-today' })}
          />
        );
        break;
      case 'existing':
        body = (
          <ExistingVisit
            visit={step.visit}
            clock={clock}
            busy={busy}
            onKeep={() => keep(step.visit)}
            onMove={() => go({ kind: 'change', move: step.visit })}
          />
        );
        break;
      case 'pending':
        body = (
          <Pending
            label={`${step.intent.move ? 'Moving to' : 'Booking'} ${clock.when(step.intent.slot.startsAt)}, ${step.intent.slot.durationMinutes} minutes…`}
            onUndo={undo}
          />
        );
        break;
      case 'taken':
        body = (
          <Taken
            message={step.message}
            busy={busy}
            onAnyway={() => send({ ...step.intent, confirmOverlap: true })}
            onOther={() => go({ kind: 'change', move: step.intent.move })}
          />
        );
        break;
      case 'change':
        body = (
          <ChangeForm
            suggestion={s}
            move={step.move}
            clock={clock}
            onBook={(slot) => tap({ slot, move: step.move })}
            onCancel={startOver}
          />
        );
        break;
      case 'not-today':
        body = <NotTodayForm clientFirstName={clientFirstName} saving={busy} onSave={notToday} onCancel={startOver} />;
        break;
      case 'done':
        body = (
          <Booked
            appointment={step.appointment}
            how={step.how}
            clock={clock}
            clientFirstName={clientFirstName}
            clientEmail={clientEmail}
            emailSent={emailSent}
          />
        );
        break;
      case 'not-rebooked':
        body = (
          <>
            <p className="rebook__done">Noted: not booked today ({notRebookedLabels[step.reason].toLowerCase()}).</p>
            <div>
              <Button variant="secondary" onClick={startOver}>
                Book after all
              </Button>
            </div>
          </>
        );
        break;
    }
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

/** Moving a visit offers the free times first; any other time is typed on the practice's clock. */
function ChangeForm({
  suggestion,
  move,
  clock,
  onBook,
  onCancel,
}: {
  suggestion: RebookSuggestion;
  move?: Appointment;
  clock: ReturnType<typeof usePracticeClock>;
  onBook: (slot: Slot) => void;
  onCancel: () => void;
}) {
  const free = move ? suggestion.slots.filter((slot) => slot.startsAt !== move.startsAt) : [];
  const durationMinutes = move?.durationMinutes ?? suggestion.durationMinutes;
  return (
    <div className="stack">
      {free.length > 0 && (
        <fieldset className="rebook__alts">
          <legend>Free times</legend>
          {free.map((slot) => (
            <Button key={slot.startsAt} variant="secondary" onClick={() => onBook({ ...slot, durationMinutes })}>
              {clock.dateTime(slot.startsAt)}
            </Button>
          ))}
        </fieldset>
      )}
      <ChangeTimeForm
        suggestedAt={move?.startsAt ?? suggestion.slots[0]?.startsAt ?? new Date().toISOString()}
        onCancel={onCancel}
        onChosen={(startsAt) => onBook({ startsAt, durationMinutes })}
      />
    </div>
  );
}
