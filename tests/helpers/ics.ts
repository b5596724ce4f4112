import ICAL from 'ical.js';

// The calendar's name is TEXT (RFC 5545 3.8.8.2, RFC 7986 NAME): read it unescaped, as calendar apps do.
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };

/** Parses an .ics with an independent parser: method, and each event's UID, SEQUENCE, status and local times. */
export function readIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
    return {
      uid: e.uid,
      sequence: e.sequence,
      status: String(v.getFirstPropertyValue('status') ?? ''),
      summary: e.summary,
      location: e.location,
      organizerName: String(v.getFirstProperty('organizer')?.getParameter('cn') ?? ''),
      tzid: String(v.getFirstProperty('dtstart')?.getParameter('tzid') ?? ''),
      localStart: `${start.year}-${String(start.month).padStart(2, '0')}-${String(start.day).padStart(2, '0')}T${String(start.hour).padStart(2, '0')}:${String(start.minute).padStart(2, '0')}`,
      startUtc: e.startDate.toJSDate().toISOString(),
      endUtc: e.endDate.toJSDate().toISOString(),
    };
  });
  return {
    method: String(cal.getFirstPropertyValue('method') ?? ''),
    name: String(cal.getFirstPropertyValue('x-wr-calname') ?? ''),
    events,
  };
}
