import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After moving to another page, put focus on its h1 so keyboard and screen-reader users
 * start at the new content. Skipped on the first load, where the browser does this itself.
 * A link to a part of a page (/settings#practice) scrolls to that part once it has loaded.
 */
export function RouteFocus() {
  const { pathname, hash } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
    target?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the same part on another page is a new place to scroll to
  useEffect(() => {
    if (!hash) return;
    const id = decodeURIComponent(hash.slice(1));
    let tries = 0;
    // The part may arrive with the page's data: look for it for a few seconds.
    const timer = window.setInterval(() => {
      const part = document.getElementById(id);
      if (!part && ++tries < 50) return;
      window.clearInterval(timer);
      part?.scrollIntoView({ block: 'start' });
    }, 100);
    return () => window.clearInterval(timer);
  }, [pathname, hash]);
  return null;
}
