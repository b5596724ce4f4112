import type { ReactNode } from 'react';
import './TableScroll.css';

/**
 * A wide table that scrolls sideways on a narrow screen. The scrolling box takes focus so a
 * keyboard can scroll it too (WCAG 2.1.1); it is named after the table it holds.
 */
export function TableScroll({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
