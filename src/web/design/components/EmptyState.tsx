import type { ReactNode } from 'react';
import type { Icon } from './icons.js';
import './EmptyState.css';

interface EmptyStateProps {
  icon: Icon;
  title: string;
  headingLevel?: 2 | 3;
  children: ReactNode;
  action?: ReactNode;
}

/** What a page will hold, said plainly, for when it holds nothing yet. */
export function EmptyState({ icon: Drawing, title, headingLevel = 2, children, action }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <div className="empty-state__icon">
        <Drawing size={40} />
      </div>
      <Heading className="empty-state__title">{title}</Heading>
      <div className="empty-state__text">{children}</div>
      {action && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
