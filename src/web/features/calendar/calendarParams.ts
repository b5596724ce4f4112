import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { isLocalDate, type LocalDate } from '../../../shared/time/zone.js';

export type CalendarView = 'day' | 'week';
export type CalendarTab = 'appointments' | 'requests' | 'come-back';

export interface CalendarPlace {
  tab: CalendarTab;
  view: CalendarView;
  /** The day shown (or a day in the week shown); null for today. */
  date: LocalDate | null;
  /** Owners can narrow the calendar to one therapist. */
  therapist: string | null;
}

/** Where the calendar is, kept in the address so a reload, the back button or a shared link keep the place. */
export function useCalendarPlace(): [CalendarPlace, (change: Partial<CalendarPlace>) => void] {
  const [params, setParams] = useSearchParams();
  const place = readPlace(params);
  const go = useCallback(
    (change: Partial<CalendarPlace>) => setParams((current) => calendarSearch({ ...readPlace(current), ...change })),
    [setParams],
  );
  return [place, go];
}

function readPlace(params: URLSearchParams): CalendarPlace {
  const date = params.get('date');
  const tab = params.get('tab');
  return {
    tab: tab === 'requests' || tab === 'come-back' ? tab : 'appointments',
    view: params.get('view') === 'day' ? 'day' : 'week',
    date: isLocalDate(date) ? date : null,
    therapist: params.get('therapist') || null,
  };
}

/** The query string for a place, leaving out what is the default. */
export function calendarSearch(place: Partial<CalendarPlace>): URLSearchParams {
  const params = new URLSearchParams();
  if (place.tab && place.tab !== 'appointments') params.set('tab', place.tab);
  if (place.view === 'day') params.set('view', 'day');
  if (place.date) params.set('date', place.date);
  if (place.therapist) params.set('therapist', place.therapist);
  return params;
}
