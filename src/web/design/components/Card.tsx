import { type ReactNode, useId } from 'react';
import './Card.css';

interface CardProps {
  /** A titled card is a labelled section; its heading level follows the page outline. */
  title?: ReactNode;
  headingLevel?: 2 | 3;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
  /** An anchor a link can open at, like /settings#practice. */
  id?: string;
  children?: ReactNode;
}

export function Card({ title, headingLevel = 2, description, actions, className, id, children }: CardProps) {
  const headingId = useId();
  const classes = ['card', className].filter(Boolean).join(' ');
  if (!title)
    return (
      <div id={id} className={classes}>
        {children}
      </div>
    );
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section id={id} className={classes} aria-labelledby={headingId}>
      <div className="card__header">
        <div className="card__titles">
          <Heading id={headingId} className="card__title">
            {title}
          </Heading>
          {description && <p className="card__description">{description}</p>}
        </div>
        {actions && <div className="card__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
