import { CalendarIcon, EmptyState, PageHeader } from '../../design/components/index.js';

export function CalendarPage() {
  return (
    <>
      <PageHeader title="Calendar" description="Who is coming back, and when." />
      <EmptyState icon={CalendarIcon} title="No appointments yet">
        <p>Appointments you book at checkout will appear here, so you can see who is coming in next and who left without rebooking.</p>
      </EmptyState>
    </>
  );
}
