import { EmptyState, LibraryIcon, PageHeader } from '../../design/components/index.js';

export function LibraryPage() {
  return (
    <>
      <PageHeader title="Library" description="The self-care items you can give as homework." />
      <EmptyState icon={LibraryIcon} title="Your self-care library">
        <p>
          Stretches and self-massage techniques will appear here, each with its steps, the tools it needs at home, and who should not do it.
          You can add your own next to the ones Carryover comes with.
        </p>
      </EmptyState>
    </>
  );
}
