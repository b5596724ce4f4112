import type { MouseEvent } from 'react';

/** First thing Tab reaches: jumps over the header and navigation to the page itself. */
export function SkipLink() {
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    // Focus <main> directly rather than changing the URL's hash under the router.
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  }
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      Skip to main content
    </a>
  );
}
