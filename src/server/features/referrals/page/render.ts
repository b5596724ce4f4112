import { htmlDocument, type PageLinks } from '../../../page-kit/document.js';
import { timeChoices } from '../../../page-kit/forms.js';
import { html } from '../../../page-kit/html.js';

/*
 * The page a friend opens from a client's share link (/r/:code): who sent them (first name only), what a
 * first visit is like, and a form to ask for one. It uses the client page's small files.
 */

export type FileLinks = Omit<PageLinks, 'page' | 'zone'>;

export interface Landing {
  code: string;
  practiceName: string;
  referrerFirstName: string;
  /** The practice's time zone: the friend picks times there. */
  zone: string;
  today: string;
}

/** The landing with its form; after a problem the form comes back filled in, with the problem said plainly. */
export function renderReferralPage(l: Landing, links: FileLinks, o: { values?: Record<string, string | undefined>; error?: string } = {}) {
  const v = o.values ?? {};
  const action = `/r/${encodeURIComponent(l.code)}`;
  const body = html`<header class="top"><p>${l.practiceName}</p></header>
<main id="main">
<h1>${l.referrerFirstName} thinks you'd like ${l.practiceName}</h1>
<p class="lead">At your first visit, we talk about what bothers you and what you hope for. Then you get a massage made just for you, and one or two easy things to do at home so it lasts.</p>
<section class="card" aria-labelledby="visit-title">
<h2 id="visit-title">Ask for a first visit</h2>
<p>Pick up to three times that suit you. We will email you to say which one is yours.</p>
<form class="referral" method="post" action="${action}" data-api="/api/v1/referrals/${encodeURIComponent(l.code)}/booking-requests" data-zone="${l.zone}" data-done="${action}?sent=1">
${o.error && html`<p class="error" role="alert">${o.error}</p>`}
<label for="r-name">Your name</label>
<input id="r-name" class="field" type="text" name="name" autocomplete="name" maxlength="120" required value="${v.name ?? ''}">
<label for="r-email">Your email</label>
<input id="r-email" class="field" type="email" name="email" autocomplete="email" maxlength="254" required value="${v.email ?? ''}">
<label for="r-phone">Your phone <span class="optional">(optional)</span></label>
<input id="r-phone" class="field" type="tel" name="phone" autocomplete="tel" maxlength="30" value="${v.phone ?? ''}">
${timeChoices({ id: 'r', today: l.today, zone: l.zone, values: v })}
<label for="r-note">Anything we should know? <span class="optional">(optional)</span></label>
<textarea id="r-note" name="message" rows="3" maxlength="1000">${v.message ?? ''}</textarea>
<button type="submit" class="button">Ask for a visit</button>
<p class="status" role="status"></p>
</form>
</section>
</main>
<footer class="foot"><p>We use your details only to book your visit.</p></footer>`;
  return htmlDocument({ title: `${l.referrerFirstName} thinks you'd like ${l.practiceName}`, links, body, script: true });
}

/** After the request is in. */
export function renderReferralThanks(l: Landing, links: FileLinks) {
  const body = html`<header class="top"><p>${l.practiceName}</p></header>
<main id="main">
<h1>Thank you!</h1>
<p class="lead">We have your request. ${l.practiceName} will email you soon to say which time is yours.</p>
<p>Thanks for giving us a try, and say hi to ${l.referrerFirstName}.</p>
</main>`;
  return htmlDocument({ title: `Thank you — ${l.practiceName}`, links, body });
}

/** An unknown code, or too many tries: a kind word, and nothing about anyone. */
export function renderReferralProblem(links: FileLinks, problem: 'unknown' | 'busy') {
  const text =
    problem === 'unknown'
      ? 'This link does not work. Ask the friend who sent it to check it.'
      : 'Too many tries. Wait a few minutes, then try again.';
  const body = html`<main id="main" class="problem"><h1>${problem === 'unknown' ? 'This link does not work' : 'Please wait a little'}</h1><p>${text}</p></main>`;
  return htmlDocument({ title: 'Carryover', links, body });
}
