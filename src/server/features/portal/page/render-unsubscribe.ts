import { htmlDocument, type PageLinks } from '../../../page-kit/document.js';
import { html } from '../../../page-kit/html.js';

type Links = Omit<PageLinks, 'page' | 'zone'>;

/**
 * The page behind the "stop emails" link. Opening it changes nothing (mail scanners open links too):
 * the client taps the one button, which posts back to the same address.
 */
export function renderUnsubscribePage(
  links: Links,
  o: { practiceName: string; action: string; homePage: string; state: 'ask' | 'stopped' | 'already' },
): string {
  const home = html`<p><a href="${o.homePage}">Go to your homework page</a></p>`;
  const body =
    o.state === 'ask'
      ? html`<main id="main" class="problem"><h1>Stop emails?</h1>
<p>Tap the button to stop all emails from ${o.practiceName}.</p>
<p>Your homework page still works. You can ask your therapist to start the emails again.</p>
<form method="post" action="${o.action}"><input type="hidden" name="from" value="page">
<button type="submit" class="done-button">Stop all emails</button></form>${home}</main>`
      : html`<main id="main" class="problem"><h1>${o.state === 'stopped' ? 'Done' : 'Emails are already off'}</h1>
<p role="status">${o.practiceName} will not send you any more emails.</p>${home}</main>`;
  return htmlDocument({ title: o.state === 'ask' ? 'Stop emails? — Carryover' : 'Emails stopped — Carryover', links, body });
}
