import { escapeHtml } from '../../shared/escape.js';

// The pieces every HTML mail is made of. Mail apps ignore style sheets, so each piece carries its
// style inline; colours are the handout's, dark enough on the cream background (WCAG AA).

/** Text as HTML: escaped, its line breaks kept. */
export const textHtml = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

/** A paragraph; `html` is markup already escaped by the caller. */
export const paragraph = (html: string, style = '') => `<p style="margin:0 0 12px;${style}">${html}</p>`;

/** The one big link a mail leads to (the client's page), drawn as a button. */
export const button = (href: string, label: string) =>
  `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="background:#2f6b63;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold;display:inline-block">${escapeHtml(label)}</a></p>`;

/** Small print at the end: who wrote, what the mail is not, how to stop mail. Each line is text. */
export const footer = (lines: string[]) => lines.map((line) => paragraph(textHtml(line), 'font-size:13px;color:#4a5555')).join('\n');

/** A whole HTML mail: the practice's name on top, then the body, in one readable column. */
export function layout(o: { practiceName: string; heading: string; body: string }): string {
  return `<!doctype html><html lang="en"><body style="margin:0;background:#faf8f5;font-family:Arial,Helvetica,sans-serif;color:#1f2a2a;font-size:16px;line-height:1.5">
<div style="max-width:600px;margin:0 auto;padding:24px">
${paragraph(escapeHtml(o.practiceName.toUpperCase()), 'color:#2f6b63;font-weight:bold;font-size:13px;letter-spacing:1px')}
<h1 style="font-size:24px;margin:0 0 12px">${escapeHtml(o.heading)}</h1>
${o.body}
</div></body></html>`;
}

/** A short mail to a client, written once and sent both as plain text and as HTML. */
export interface Letter {
  practiceName: string;
  subject: string;
  /** The heading of the HTML version; the text version starts with the greeting instead. */
  heading: string;
  greeting: string;
  paragraphs: string[];
  /** A short list after the paragraphs (the homework items a reminder names). */
  list?: string[];
  /** The link the mail leads to; the text version writes the label then the address. */
  action?: { label: string; href: string };
  /** Further links, one a line (the one-tap answers of the visit reminder). */
  choices?: { label: string; href: string }[];
  signOff?: string;
  /** The client's stop-emails address (sender.ts `stopEmails`), said at the end of every reminder. */
  stopUrl?: string;
}

/** The letter as the subject, the plain text and the HTML of one mail. */
export function letter(l: Letter): { subject: string; text: string; html: string } {
  const stop = l.stopUrl ? "Don't want these emails? Stop them here:" : null;
  const text = [
    l.greeting,
    '',
    ...l.paragraphs.flatMap((p) => [p, '']),
    ...(l.list?.length ? [...l.list.map((item) => `- ${item}`), ''] : []),
    ...(l.action ? [`${l.action.label}:`, l.action.href, ''] : []),
    ...(l.choices?.length ? [...l.choices.map((c) => `  ${c.label}: ${c.href}`), ''] : []),
    ...(l.signOff ? [l.signOff, ''] : []),
    ...(stop ? [stop, l.stopUrl] : []),
  ].join('\n');
  const list = l.list?.length
    ? `<ul style="margin:0 0 12px;padding-left:22px">${l.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
    : '';
  const choices = l.choices?.length
    ? `<p style="margin:0 0 12px">${l.choices.map((c) => `<a href="${escapeHtml(c.href)}" style="color:#1d5c57;font-weight:bold;margin-right:16px">${escapeHtml(c.label)}</a>`).join(' ')}</p>`
    : '';
  const body = [
    paragraph(textHtml(l.greeting)),
    ...l.paragraphs.map((p) => paragraph(textHtml(p))),
    list,
    l.action ? button(l.action.href, l.action.label) : '',
    choices,
    l.signOff ? paragraph(textHtml(l.signOff)) : '',
    l.stopUrl
      ? paragraph(
          `Don't want these emails? <a href="${escapeHtml(l.stopUrl)}" style="color:#4a5555">Stop them here</a>.`,
          'font-size:13px;color:#4a5555',
        )
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  return { subject: l.subject, text: `${text.trimEnd()}\n`, html: layout({ practiceName: l.practiceName, heading: l.heading, body }) };
}
