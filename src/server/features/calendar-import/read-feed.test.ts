import { describe, expect, it } from 'vitest';
import { BLOCKED, BOOKING_FEED } from './feed.fixtures.js';
import { FeedError } from './feed-error.js';
import { matchClient } from './match-client.js';
import { readFeed } from './read-feed.js';

const window = { from: new Date('2026-09-01T00:00:00Z'), to: new Date('2027-06-01T00:00:00Z'), zone: 'America/New_York' };

describe('reading a booking calendar', () => {
  it('unrolls the weekly series, moves the exception, drops the cancellations and the free entry, and blocks the all-day event as a whole local day', () => {
    const feed = readFeed(BOOKING_FEED('dana@example.com'), window);
    expect(feed.name).toBe('My bookings');
    expect(feed.events.map((e) => [e.startsAt, e.endsAt])).toEqual(BLOCKED);
    const allDay = feed.events.find((e) => e.allDay);
    expect(allDay).toMatchObject({ title: 'Training course', uid: 'course@booking.example' });
    const first = feed.events[0];
    expect(first).toMatchObject({ attendeeEmail: 'dana@example.com', attendeeNames: ['Dana Weekly'], title: 'Massage 60 min' });
  });

  it('expands only inside the window it is given', () => {
    const feed = readFeed(BOOKING_FEED('dana@example.com'), {
      ...window,
      from: new Date('2026-12-01T00:00:00Z'),
      to: new Date('2026-12-10T00:00:00Z'),
    });
    expect(feed.events.map((e) => e.startsAt)).toEqual([
      '2026-12-04T05:00:00.000Z',
      '2026-12-07T15:00:00.000Z',
      '2026-12-07T19:00:00.000Z',
    ]);
  });

  it('an all-day event is the local day wherever the server runs, across a daylight-saving change', () => {
    const ics = BOOKING_FEED('x@example.com')
      .replace('DTSTART;VALUE=DATE:20261204', 'DTSTART;VALUE=DATE:20260307')
      .replace('DTEND;VALUE=DATE:20261205', 'DTEND;VALUE=DATE:20260309');
    const e = readFeed(ics, { ...window, from: new Date('2026-03-01T00:00:00Z') }).events.find((x) => x.allDay);
    // Two local days, 7 and 8 March: New York moves its clocks on the 8th, so 47 hours.
    expect(e).toMatchObject({ startsAt: '2026-03-07T05:00:00.000Z', endsAt: '2026-03-09T04:00:00.000Z' });
  });

  it('refuses what is not a calendar', () => {
    for (const body of ['<html><body>Sign in</body></html>', '', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n', '{"events":[]}']) {
      expect(() => readFeed(body, window)).toThrow(FeedError);
    }
  });

  it('an empty calendar is a calendar with nothing in it', () => {
    expect(readFeed('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n', window).events).toEqual([]);
  });
});

describe('matching a booking to a client', () => {
  const clients = [
    { id: 'a', first_name: 'Dana', last_name: 'Weekly', email: 'dana@example.com' },
    { id: 'b', first_name: 'Sam', last_name: 'Named', email: null },
    { id: 'c', first_name: 'Alex', last_name: 'Twin', email: null },
    { id: 'd', first_name: 'Alex', last_name: 'Twin', email: 'other@example.com' },
  ];
  it('by email first, then by the full name in the attendee or title; two clients who fit are no match', () => {
    expect(matchClient(clients, { attendeeEmail: 'dana@example.com', attendeeNames: [], title: 'x' })).toEqual({
      clientId: 'a',
      by: 'email',
    });
    expect(matchClient(clients, { attendeeEmail: null, attendeeNames: [], title: 'Massage with Sam Named' })).toEqual({
      clientId: 'b',
      by: 'name',
    });
    expect(matchClient(clients, { attendeeEmail: null, attendeeNames: ['SAM NAMED'], title: 'Booked' })).toEqual({
      clientId: 'b',
      by: 'name',
    });
    expect(matchClient(clients, { attendeeEmail: null, attendeeNames: [], title: 'Alex Twin 60 min' })).toBeNull();
    expect(matchClient(clients, { attendeeEmail: null, attendeeNames: [], title: 'Samuel Namedson' })).toBeNull();
  });
});
