import ical, { type EventInstance, type VEvent } from 'node-ical';
import { instantAt } from '../../local-time.js';
import { FeedError } from './feed-error.js';

/** One occurrence read from a booking calendar, as Carryover keeps it. */
export interface FeedEvent {
  uid: string;
  title: string;
  /** ISO-8601 UTC; half-open [startsAt, endsAt). */
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  /** The first attendee's address, lower-cased: how a booking system names the client. */
  attendeeEmail: string | null;
  /** Attendee display names, for matching a client by name when no address matches. */
  attendeeNames: string[];
}

export interface Feed {
  name: string | null;
  events: FeedEvent[];
}

/** How far a recurring series is unrolled: enough for the calendar and the slot finder, never unbounded. */
export const FEED_WINDOW = { daysBack: 60, daysAhead: 180 };
/** More occurrences than this in one feed is not a therapist's calendar. */
const MAX_EVENTS = 20_000;

const text = (v: unknown): string => {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'val' in v) return String((v as { val: unknown }).val);
  return '';
};

function attendeesOf(e: VEvent): { emails: string[]; names: string[] } {
  const raw = (e as { attendee?: unknown }).attendee;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const emails: string[] = [];
  const names: string[] = [];
  for (const a of list) {
    const address = text(a)
      .replace(/^mailto:/i, '')
      .trim()
      .toLowerCase();
    if (address.includes('@')) emails.push(address);
    const cn = a && typeof a === 'object' && 'params' in a ? (a as { params?: { CN?: unknown } }).params?.CN : undefined;
    if (typeof cn === 'string' && cn.trim()) names.push(cn.trim().replace(/^"|"$/g, ''));
  }
  return { emails, names };
}

/** A date-only value is built from local parts by the parser: read them back the same way. */
const dayOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function toFeedEvent(i: EventInstance, zone: string): FeedEvent | null {
  const e = i.event;
  if (String(e.status ?? '').toUpperCase() === 'CANCELLED') return null;
  // A free ("transparent") entry, such as a reminder, does not take the therapist's time.
  if (String((e as { transparency?: unknown }).transparency ?? '').toUpperCase() === 'TRANSPARENT') return null;
  let start: Date = i.start;
  let end: Date = i.end ?? i.start;
  if (i.isFullDay) {
    // An all-day entry blocks whole days where the practice is, whatever the server's zone.
    const firstDay = dayOf(i.start);
    const endDay = i.end && dayOf(i.end) > firstDay ? dayOf(i.end) : null;
    start = instantAt(firstDay, 0, 0, zone);
    end = endDay ? instantAt(endDay, 0, 0, zone) : new Date(instantAt(firstDay, 0, 0, zone).getTime() + 86_400_000);
  }
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start) return null;
  const who = attendeesOf(e);
  return {
    uid: String(e.uid ?? ''),
    title: text(i.summary).trim().slice(0, 200) || 'Busy',
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    allDay: i.isFullDay,
    attendeeEmail: who.emails[0] ?? null,
    attendeeNames: who.names,
  };
}

/**
 * Reads an iCalendar text into the occurrences between two instants: recurrences expanded
 * (RRULE, EXDATE), moved occurrences (RECURRENCE-ID) in their new place, cancelled ones left out.
 * Throws FeedError when the text is not an iCalendar file.
 */
export function readFeed(body: string, o: { from: Date; to: Date; zone: string }): Feed {
  if (!/^\s*BEGIN:VCALENDAR/i.test(body.slice(0, 1000)) || !/END:VCALENDAR\s*$/i.test(body.slice(-1000))) {
    throw new FeedError('not-ical', 'That address did not give back a calendar (iCal) file.');
  }
  let parsed: ReturnType<typeof ical.sync.parseICS>;
  try {
    parsed = ical.sync.parseICS(body);
  } catch {
    throw new FeedError('not-ical', 'That calendar file could not be read.');
  }
  const name = text((parsed.vcalendar as { 'WR-CALNAME'?: unknown } | undefined)?.['WR-CALNAME']).trim() || null;
  const events: FeedEvent[] = [];
  for (const item of Object.values(parsed)) {
    if (!item || typeof item !== 'object' || (item as { type?: string }).type !== 'VEVENT') continue;
    const vevent = item as VEvent;
    let instances: EventInstance[];
    try {
      instances = ical.expandRecurringEvent(vevent, { from: o.from, to: o.to, expandOngoing: true });
    } catch {
      continue; // one unreadable entry must not hide the rest of the calendar
    }
    for (const i of instances) {
      const event = toFeedEvent(i, o.zone);
      if (event && event.endsAt > o.from.toISOString() && event.startsAt < o.to.toISOString()) events.push(event);
      if (events.length > MAX_EVENTS) throw new FeedError('too-large', 'That calendar has far too many events to read.');
    }
  }
  events.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { name, events };
}
