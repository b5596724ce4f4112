import type { Appointment, RebookSuggestion } from '../../../shared/api/appointments.js';
import { Alert, Button, CheckIcon } from '../../design/components/index.js';
import type { PracticeClockTools } from '../../format.js';

export type Slot = RebookSuggestion['slots'][number];

/** The best free slot as the big button, two other free times beside it, and the ways out. */
export function SlotOffer({
  suggestion,
  clientFirstName,
  clock,
  onBook,
  onOtherTime,
  onNotToday,
}: {
  suggestion: RebookSuggestion;
  clientFirstName: string;
  clock: PracticeClockTools;
  onBook: (slot: Slot) => void;
  onOtherTime: () => void;
  onNotToday: () => void;
}) {
  const [best, ...others] = suggestion.slots;
  return (
    <>
      <p className="muted">
        Every {suggestion.intervalDays} days suits {clientFirstName}; free times in your working hours, {suggestion.durationMinutes}{' '}
        minutes.
      </p>
      {best ? (
        <Button className="rebook__big" onClick={() => onBook(best)}>
          Book {clock.dateTime(best.startsAt)}
        </Button>
      ) : (
        <p>No free time in your working hours near then. Choose another time.</p>
      )}
      {others.length > 0 && (
        <fieldset className="rebook__alts">
          <legend className="visually-hidden">Or another free time</legend>
          {others.map((slot) => (
            <Button key={slot.startsAt} variant="secondary" onClick={() => onBook(slot)}>
              {clock.dateTime(slot.startsAt)}
            </Button>
          ))}
        </fieldset>
      )}
      <div className="cluster">
        <Button variant={best ? 'ghost' : 'secondary'} onClick={onOtherTime}>
          Change time
        </Button>
        <Button variant="ghost" onClick={onNotToday}>
          Not today
        </Button>
      </div>
    </>
  );
}

/** The client already has their next visit: keep it, or move it to a free time. */
export function ExistingVisit({
  visit,
  clock,
  onKeep,
  onMove,
  busy,
}: {
  visit: Appointment;
  clock: PracticeClockTools;
  onKeep: () => void;
  onMove: () => void;
  busy: boolean;
}) {
  return (
    <>
      <p className="rebook__question">Next visit {clock.dateTime(visit.startsAt)}</p>
      <div className="cluster">
        <Button className="rebook__big" loading={busy} onClick={onKeep}>
          Keep
        </Button>
        <Button variant="secondary" onClick={onMove} disabled={busy}>
          Move
        </Button>
      </div>
    </>
  );
}

/** A few seconds to take a tap back before anything is booked or sent. */
export function Pending({ label, onUndo }: { label: string; onUndo: () => void }) {
  return (
    <div className="rebook__pending">
      <p className="rebook__question" role="status">
        {label}
      </p>
      <Button variant="secondary" onClick={onUndo}>
        Undo
      </Button>
    </div>
  );
}

/** A time the therapist typed meets another booking: book it anyway, or choose again. */
export function Taken({ message, busy, onAnyway, onOther }: { message: string; busy: boolean; onAnyway: () => void; onOther: () => void }) {
  return (
    <>
      <Alert tone="error" title="That time is taken">
        {message}
      </Alert>
      <div className="cluster">
        <Button loading={busy} onClick={onAnyway}>
          Book anyway
        </Button>
        <Button variant="secondary" onClick={onOther}>
          Choose another time
        </Button>
      </div>
    </>
  );
}

export function Booked({
  appointment,
  how,
  clock,
  clientFirstName,
  clientEmail,
  emailSent,
}: {
  appointment: Appointment;
  how: 'booked' | 'moved' | 'kept';
  clock: PracticeClockTools;
  clientFirstName: string;
  clientEmail: string | null;
  emailSent: boolean;
}) {
  const mail = !clientEmail
    ? `${clientFirstName} has no email on file: tell them the time before they leave.`
    : how === 'kept'
      ? null
      : how === 'moved'
        ? `The new time goes to ${clientEmail} now.`
        : emailSent
          ? `The calendar invite goes to ${clientEmail} now.`
          : 'The calendar invite goes with the homework email.';
  return (
    <>
      <p className="rebook__done">
        <CheckIcon size={22} />
        <span>{how === 'kept' ? 'Kept.' : how === 'moved' ? 'Moved.' : 'Booked.'}</span>
      </p>
      <p className="rebook__when-booked">
        {clock.dateTime(appointment.startsAt)} · {appointment.durationMinutes} minutes
      </p>
      {mail && <p>{mail}</p>}
    </>
  );
}
