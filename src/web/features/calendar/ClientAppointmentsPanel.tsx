import { useEffect, useRef, useState } from 'react';
import type { Appointment } from '../../../shared/api/appointments.js';
import type { Practice } from '../../../shared/api/practice.js';
import { addDays, todayIn } from '../../../shared/time/zone.js';
import { Alert, Badge, Button, Card, Spinner } from '../../design/components/index.js';
import { useApiQuery } from '../../query.js';
import { AppointmentDialog } from './AppointmentDialog.js';
import { BookAppointmentDialog } from './BookAppointmentDialog.js';
import { fullWhenText, lengthText, statusLabels, statusTones, whenText } from './labels.js';
import './calendar.css';
import { paths } from '../../paths.js';
import { isImported, type Listed } from './importedBlocks.js';

const PAST_SHOWN = 5;

/** A client's next appointment, the ones before it, and a way to book one. */
export function ClientAppointmentsPanel({ clientId, clientName }: { clientId: string; clientName: string }) {
  const practice = useApiQuery<Practice>(paths.practice());
  // The API wants a range: everything since 2000 up to almost two years ahead (its limit).
  const [to] = useState(() => new Date(Date.now() + 700 * 86_400_000).toISOString());
  const list = useApiQuery<{ appointments: Listed[] }>(paths.appointments({ clientId, from: '2000-01-01T00:00:00Z', to }));
  const [selected, setSelected] = useState<Appointment | null>(null);
  const [booking, setBooking] = useState(false);
  const [showAllPast, setShowAllPast] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const failed = practice.state.status === 'error' ? practice.state : list.state.status === 'error' ? list.state : null;
  const ready = practice.state.status === 'ready' && list.state.status === 'ready';
  const now = Date.now();
  // Carryover's own visits: bookings from the therapist's booking calendar are shown in the calendar and Today.
  const all = list.state.status === 'ready' ? list.state.data.appointments.filter((a): a is Appointment => !isImported(a)) : [];
  const coming = all.filter((a) => Date.parse(a.startsAt) > now);
  const past = all.filter((a) => !coming.includes(a)).reverse();
  const next = coming.find((a) => a.status === 'booked');

  function changed(message: string) {
    setSelected(null);
    setBooking(false);
    setNotice(message);
    list.reload();
  }

  return (
    <Card
      title="Appointments"
      actions={
        ready && (
          <Button variant="secondary" onClick={() => setBooking(true)}>
            Book an appointment
          </Button>
        )
      }
    >
      {notice && (
        <Alert ref={noticeRef} tone="success">
          {notice}
        </Alert>
      )}
      {!ready && !failed && <Spinner label="Loading appointments…" />}
      {failed && (
        <Alert tone="error">
          <div className="cluster">
            <span>{failed.message}</span>
            <Button
              variant="secondary"
              onClick={() => {
                practice.reload();
                list.reload();
              }}
            >
              Try again
            </Button>
          </div>
        </Alert>
      )}
      {ready && practice.state.status === 'ready' && (
        <ClientAppointmentLists
          timeZone={practice.state.data.timezone}
          next={next}
          later={coming.filter((a) => a !== next)}
          past={showAllPast ? past : past.slice(0, PAST_SHOWN)}
          hiddenPast={showAllPast ? 0 : Math.max(0, past.length - PAST_SHOWN)}
          onShowAllPast={() => setShowAllPast(true)}
          onSelect={setSelected}
        />
      )}
      {practice.state.status === 'ready' && (
        <>
          <AppointmentDialog
            appointment={selected}
            timeZone={practice.state.data.timezone}
            defaultDuration={practice.state.data.defaultDurationMinutes}
            onClose={() => setSelected(null)}
            onChanged={(_, message) => changed(message)}
          />
          <BookAppointmentDialog
            open={booking}
            onClose={() => setBooking(false)}
            timeZone={practice.state.data.timezone}
            defaultDuration={practice.state.data.defaultDurationMinutes}
            start={{ date: addDays(todayIn(practice.state.data.timezone), practice.state.data.rebookIntervalDays), time: '10:00' }}
            client={{ id: clientId, name: clientName }}
            onBooked={(a) => changed(`Booked ${clientName} for ${whenText(a.startsAt, a.timezone)}.`)}
          />
        </>
      )}
    </Card>
  );
}

function ClientAppointmentLists({
  timeZone,
  next,
  later,
  past,
  hiddenPast,
  onShowAllPast,
  onSelect,
}: {
  timeZone: string;
  next: Appointment | undefined;
  later: Appointment[];
  past: Appointment[];
  hiddenPast: number;
  onShowAllPast: () => void;
  onSelect: (a: Appointment) => void;
}) {
  const row = (a: Appointment, pastRow: boolean) => (
    <li key={a.id} className="cal-rows__item">
      <span>
        {whenText(a.startsAt, timeZone)} <span className="muted">· {lengthText(a.durationMinutes)}</span>
      </span>
      <span className="cluster">
        <Badge tone={pastRow && a.status === 'booked' ? 'warning' : statusTones[a.status]}>
          {pastRow && a.status === 'booked' ? 'Not marked yet' : statusLabels[a.status]}
        </Badge>
        {a.status !== 'cancelled' && (
          <Button variant="ghost" onClick={() => onSelect(a)} aria-label={`Change ${whenText(a.startsAt, timeZone)}`}>
            Change
          </Button>
        )}
      </span>
    </li>
  );

  return (
    <div className="stack">
      <div>
        <h3 className="dialog__subtitle">Next</h3>
        {next ? (
          <div className="cluster">
            <p className="client-next">
              {fullWhenText(next.startsAt, timeZone)} · {lengthText(next.durationMinutes)}
            </p>
            <Button variant="ghost" onClick={() => onSelect(next)} aria-label={`Change ${whenText(next.startsAt, timeZone)}`}>
              Change
            </Button>
          </div>
        ) : (
          <p className="muted">Nothing booked.</p>
        )}
      </div>
      {later.length > 0 && (
        <div className="stack">
          <h3 className="dialog__subtitle">Later</h3>
          <ul className="plain-list cal-rows">{later.map((a) => row(a, false))}</ul>
        </div>
      )}
      {past.length > 0 && (
        <div className="stack">
          <h3 className="dialog__subtitle">Before</h3>
          <ul className="plain-list cal-rows">{past.map((a) => row(a, true))}</ul>
          {hiddenPast > 0 && (
            <div>
              <Button variant="ghost" onClick={onShowAllPast}>
                Show {hiddenPast} more
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
