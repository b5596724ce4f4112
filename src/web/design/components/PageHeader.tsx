import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../useDocumentTitle.js';
import './PageHeader.css';

interface PageHeaderProps {
  /** The page's one h1; also the browser tab's title unless documentTitle says otherwise. */
  title: string;
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, documentTitle, description, actions }: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <div className="page-header">
      <div className="page-header__titles">
        {/* tabIndex -1: focus lands here after navigation so screen readers start at the new page. */}
        <h1 tabIndex={-1} className="page-header__title">
          {title}
        </h1>
        {description && <div className="page-header__description">{description}</div>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
