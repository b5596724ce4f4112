import type { ReactNode } from 'react';

const LINK = /https?:\/\/[^\s<>"']+/g;
// Punctuation that ends a sentence is not part of the link ("…at https://x.test/a.").
const TRAILING = /[.,;:!?)\]}]+$/;

/** Plain-text email body with its web links made clickable; never renders the email's HTML. */
export function EmailText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index ?? 0;
    const url = match[0].replace(TRAILING, '');
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={url}>
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <pre className="email-text">{parts}</pre>;
}
