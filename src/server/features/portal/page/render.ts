import { type HomeworkReport, type Portal, REMINDER_RHYTHMS, type ReminderRhythm } from '../../../../shared/api/portal.js';
import type { BodyView } from '../../../../shared/body-map.js';
import { TOOLS } from '../../../../shared/vocabulary.js';
import { DAYS_ONLY, formatDate } from '../../../local-time.js';
import { htmlDocument, type PageLinks } from '../../../page-kit/document.js';
import { timeChoices } from '../../../page-kit/forms.js';
import { html, type SafeHtml } from '../../../page-kit/html.js';
import { figureDefs, viewsFor } from './body-figure.js';
import { goalsSection } from './render-goals.js';
import { renderItem } from './render-item.js';

export type Flash = 'question' | 'reminders' | 'booking' | 'goal' | 'went';
export const FLASHES: Flash[] = ['question', 'reminders', 'booking', 'goal', 'went'];

/** What the page shows beyond portalView: the share link, a request for a visit still waiting, the ?went answer. */
export interface PageExtras {
  share?: { code: string; url: string } | null;
  /** 'open': waiting for the therapist; 'proposed': the therapist emailed another time. */
  bookingRequest?: 'open' | 'proposed' | null;
  /** From the day-before mail's link: the answer to show already chosen. */
  went?: HomeworkReport;
  /** Each item's drawing as inline SVG, by homework id. */
  drawings?: Record<string, SafeHtml>;
}

export const WENT_LABELS: Record<HomeworkReport, string> = {
  'most-days': 'Most days',
  'some-days': 'Some days',
  'not-really': 'Not really',
};

const REMINDER_LABELS: Record<ReminderRhythm, string> = {
  daily: 'Every day',
  'every-other-day': 'Every other day',
  'twice-a-week': 'Twice a week',
  weekly: 'Once a week',
  none: 'No reminders',
};

const status = (text: string | false) => html`<p class="status" role="status">${text || ''}</p>`;

function questionsSection(p: Portal, links: PageLinks, flash?: Flash): SafeHtml {
  const asked = (iso: string) => formatDate(iso, { ...DAYS_ONLY, timeZone: links.zone }, { now: new Date(`${p.today}T12:00:00Z`) });
  return html`<section class="card" id="ask" aria-labelledby="ask-title">
<h2 id="ask-title">Ask ${p.therapistName} a question</h2>
<form class="ask" method="post" action="${links.page}/question">
<label for="question">Your question</label>
<textarea id="question" name="text" rows="3" minlength="2" maxlength="2000" required></textarea>
<button type="submit" class="button">Send</button>
${status(flash === 'question' && `Sent. ${p.therapistName} will answer here.`)}
</form>
<ul class="questions" aria-label="Your questions"${p.questions.length === 0 && html` hidden`}>${p.questions.map(
    (q) =>
      html`<li><p class="asked"><span class="label">You asked on ${asked(q.askedAt)}:</span> ${q.text}</p>${
        q.answer
          ? html`<p class="answer"><span class="label">${p.therapistName}:</span> ${q.answer}</p>`
          : html`<p class="waiting">No answer yet.</p>`
      }</li>`,
  )}</ul>
</section>`;
}

function remindersSection(p: Portal, links: PageLinks, flash?: Flash): SafeHtml {
  return html`<section class="card" id="reminders" aria-labelledby="reminders-title">
<h2 id="reminders-title">Reminders</h2>
<form class="reminders" method="post" action="${links.page}/reminders">
<fieldset class="choices stacked"><legend>How often should we email you a reminder?</legend>
${REMINDER_RHYTHMS.map(
  (r) =>
    html`<label class="choice"><input type="radio" name="rhythm" value="${r}"${p.reminders === r ? html` checked` : ''}><span>${REMINDER_LABELS[r]}</span></label>`,
)}
</fieldset>
${!p.canEmail && html`<p class="hint">We are not sending you any emails now. Pick how often you want one, and we will start, as long as ${p.therapistName} has your email address.</p>`}
<button type="submit" class="quiet-button no-js">Save</button>
${status(flash === 'reminders' && 'Saved.')}
</form>
</section>`;
}

/** The one-tap answer from the day-before mail: the chosen one ticked, sent only by the button (a GET changes nothing). */
function wentSection(p: Portal, links: PageLinks, went: HomeworkReport | undefined, flash?: Flash): SafeHtml | null {
  const thanks = `Thank you. ${p.therapistName} will see this before your visit.`;
  if (flash === 'went')
    return html`<section class="card went" id="went" aria-labelledby="went-title"><h2 id="went-title">How did your homework go?</h2>${status(thanks)}</section>`;
  if (!went || !p.nextAppointment) return null;
  return html`<section class="card went" id="went" aria-labelledby="went-title">
<h2 id="went-title">How did your homework go?</h2>
<form class="went-form" method="post" action="${links.page}/homework-report" data-done="${thanks}">
<fieldset class="choices"><legend>Tell ${p.therapistName} before your visit on ${p.nextAppointment.label}.</legend>
${Object.entries(WENT_LABELS).map(
  ([value, label]) =>
    html`<label class="choice"><input type="radio" name="went" value="${value}" required${went === value ? html` checked` : ''}><span>${label}</span></label>`,
)}
</fieldset>
<button type="submit" class="button">Send</button>
</form>
${status(false)}
</section>`;
}

