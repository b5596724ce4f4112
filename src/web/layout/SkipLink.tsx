/** First thing Tab reaches: jumps over the header and navigation to the page itself (main has tabIndex -1). */
export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}
