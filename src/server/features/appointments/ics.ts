import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus, escape as icsText } from 'ical-generator';
import { DateTime } from 'luxon';
import type { AppointmentTable } from '../../db/schema.js';

export interface IcsEvent {
  appointment: Pick<AppointmentTable, 'id' | 'starts_at' | 'ends_at' | 'timezone' | 'status' | 'sequence' | 'updated_at'>;
  summary: string;
  description?: string;
  location?: string;
  organizer?: { name: string; email: string };
}

/** The UID stays the same for the life of an appointment, so calendars update it instead of adding another. */
export const appointmentUid = (id: string) => `${id}@carryover`;

/**
 * A parameter value (the organizer's CN) may hold neither a double quote nor a line break
 * (RFC 5545 3.1), and ical-generator writes them through, so they are replaced here.
 */
const paramText = (s: string) => s.replace(/"/g, "'").replace(/[\r\n]+/g, ' ');

/** One calendar file (RFC 5545) with its time zone: an invite or update, or a cancellation. */
export function calendarFile(
  events: IcsEvent[],
  opts: { name: string; method?: 'REQUEST' | 'CANCEL' | 'PUBLISH'; timezone: string },
): string {
  const cal = ical({
    prodId: { company: 'Carryover', product: 'Carryover', language: 'EN' },
    // ical-generator writes the calendar name (NAME, X-WR-CALNAME) as is; its own escape makes
    // a practice name with ; , or a line break safe, as it does for SUMMARY and LOCATION.
    name: icsText(opts.name, false),
    method:
      opts.method === 'CANCEL'
        ? ICalCalendarMethod.CANCEL
        : opts.method === 'REQUEST'
          ? ICalCalendarMethod.REQUEST
          : ICalCalendarMethod.PUBLISH,
    timezone: { name: opts.timezone, generator: getVtimezoneComponent },
  });
  for (const e of events) {
    const zone = e.appointment.timezone;
    const start = DateTime.fromISO(e.appointment.starts_at, { zone });
    const end = DateTime.fromISO(e.appointment.ends_at, { zone });
    cal.createEvent({
      id: appointmentUid(e.appointment.id),
      sequence: e.appointment.sequence,
      stamp: DateTime.fromISO(e.appointment.updated_at, { zone: 'UTC' }),
      start,
      end,
      timezone: zone,
      summary: e.summary,
      description: e.description,
      location: e.location,
      organizer: e.organizer && { ...e.organizer, name: paramText(e.organizer.name) },
      status: e.appointment.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
