import { Link } from 'react-router';
import type { ImportedEvent } from '../../../shared/api/calendar-subscriptions.js';
import { Card } from '../../design/components/index.js';
import { pages } from '../../paths.js';
import { timeRangeText } from '../calendar/labels.js';

/** The day's bookings from the therapist's own booking calendar: read-only here, in time order. */
export function ImportedBookings({ events, timeZone }: { events: ImportedEvent[]; timeZone: string }) {
  return (
    <Card
      title="From your booking calendar"
      description="Read-only: change these in your booking system. Tap a booking in the calendar to match it to a client."
    >
      <ul className="plain-list stack">
        {events.map((e) => (
          <li key={e.id}>
            <span className="muted">{e.allDay ? 'All day' : timeRangeText(e.startsAt, e.endsAt, timeZone)}</span> ·{' '}
            <strong>{e.title}</strong>
            {e.clientId && e.clientName && (
              <>
                {' '}
                · <Link to={pages.client(e.clientId)}>{e.clientName}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
