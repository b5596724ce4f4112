import { Link } from 'react-router';
import type { Appointment } from '../../../shared/api/appointments.js';
import { type LocalDate, wallClock } from '../../../shared/time/zone.js';
import { isImported } from './importedBlocks.js';
import { adherenceOf, dayHeading, homeworkShort, homeworkText, lengthText, shortDay, statusLabels, timeText } from './labels.js';
import { HOUR_HEIGHT, MIN_BLOCK, type PlacedAppointment, placeByDay, visibleHours } from './placeAppointments.js';

interface Props {
  days: LocalDate[];
  appointments: Appointment[];
  timeZone: string;
  today: LocalDate;
  /** Where a day's heading leads (its day view), in the week view. */
  dayLink?: (day: LocalDate) => string;
  onSelect: (appointment: Appointment) => void;
}

/**
 * Days side by side on an hour grid. Blocks are placed with SVG attributes (y, height, x, width
 * on <foreignObject>), never inline styles, so the page keeps a strict Content-Security-Policy.
 * Each block is a real button, named with its time, client and status.
 */
export function DayColumns({ days, appointments, timeZone, today, dayLink, onSelect }: Props) {
  const placed = placeByDay(appointments, days, timeZone);
  const hours = visibleHours(placed.values());
  const height = (hours.last - hours.first) * HOUR_HEIGHT;
  const y = (minute: number) => ((minute - hours.first * 60) * HOUR_HEIGHT) / 60;
  const now = wallClock(new Date(), timeZone);
  const hourList = Array.from({ length: hours.last - hours.first }, (_, i) => hours.first + i);

  return (
    <div className={`cal-grid cal-grid--${days.length === 1 ? 'day' : 'week'}`}>
      <div className="cal-col cal-col--gutter" aria-hidden="true">
        <div className="cal-heading" />
        <svg className="cal-gutter" width="100%" height={height} aria-hidden="true" focusable="false">
          {hourList.map((h) => (
            <text key={h} x="100%" dx="-6" y={y(h * 60)} dy="14" textAnchor="end" className="cal-gutter__label">
              {timeText(new Date(Date.UTC(2000, 0, 1, h)), 'UTC')}
            </text>
          ))}
        </svg>
      </div>
      {days.map((day) => (
        <div key={day} className={`cal-col${day === today ? ' cal-col--today' : ''}`}>
          <DayHeading day={day} today={day === today} link={dayLink?.(day)} count={placed.get(day)?.length ?? 0} />
          {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; the group names the day's blocks */}
          <svg className="cal-day" width="100%" height={height} role="group" aria-label={`Appointments on ${dayHeading(day)}`}>
            <g>
              {hourList.map((h) => (
                <g key={h}>
                  <line x1="0" x2="100%" y1={y(h * 60)} y2={y(h * 60)} className="cal-line" />
                  <line x1="0" x2="100%" y1={y(h * 60 + 30)} y2={y(h * 60 + 30)} className="cal-line cal-line--half" />
                </g>
              ))}
              {day === today && now.minutes >= hours.first * 60 && now.minutes < hours.last * 60 && (
                <line x1="0" x2="100%" y1={y(now.minutes)} y2={y(now.minutes)} className="cal-now" />
              )}
            </g>
            {(placed.get(day) ?? []).map((p) => (
              <foreignObject
                key={p.appointment.id}
                x={`${(p.lane / p.lanes) * 100}%`}
                width={`${100 / p.lanes}%`}
                y={y(p.startMinute)}
                height={Math.max(((p.endMinute - p.startMinute) * HOUR_HEIGHT) / 60, MIN_BLOCK)}
              >
                <AppointmentBlock placed={p} timeZone={timeZone} wide={days.length === 1} onSelect={onSelect} />
              </foreignObject>
            ))}
          </svg>
        </div>
      ))}
    </div>
  );
}

function DayHeading({ day, today, link, count }: { day: LocalDate; today: boolean; link?: string; count: number }) {
  const { weekday, day: number } = shortDay(day);
  const full = `${dayHeading(day)}${today ? ', today' : ''}`;
  const summary = count === 0 ? 'nothing booked' : `${count} ${count === 1 ? 'appointment' : 'appointments'}`;
  const label = (
    <>
      <span aria-hidden="true" className="cal-heading__short">
        <span className="cal-heading__weekday">{weekday}</span> <span className="cal-heading__number">{number}</span>
      </span>
      <span className="visually-hidden">
        {full}: {summary}
      </span>
    </>
  );
  return (
    <h3 className={`cal-heading${today ? ' cal-heading--today' : ''}`}>
      {link ? (
        <Link to={link} className="cal-heading__link">
          {label}
        </Link>
      ) : (
        label
      )}
    </h3>
  );
}

function AppointmentBlock({
  placed: { appointment: a, lanes },
  timeZone,
  wide,
  onSelect,
}: {
  placed: PlacedAppointment;
  timeZone: string;
  wide: boolean;
  onSelect: (a: Appointment) => void;
}) {
  const homework = adherenceOf(a);
  return (
    <button
      type="button"
      className={`cal-block cal-block--${a.status}${isImported(a) ? ' cal-block--imported' : ''}`}
      onClick={() => onSelect(a)}
    >
      {/* Side by side in a week, a block is narrow: its place on the grid shows the time, the name gets the room. */}
      <span className={!wide && lanes > 1 ? 'visually-hidden' : 'cal-block__time'}>
        {timeText(a.startsAt, timeZone)}
        <span className={wide ? undefined : 'visually-hidden'}> to {timeText(a.endsAt, timeZone)}</span>
        {wide && <span className="muted"> · {lengthText(a.durationMinutes)}</span>}
      </span>{' '}
      <span className="cal-block__name">{a.clientName}</span>{' '}
      <span className={a.status === 'booked' ? 'visually-hidden' : 'cal-block__status'}>{statusLabels[a.status]}</span>
      {homework && (
        <span className="cal-block__homework">
          <span aria-hidden="true">
            <span className="cal-block__homework-word">Homework </span>
            {homeworkShort(homework)}
          </span>
          <span className="visually-hidden">, {homeworkText(homework)}</span>
        </span>
      )}
      {isImported(a) && <span className="visually-hidden"> (from your booking calendar, read-only)</span>}
    </button>
  );
}
