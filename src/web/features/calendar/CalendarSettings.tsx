import { useSignedIn } from '../../session.js';
import { BookingCalendarSection } from './BookingCalendarSection.js';
import { CalendarFeedSection } from './CalendarFeedSection.js';
import { RebookingSettings } from './RebookingSettings.js';
import './calendar.css';

/** The calendar's part of Settings: the booking calendar Carryover reads, everyone's phone-calendar address, and the owner's rebooking rhythm. */
export function CalendarSettings() {
  const { member } = useSignedIn();
  return (
    <>
      {member.role === 'owner' && <RebookingSettings />}
      <BookingCalendarSection />
      <CalendarFeedSection />
    </>
  );
}
