import { DashboardIcon, EmptyState, PageHeader } from '../../design/components/index.js';

export function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" description="How homework, rebooking and referrals are going across the practice." />
      <EmptyState icon={DashboardIcon} title="Nothing to count yet">
        <p>
          Once you record sessions, you will see here how many clients leave with homework, how many do it, who rebooks before leaving, who
          comes back within 30, 60 and 90 days, and who sends a friend.
        </p>
      </EmptyState>
    </>
  );
}
