import { ClientsIcon, EmptyState, PageHeader } from '../../design/components/index.js';

export function ClientsPage() {
  return (
    <>
      <PageHeader title="Clients" description="Everyone you see, why they came in, and how their homework is going." />
      <EmptyState icon={ClientsIcon} title="No clients yet">
        <p>Your clients will appear here. Add a client to record why they came in and give them homework.</p>
      </EmptyState>
    </>
  );
}
