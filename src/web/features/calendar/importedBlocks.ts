import type { Appointment } from '../../../shared/api/appointments.js';
import type { ImportedEvent } from '../../../shared/api/calendar-subscriptions.js';

/** What GET /appointments lists: Carryover's own appointments and, read-only, the booking calendar's events. */
export type Listed = Appointment | ImportedEvent;

export const isImported = (a: Listed | { source?: string }): a is ImportedEvent => 'source' in a && a.source === 'imported';

/** The name a block shows: the matched client and the booking's title, or the title alone. */
export const importedName = (e: ImportedEvent) => (e.clientName ? `${e.clientName} · ${e.title}` : e.title);

/**
 * An imported event drawn on the day grid like an appointment (the grid places blocks by time);
 * `source` stays on it, so a tap opens the read-only view, never the move/cancel dialog.
 */
export function asBlock(e: ImportedEvent, timeZone: string): Appointment {
  const block = {
    id: e.id,
    source: 'imported',
    clientId: e.clientId ?? '',
    clientName: importedName(e),
    therapistId: e.therapistId,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    durationMinutes: e.durationMinutes,
    timezone: timeZone,
    status: 'booked',
    sessionId: null,
    recordedSessionId: null,
    sequence: 0,
  };
  return block as Appointment;
}
