import { useEffect, useState } from 'react';
import type { Appointment } from '../../../shared/api/appointments.js';
import type { Member } from '../../../shared/api/auth.js';
import type { ImportedEvent } from '../../../shared/api/calendar-subscriptions.js';
import type { Practice } from '../../../shared/api/practice.js';
import { addDays, daysSpan, isoInZone, type LocalDate, mondayOf, timeOfDay, todayIn, wallClock } from '../../../shared/time/zone.js';
import { Button, CheckboxField, LoadFailed, Spinner } from '../../design/components/index.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';
import { AppointmentDialog } from './AppointmentDialog.js';
import { CalendarToolbar } from './CalendarToolbar.js';
import { type CalendarPlace, calendarSearch } from './calendarParams.js';
import { DayColumns } from './DayColumns.js';
import { ImportedEventDialog } from './ImportedEventDialog.js';
import { asBlock, importedName, isImported, type Listed } from './importedBlocks.js';
import { dateText, rangeHeading } from './labels.js';

interface Props {
  practice: Practice;
  place: CalendarPlace;
  go: (change: Partial<CalendarPlace>) => void;
  therapists: Member[] | null;
  /** Changes when something was booked elsewhere on the page: load the appointments again. */
  version: number;
  onNotice: (message: string) => void;
}

/** The day or week grid with its toolbar, and the dialog for one appointment. */
export function AppointmentsView({ practice, place, go, therapists, version, onNotice }: Props) {
  const tz = practice.timezone;
  const today = todayIn(tz);
  const date = place.date ?? today;
  const first = place.view === 'week' ? mondayOf(date) : date;
  const count = place.view === 'week' ? 7 : 1;
  const days = Array.from({ length: count }, (_, i) => addDays(first, i));
  const span = daysSpan(first, count, tz);
  const list = useApiQuery<{ appointments: Listed[] }>(
    paths.appointments({ from: isoInZone(span.from, tz), to: isoInZone(span.to, tz), therapistId: place.therapist }),
  );
  const [selected, setSelected] = useState<Appointment | null>(null);
  const [selectedImported, setSelectedImported] = useState<ImportedEvent | null>(null);
  const [showCancelled, setShowCancelled] = useState(false);
  const reload = list.reload;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  const listed = list.state.status === 'ready' ? list.state.data.appointments : [];
  const all = listed.filter((a): a is Appointment => !isImported(a));
  // The booking calendar's events: read-only blocks; all-day ones are listed above the grid.
  const imported = listed.filter(isImported);
  const allDay = imported.filter((e) => e.allDay);
  const timed = imported.filter((e) => !e.allDay).map((e) => asBlock(e, tz));
  function select(a: Appointment) {
    const event = imported.find((e) => e.id === a.id);
    if (event) setSelectedImported(event);
    else setSelected(a);
  }
  const cancelled = all.filter((a) => a.status === 'cancelled').length;
  const shown = showCancelled ? all : all.filter((a) => a.status !== 'cancelled');

  function changed(appointment: Appointment, message: string) {
    setSelected(null);
    onNotice(message);
    const day = wallClock(new Date(appointment.startsAt), tz).date;
    if (!days.includes(day)) go({ date: day });
    list.reload();
  }

  return (
    <div className="stack">
      <CalendarToolbar
        view={place.view}
        heading={rangeHeading(first, count, days[count - 1])}
        onToday={() => go({ date: null })}
        onStep={(dir) => go({ date: addDays(date, dir * count) })}
        onView={(view) => go({ view, date: place.date })}
        therapists={therapists}
        therapist={place.therapist}
        onTherapist={(therapist) => go({ therapist })}
      />
      {list.state.status === 'loading' && <Spinner label="Loading appointments…" />}
      {list.state.status === 'error' && <LoadFailed message={list.state.message} onRetry={list.reload} />}
      {list.state.status === 'ready' && (
        <>
          <div className="cluster cal-summary">
            <p className="muted">
              {shown.length === 0
                ? `Nothing booked${imported.length > 0 ? ' in Carryover' : ''} ${place.view === 'week' ? 'this week' : 'on this day'}.`
                : `${shown.length} ${shown.length === 1 ? 'appointment' : 'appointments'}. Tap one to move, cancel or mark it.`}
              {imported.length > 0 && ` ${imported.length} from your booking calendar (read-only).`}
            </p>
            {cancelled > 0 && (
              <CheckboxField
                name="showCancelled"
                label={`Show ${cancelled} cancelled`}
                checked={showCancelled}
                onChange={(e) => setShowCancelled(e.target.checked)}
              />
            )}
          </div>
          {allDay.length > 0 && (
            <ul className="plain-list cluster cal-allday" aria-label="All day, from your booking calendar">
              {allDay.map((e) => (
                <li key={e.id}>
                  <Button variant="secondary" className="cal-allday__event" onClick={() => setSelectedImported(e)}>
                    All day {dateText(e.startsAt, tz)}: {importedName(e)}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <section className="cal-scroll" aria-label={`Appointments, ${rangeHeading(first, count, days[count - 1])}`}>
            <DayColumns
              days={days}
              appointments={[...shown, ...timed]}
              timeZone={tz}
              today={today}
              dayLink={place.view === 'week' ? (day) => `?${calendarSearch({ ...place, view: 'day', date: day })}` : undefined}
              onSelect={select}
            />
          </section>
        </>
      )}
      <AppointmentDialog
        appointment={selected}
        timeZone={tz}
        defaultDuration={practice.defaultDurationMinutes}
        onClose={() => setSelected(null)}
        onChanged={changed}
      />
      <ImportedEventDialog
        event={selectedImported}
        timeZone={tz}
        onClose={() => setSelectedImported(null)}
        onMatched={(_, message) => {
          setSelectedImported(null);
          onNotice(message);
          list.reload();
        }}
      />
    </div>
  );
}

/** Where a new appointment starts: the next whole hour of the working day today, else 10:00 on the day (or week) shown. */
export function startForNew(place: CalendarPlace, timeZone: string): { date: LocalDate; time: string } {
  const today = todayIn(timeZone);
  const date = place.date ?? today;
  if (date === today) {
    const nextHour = Math.ceil((wallClock(new Date(), timeZone).minutes + 1) / 60) * 60;
    // Late in the day the next free hour is most likely tomorrow morning.
    if (nextHour >= 20 * 60) return { date: addDays(today, 1), time: '10:00' };
    return { date, time: timeOfDay(Math.max(nextHour, 9 * 60)) };
  }
  return { date: place.view === 'day' ? date : mondayOf(date), time: '10:00' };
}