/** Asking for the next visit when none is booked: up to three times that suit, and a note. */
function bookingSection(p: Portal, links: PageLinks, asked: PageExtras['bookingRequest'], flash?: Flash): SafeHtml | null {
  if (p.nextAppointment) return null;
  const done = p.canEmail ? "We'll email you when it's confirmed." : `${p.therapistName} will be in touch when it is confirmed.`;
  const head = html`<h2 id="book-title">Book your next visit</h2>`;
  if (flash === 'booking' || asked === 'open')
    return html`<section class="card" id="book" aria-labelledby="book-title">${head}${status(`Thank you. You asked for a visit. ${done}`)}</section>`;
  if (asked === 'proposed')
    return html`<section class="card" id="book" aria-labelledby="book-title">${head}<p>${p.therapistName} emailed you about a time. Reply to that email to book it.</p></section>`;
  return html`<section class="card" id="book" aria-labelledby="book-title">
${head}
<p>Pick up to three times that suit you. ${p.therapistName} will choose one.</p>
<form class="book" method="post" action="${links.page}/booking" data-done="Thank you. You asked for a visit. ${done}">
${timeChoices({ id: 'book', today: p.today, zone: links.zone })}
<label for="book-note">A note for ${p.therapistName} <span class="optional">(optional)</span></label>
<textarea id="book-note" name="message" rows="2" maxlength="1000"></textarea>
<button type="submit" class="button">Ask for a visit</button>
</form>
${status(false)}
</section>`;
}

/** The client's own share link and code, for a friend: not the link to this page. */
function shareSection(p: Portal, share: PageExtras['share']): SafeHtml | null {
  if (!share) return null;
  return html`<section class="card" id="share" aria-labelledby="share-title">
<h2 id="share-title">Share with a friend</h2>
<p>Do you know someone who would like a massage? Send them your link. When they book, ${p.therapistName} will know you sent them.</p>
<label for="share-link">Your link for friends</label>
<div class="share-row"><input id="share-link" class="share-link" type="text" value="${share.url}" readonly>
<button type="button" class="quiet-button copy" hidden>Copy</button></div>
<p>Or tell them your code: <strong class="code">${share.code}</strong></p>
<button type="button" class="button share-button" hidden data-title="${p.practiceName}" data-text="I think you would like ${p.practiceName}.">Share</button>
${status(false)}
<p class="hint">This link is safe to share. It does not open this page.</p>
</section>`;
}

/** The client's page: what to do, the one tap, how it went, and a line to their therapist. */
export function renderPortalPage(p: Portal, links: PageLinks, flash?: Flash, extras: PageExtras = {}): string {
  const views = new Set<BodyView>(p.items.flatMap((i) => viewsFor(i.regions)));
  const body = html`<header class="top"><p>${p.practiceName}</p></header>
<main id="main" data-api="/api/v1/portal/${links.page.split('/').pop()}" data-today="${p.today}" data-zone="${links.zone}">
<h1>Hi ${p.firstName} — here is your homework from ${p.therapistName}</h1>
${
  p.items.length > 0
    ? html`<p class="lead">Do it at home, between visits. Each time you do it, tap <strong>Done today</strong>.</p>`
    : html`<p class="lead">You have no homework right now. ${p.therapistName} will add some at your next visit.</p>`
}
<p class="sync" id="sync" role="status"></p>
${wentSection(p, links, extras.went, flash)}
${figureDefs(views)}
${p.items.map((item) => renderItem(item, p, { checkin: `${links.page}/checkin`, drawing: extras.drawings?.[item.homeworkId] }))}
${goalsSection(p, { action: `${links.page}/goal`, zone: links.zone, saved: flash === 'goal' })}
${
  p.nextAppointment &&
  html`<section class="card" aria-labelledby="next-title"><h2 id="next-title">Your next visit</h2><p>${p.nextAppointment.label}</p><p><a href="${links.page}/next.ics" download="next-visit.ics">Add it to my calendar</a></p></section>`
}
${bookingSection(p, links, extras.bookingRequest, flash)}
${
  p.toolsThatWouldHelp.length > 0 &&
  html`<section class="card" aria-labelledby="tools-title"><h2 id="tools-title">Things that would help</h2><p>Your homework is easier with these. They cost little and last for years.</p><ul class="tools">${p.toolsThatWouldHelp.map((t) => html`<li>${TOOLS[t]}</li>`)}</ul></section>`
}
${questionsSection(p, links, flash)}
${remindersSection(p, links, flash)}
${shareSection(p, extras.share)}
</main>
<footer class="foot"><p>This page is just for you. Please do not share its link.</p><p>These are tips from ${p.practiceName} to help you look after yourself. They are not medical care.</p></footer>`;
  return htmlDocument({ title: `Your homework from ${p.therapistName}`, links, body });
}

/** What an unknown, revoked or throttled link sees: a kind word, and nothing about anyone. */
export function renderLinkProblem(
  links: Omit<PageLinks, 'page' | 'zone'>,
  problem: 'invalid' | 'busy' | 'form',
  form?: { message: string; back: string },
): string {
  const text =
    problem === 'invalid'
      ? 'This link does not work any more. Ask your therapist for a new one.'
      : problem === 'busy'
        ? 'Too many tries. Wait a few minutes, then try again.'
        : (form?.message ?? 'That did not work. Go back and try again.');
  const title = problem === 'form' ? 'That did not work' : 'This link does not work';
  const body = html`<main id="main" class="problem"><h1>${title}</h1><p>${text}</p>${
    form && html`<p><a href="${form.back}">Go back to your homework</a></p>`
  }</main>`;
  return htmlDocument({ title: `${title} — Carryover`, links, body });
}
