import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Appointment } from '../../../shared/api/appointments.js';
import type { Member } from '../../../shared/api/auth.js';
import type { Practice } from '../../../shared/api/practice.js';
import { wallClock } from '../../../shared/time/zone.js';
import { Alert, Badge, Button, ButtonLink, LoadFailed, PageHeader, Spinner } from '../../design/components/index.js';
import { useApiQuery } from '../../query.js';
import { useSignedIn } from '../../session.js';
import { AppointmentsView, startForNew } from './AppointmentsView.js';
import { BookAppointmentDialog } from './BookAppointmentDialog.js';
import type { ChosenClient } from './ClientChooser.js';
import { ComeBackList, type LapsedClient } from './ComeBackList.js';
import { type CalendarTab, calendarSearch, useCalendarPlace } from './calendarParams.js';
import { whenText } from './labels.js';
import type { BookingRequest } from './RequestCard.js';
import { RequestsView } from './RequestsView.js';
import './calendar.css';
import { paths } from '../../paths.js';

/** Who is coming in and when, who asked for a time, and who has not been back. */
export function CalendarPage() {
  const practice = useApiQuery<Practice>(paths.practice());
  return (
    <>
      <PageHeader title="Calendar" description="Who is coming in, who asked for a time, and who has not been back." />
      {practice.state.status === 'loading' && <Spinner label="Opening the calendar…" />}
      {practice.state.status === 'error' && <LoadFailed message={practice.state.message} onRetry={practice.reload} />}
      {practice.state.status === 'ready' && <Calendar practice={practice.state.data} />}
    </>
  );
}

function Calendar({ practice }: { practice: Practice }) {
  const { member } = useSignedIn();
  const [place, go] = useCalendarPlace();
  const requests = useApiQuery<{ requests: BookingRequest[] }>(paths.bookingRequests({ status: 'open' }));
  const lapsed = useApiQuery<{ clients: LapsedClient[] }>(paths.clientsLapsed());
  const members = useApiQuery<{ members: Member[] }>(member.role === 'owner' ? paths.members() : null);
  const [booking, setBooking] = useState<{ client?: ChosenClient } | null>(null);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<ReactNode>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const openRequests = requests.state.status === 'ready' ? requests.state.data.requests.length : 0;
  const lapsedCount = lapsed.state.status === 'ready' ? lapsed.state.data.clients.length : 0;
  const tabs: { tab: CalendarTab; label: string; count?: number }[] = [
    { tab: 'appointments', label: 'Appointments' },
    { tab: 'requests', label: 'Requests', count: openRequests },
    { tab: 'come-back', label: 'Come back?', count: lapsedCount },
  ];

  function booked(a: Appointment) {
    setBooking(null);
    setNotice(`Booked ${a.clientName} for ${whenText(a.startsAt, practice.timezone)}.`);
    go({ tab: 'appointments', date: wallClock(new Date(a.startsAt), practice.timezone).date });
    setVersion((v) => v + 1);
    lapsed.reload();
  }

  return (
    <div className="stack">
      <div className="cal-top">
        <nav aria-label="Calendar sections" className="cal-tabs">
          <ul className="plain-list cal-tabs__list">
            {tabs.map(({ tab, label, count }) => (
              <li key={tab}>
                <Link
                  to={`?${calendarSearch({ ...place, tab })}`}
                  className="cal-tabs__link"
                  aria-current={place.tab === tab ? 'page' : undefined}
                  onClick={() => setNotice(null)}
                >
                  {label}
                  {count ? (
                    <Badge tone={tab === 'requests' ? 'warning' : 'neutral'}>
                      {count}
                      <span className="visually-hidden"> {tab === 'requests' ? 'waiting' : 'clients'}</span>
                    </Badge>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="cluster">
          <ButtonLink to="/referrals" variant="ghost">
            Referrals
          </ButtonLink>
          <Button onClick={() => setBooking({})}>New appointment</Button>
        </div>
      </div>
      {notice && (
        <Alert ref={noticeRef} tone="success">
          {notice}
        </Alert>
      )}
      {place.tab === 'appointments' && openRequests > 0 && (
        <Alert tone="info">
          {openRequests === 1 ? 'Someone is' : `${openRequests} people are`} waiting for an answer about an appointment.{' '}
          <Link to={`?${calendarSearch({ ...place, tab: 'requests' })}`}>See the requests</Link>
        </Alert>
      )}
      {place.tab === 'appointments' && (
        <AppointmentsView
          practice={practice}
          place={place}
          go={go}
          therapists={members.state.status === 'ready' ? members.state.data.members : null}
          version={version}
          onNotice={setNotice}
        />
      )}
      {place.tab === 'requests' && (
        <RequestsView
          practice={practice}
          state={requests.state}
          reload={() => {
            requests.reload();
            setVersion((v) => v + 1);
          }}
        />
      )}
      {place.tab === 'come-back' && (
        <ComeBackList practice={practice} state={lapsed.state} reload={lapsed.reload} onBook={(client) => setBooking({ client })} />
      )}
      <BookAppointmentDialog
        open={booking !== null}
        onClose={() => setBooking(null)}
        timeZone={practice.timezone}
        defaultDuration={practice.defaultDurationMinutes}
        start={startForNew(place, practice.timezone)}
        client={booking?.client}
        onBooked={booked}
      />
    </div>
  );
}
