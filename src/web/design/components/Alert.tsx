import type { ReactNode, Ref } from 'react';
import { AlertIcon, CheckIcon, InfoIcon } from './icons.js';
import './Alert.css';

export type AlertTone = 'error' | 'success' | 'info' | 'warning';

interface AlertProps {
  tone: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
  className?: string;
}

const icons = { error: AlertIcon, success: CheckIcon, info: InfoIcon, warning: AlertIcon };

/**
 * Errors are announced at once (role=alert), successes politely (role=status);
 * info and warning notes are part of the page and not announced.
 */
export function Alert({ tone, title, children, ref, className }: AlertProps) {
  const role = tone === 'error' ? 'alert' : tone === 'success' ? 'status' : undefined;
  const Drawing = icons[tone];
  return (
    <div ref={ref} role={role} tabIndex={-1} className={['alert', `alert--${tone}`, className].filter(Boolean).join(' ')}>
      <Drawing size={22} className="alert__icon" />
      <div className="alert__body">
        {title && <p className="alert__title">{title}</p>}
        {children && <div className="alert__text">{children}</div>}
      </div>
    </div>
  );
}
