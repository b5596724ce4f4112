// A booking calendar as a booking system publishes it, and a local server that serves it in tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Weekly Monday 10:00–11:00 New York from 2 Nov 2026 (ten times), with 16 Nov left out (EXDATE),
 * 23 Nov moved to Tuesday 24 Nov 14:00 (RECURRENCE-ID), 30 Nov cancelled; an all-day event on
 * 4 Dec; a cancelled one-off on 5 Dec; a free (transparent) reminder on 8 Dec.
 */
export const BOOKING_FEED = (attendeeEmail: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Booking system//EN',
    'X-WR-CALNAME:My bookings',
    'BEGIN:VTIMEZONE',
    'TZID:America/New_York',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:-0500',
    'TZOFFSETTO:-0400',
    'TZNAME:EDT',
    'DTSTART:19700308T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:-0400',
    'TZOFFSETTO:-0500',
    'TZNAME:EST',
    'DTSTART:19701101T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    'UID:weekly-series@booking.example',
    'DTSTAMP:20261101T000000Z',
    'DTSTART;TZID=America/New_York:20261102T100000',
    'DTEND;TZID=America/New_York:20261102T110000',
    'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10',
    'EXDATE;TZID=America/New_York:20261116T100000',
    'SUMMARY:Massage 60 min',
    `ATTENDEE;CN=Dana Weekly:mailto:${attendeeEmail}`,
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:weekly-series@booking.example',
    'DTSTAMP:20261101T000000Z',
    'RECURRENCE-ID;TZID=America/New_York:20261123T100000',
    'DTSTART;TZID=America/New_York:20261124T140000',
    'DTEND;TZID=America/New_York:20261124T150000',
    'SUMMARY:Massage 60 min (moved)',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:weekly-series@booking.example',
    'DTSTAMP:20261101T000000Z',
    'RECURRENCE-ID;TZID=America/New_York:20261130T100000',
    'DTSTART;TZID=America/New_York:20261130T100000',
    'DTEND;TZID=America/New_York:20261130T110000',
    'STATUS:CANCELLED',
    'SUMMARY:Massage 60 min',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:course@booking.example',
    'DTSTAMP:20261101T000000Z',
    'DTSTART;VALUE=DATE:20261204',
    'DTEND;VALUE=DATE:20261205',
    'SUMMARY:Training course',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:called-off@booking.example',
    'DTSTAMP:20261101T000000Z',
    'DTSTART:20261205T150000Z',
    'DTEND:20261205T160000Z',
    'STATUS:CANCELLED',
    'SUMMARY:Massage with Sam Named',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:named@booking.example',
    'DTSTAMP:20261101T000000Z',
    'DTSTART:20261207T190000Z',
    'DTEND:20261207T200000Z',
    'SUMMARY:Massage with Sam Named',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:reminder@booking.example',
    'DTSTAMP:20261101T000000Z',
    'DTSTART:20261208T150000Z',
    'DTEND:20261208T153000Z',
    'TRANSP:TRANSPARENT',
    'SUMMARY:Order towels',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

/** The occurrences the feed above must block, as UTC [start, end). */
export const BLOCKED = [
  ['2026-11-02T15:00:00.000Z', '2026-11-02T16:00:00.000Z'],
  ['2026-11-09T15:00:00.000Z', '2026-11-09T16:00:00.000Z'],
  ['2026-11-24T19:00:00.000Z', '2026-11-24T20:00:00.000Z'],
  ['2026-12-04T05:00:00.000Z', '2026-12-05T05:00:00.000Z'],
  ['2026-12-07T15:00:00.000Z', '2026-12-07T16:00:00.000Z'],
  ['2026-12-07T19:00:00.000Z', '2026-12-07T20:00:00.000Z'],
  ['2026-12-14T15:00:00.000Z', '2026-12-14T16:00:00.000Z'],
  ['2026-12-21T15:00:00.000Z', '2026-12-21T16:00:00.000Z'],
  ['2026-12-28T15:00:00.000Z', '2026-12-28T16:00:00.000Z'],
  ['2027-01-04T15:00:00.000Z', '2027-01-04T16:00:00.000Z'],
];

export interface FeedServer {
  url: (path?: string) => string;
  /** What the next request to /feed.ics gets. */
  serve: (answer: { status?: number; body?: string; type?: string; hang?: boolean }) => void;
  requests: number;
  close: () => Promise<void>;
}

/** A calendar server on 127.0.0.1 (allowed outside production), its answer set by the test. */
export async function startFeedServer(): Promise<FeedServer> {
  let answer: { status?: number; body?: string; type?: string; hang?: boolean } = { body: '' };
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests++;
    if (answer.hang) return; // never answers: the reader must give up on its own
    if (req.url === '/redirect') {
      res.writeHead(302, { location: '/feed.ics' }).end();
      return;
    }
    res.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'text/calendar; charset=utf-8' });
    res.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path = '/feed.ics') => `http://127.0.0.1:${port}${path}`,
    serve: (a) => {
      answer = a;
    },
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A weekly hour that never ends (from 2020 on): whatever the clock, the window holds some of it. */
export const WEEKLY_FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Booking system//EN',
  'BEGIN:VEVENT',
  'UID:every-monday@booking.example',
  'DTSTAMP:20200101T000000Z',
  'DTSTART:20200106T150000Z',
  'DTEND:20200106T160000Z',
  'RRULE:FREQ=WEEKLY',
  'SUMMARY:Standing booking',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
