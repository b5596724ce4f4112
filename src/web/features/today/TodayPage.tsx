import { Link, useSearchParams } from 'react-router';
import type { Today } from '../../../shared/api/today.js';
import { addDays, dayForFormatting, isLocalDate } from '../../../shared/time/zone.js';
import { ButtonLink, CalendarIcon, EmptyState, LoadFailed, PageHeader, SelectField, Spinner } from '../../design/components/index.js';
import { formatDayHeading, usePracticeClock } from '../../format.js';
import { useApiQuery } from '../../query.js';
import { useSignedIn } from '../../session.js';
import { AppointmentCard } from './AppointmentCard.js';
import { ImportedBookings } from './ImportedBookings.js';
import './today.css';
import { paths } from '../../paths.js';

type Member = { id: string; name: string; role: string };

/** The therapist's home: the day's appointments in order, each ready to start; the owner sees everyone's. */
export function TodayPage() {
  const clock = usePracticeClock();
  const { member } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const today = clock.today();
  const date = isLocalDate(params.get('date')) ? (params.get('date') as string) : today;
  const therapistId = params.get('therapistId') ?? '';
  const day = useApiQuery<Today>(paths.today({ date, therapistId }));
  const members = useApiQuery<{ members: Member[] }>(member.role === 'owner' ? paths.members() : null);
  const team = members.state.status === 'ready' ? members.state.data.members : [];
  // An owner's day shows once the team is known too, so the therapist filter never appears above
  // it and pushes the day down (layout shift); the team is fetched alongside the day (preloadToday.ts).
  const loading = day.state.status === 'loading' || (member.role === 'owner' && members.state.status === 'loading');

  const go = (next: { date?: string; therapistId?: string }) => {
    const p = new URLSearchParams();
    const d = next.date ?? date;
    const t = next.therapistId ?? therapistId;
    if (d !== today) p.set('date', d);
    if (t) p.set('therapistId', t);
    setParams(p);
  };
  // A calendar day, not an instant: formatted as the day itself, whatever the zone.
  const dayName = (d: string) => formatDayHeading(dayForFormatting(d), { timeZone: 'UTC', hourStyle: clock.hourStyle });
  const heading = date === today ? 'Today' : dayName(date);
  const nameOf = (id: string | null) => team.find((m) => m.id === id)?.name;

  return (
    <>
      <PageHeader
        title={heading}
        documentTitle={date === today ? 'Today' : `Day · ${heading}`}
        description={date === today ? dayName(date) : undefined}
      />
      <div className="stack-lg">
        <nav className="today-switcher" aria-label="Day">
          <button type="button" className="today-switcher__step" onClick={() => go({ date: addDays(date, -1) })}>
            <span aria-hidden="true">‹</span> Previous day
          </button>
          {date !== today && (
            <button type="button" className="today-switcher__step" onClick={() => go({ date: today })}>
              Back to today
            </button>
          )}
          <button type="button" className="today-switcher__step" onClick={() => go({ date: addDays(date, 1) })}>
            Next day <span aria-hidden="true">›</span>
          </button>
        </nav>
        {member.role === 'owner' && team.length > 1 && (
          <SelectField
            label="Therapist"
            name="therapistId"
            className="today-filter"
            value={therapistId}
            onChange={(e) => go({ therapistId: e.target.value })}
            options={[{ value: '', label: 'Everyone' }, ...team.map((m) => ({ value: m.id, label: m.name }))]}
          />
        )}
        {loading && (
          <div className="today-loading">
            <Spinner label="Loading the day…" />
          </div>
        )}
        {!loading && day.state.status === 'error' && <LoadFailed message={day.state.message} onRetry={day.reload} />}
        {!loading && day.state.status === 'ready' && day.state.data.appointments.length === 0 && day.state.data.imported.length === 0 && (
          <EmptyState
            icon={CalendarIcon}
            title={date === today ? 'Nothing booked today' : 'Nothing booked this day'}
            action={
              <ButtonLink to="/calendar" variant="secondary">
                Open the calendar
              </ButtonLink>
            }
          >
            <p>A quiet day. Bookings you make in the calendar show up here, with each client’s homework so far.</p>
          </EmptyState>
        )}
        {!loading && day.state.status === 'ready' && day.state.data.appointments.length > 0 && (
          <ol className="today-list" aria-label={`Appointments, ${heading}`}>
            {day.state.data.appointments.map((a) => (
              <li key={a.id}>
                <AppointmentCard
                  appointment={a}
                  date={date}
                  therapistName={member.role === 'owner' && !therapistId && team.length > 1 ? nameOf(a.therapistId) : undefined}
                />
              </li>
            ))}
          </ol>
        )}
        {!loading && day.state.status === 'ready' && day.state.data.imported.length > 0 && (
          <ImportedBookings events={day.state.data.imported} timeZone={day.state.data.timezone} />
        )}
        <p className="muted">
          <Link to="/calendar" className="text-link">
            The whole week in the calendar
          </Link>
        </p>
      </div>
    </>
  );
}
