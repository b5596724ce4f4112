import { html, type SafeHtml } from './html.js';

/** The URLs of the page's files (content-hashed) and the client's own link. */
export interface PageLinks {
  css: string;
  js: string;
  icon: string;
  touchIcon: string;
  /** /c/<token> */
  page: string;
  /** The client's time zone, for the days questions were asked. */
  zone: string;
}

/** A whole page around its body, with the client page's files; `script` for a page the script enhances. */
export function htmlDocument(o: {
  title: string;
  links: Omit<PageLinks, 'page' | 'zone'> & { page?: string };
  body: SafeHtml;
  script?: boolean;
}): string {
  const { links } = o;
  return `<!doctype html>${html`<html lang="en"><head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title}</title>
<meta name="robots" content="noindex, nofollow">
<meta name="theme-color" content="#2f6b63">
<link rel="stylesheet" href="${links.css}">
${links.page && html`<link rel="manifest" href="${links.page}/manifest.webmanifest">`}
${(links.page || o.script) && html`<script src="${links.js}" defer></script>`}
<link rel="icon" href="${links.icon}" type="image/svg+xml">
<link rel="apple-touch-icon" href="${links.touchIcon}">
</head><body>${o.body}</body></html>`}`;
}
