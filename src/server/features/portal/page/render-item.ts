import type { Portal } from '../../../../shared/api/portal.js';
import { describeDose } from '../../../../shared/dose.js';
import { REGIONS } from '../../../../shared/vocabulary.js';
import { DAYS_ONLY, formatDate } from '../../../local-time.js';
import { html, type SafeHtml } from '../../../page-kit/html.js';
import { bodyFigure } from './body-figure.js';

type Item = Portal['items'][number];
type CheckIn = Portal['checkIns'][number];

export const FEELING_LABELS = { better: 'Better', same: 'The same', worse: 'Worse' } as const;

/** "Mon 2 Mar" for a local day written YYYY-MM-DD (the year only when it is not this one). */
export const dayLabel = (day: string, today: string) => formatDate(day, DAYS_ONLY, { now: new Date(`${today}T12:00:00Z`) });

/** The one tap: a real form, so it works before (and without) the script; the script makes it instant. */
function doneButton(item: Item, done: boolean, action: string): SafeHtml {
  return html`<form class="done" method="post" action="${action}">
<input type="hidden" name="homeworkId" value="${item.homeworkId}">
<button type="submit" name="done" value="${done ? 'false' : 'true'}" class="done-button" aria-pressed="${String(done)}" aria-labelledby="done-${item.homeworkId} name-${item.homeworkId}"><span class="done-text" id="done-${item.homeworkId}">${done ? 'Done ✓' : 'Done today'}</span></button>
</form>`;
}

function feelingForm(item: Item, today: CheckIn | undefined, action: string): SafeHtml {
  const id = item.homeworkId;
  return html`<form class="feel" method="post" action="${action}"${today?.done ? '' : html` hidden`}>
<input type="hidden" name="homeworkId" value="${id}"><input type="hidden" name="done" value="true">
<fieldset class="choices"><legend>How did it feel? <span class="optional">(you can skip this)</span></legend>
${Object.entries(FEELING_LABELS).map(
  ([value, label]) =>
    html`<label class="choice"><input type="radio" name="feeling" value="${value}"${today?.feeling === value ? html` checked` : ''}><span>${label}</span></label>`,
)}
</fieldset>
<label for="note-${id}" class="note-label">Anything else? <span class="optional">(optional)</span></label>
<textarea id="note-${id}" name="note" rows="2" maxlength="500">${today?.note ?? ''}</textarea>
<button type="submit" class="quiet-button">Save</button>
</form>`;
}

/** The last 14 days as dots, with the same in words for screen readers and print. */
function lastDays(item: Item, portal: Portal): SafeHtml {
  const done = new Set(portal.checkIns.filter((c) => c.homeworkId === item.homeworkId && c.done).map((c) => c.date));
  const count = portal.days.filter((d) => done.has(d)).length;
  return html`<div class="days"><p class="days-sum">Done on <span class="days-count">${count}</span> of the last ${portal.days.length} days</p>
<ol class="dots" aria-label="The last ${portal.days.length} days, oldest first">${portal.days.map(
    (d) =>
      html`<li class="dot${done.has(d) ? ' is-done' : ''}${d === portal.today ? ' is-today' : ''}" data-day="${d}"><span class="vh">${d === portal.today ? 'Today' : dayLabel(d, portal.today)}: ${done.has(d) ? 'done' : 'not done'}</span></li>`,
  )}</ol></div>`;
}

const WEEK = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** What to take care with: the don'ts, the therapist's cue, the tips. */
function takeCare(item: Item, therapistName: string): SafeHtml {
  const id = item.homeworkId;
  return html`${item.mistakes.length > 0 && html`<h3 id="donts-${id}">Take care</h3><ul class="donts" aria-labelledby="donts-${id}">${item.mistakes.map((m) => html`<li>${m}</li>`)}</ul>`}
${item.note && html`<figure class="cue"><blockquote><p>${item.note}</p></blockquote><figcaption>— ${therapistName}</figcaption></figure>`}
${item.cues.length > 0 && html`<h3>Tips</h3><ul class="tips">${item.cues.map((c) => html`<li>${c}</li>`)}</ul>`}
`;
}

/** What to watch for with the client's own cautions, when to stop and when to get help: on the short card, never folded away. */
const safety = (item: Item): SafeHtml =>
  html`${item.watchFor.length > 0 && html`<div class="watch"><h3>Watch for</h3><ul>${item.watchFor.map((w) => html`<li>${w}</li>`)}</ul></div>`}
<p class="stop"><span class="stop-mark" aria-hidden="true">!</span> ${item.stopIf}</p>
${item.getHelp && html`<p class="get-help"><span class="get-help-mark" aria-hidden="true">+</span> <strong>${item.getHelp}</strong></p>`}`;

/** Days an item's full steps show open: its first week, while the client is still learning it. */
const FIRST_WEEK_DAYS = 7;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * One homework item as a short card: its name and dose, the one tap (first, so it is on the
 * first screen of a phone), its drawing and the last days; how to do
 * it, how much and what to take care with are one tap away (open in the item's first week).
 */
export function renderItem(item: Item, portal: Portal, o: { checkin: string; drawing?: SafeHtml }): SafeHtml {
  const id = item.homeworkId;
  const today = portal.checkIns.find((c) => c.homeworkId === id && c.date === portal.today);
  const dose = describeDose(item.dose);
  const open = daysBetween(item.givenOn, portal.today) < FIRST_WEEK_DAYS;
  return html`<article class="item" id="item-${id}" data-item="${id}" aria-labelledby="name-${id}">
<div class="item-head">${bodyFigure(item.regions)}<div>
<h2 id="name-${id}">${item.name}</h2>
<p class="purpose">${item.purpose}</p>
<p class="when-short">${dose.what ? `${dose.what}, ${lowerFirst(dose.when)}` : dose.when}</p>
</div></div>
<div class="tap">
${doneButton(item, Boolean(today?.done), o.checkin)}
<div class="undo-ask" id="undo-ask-${id}" hidden><p>Take back today’s tick for ${item.name}?</p>
<div class="undo-row"><button type="button" class="quiet-button undo-yes">Yes, take it back</button><button type="button" class="quiet-button undo-no">No, keep it</button></div></div>
<p class="status" role="status" id="status-${id}"></p>
<button type="button" class="quiet-button undo" hidden>Undo</button>
</div>
<div class="picture">${o.drawing && html`<div class="drawing-box">${o.drawing}</div>`}
<table class="week"><caption>Tick a box each day you do it</caption><tr>${WEEK.map((d) => html`<th scope="col">${d}</th>`)}</tr><tr>${WEEK.map(() => html`<td></td>`)}</tr></table></div>
${safety(item)}
${feelingForm(item, today, o.checkin)}
${lastDays(item, portal)}
<details class="how"${open ? html` open` : ''}><summary>How to do it, step by step</summary>
<p class="where"><span class="label">Where:</span> ${item.regions.map((r) => REGIONS[r]).join(', ')}</p>
<dl class="dose">
${dose.what && html`<div><dt>How much</dt><dd>${dose.what}</dd></div>`}
<div><dt>How often</dt><dd>${dose.when}</dd></div>
${dose.pressure && html`<div><dt>How hard</dt><dd>${dose.pressure}</dd></div>`}
</dl>
<h3>How to do it</h3>
<ol class="steps">${item.steps.map((s) => html`<li>${s}</li>`)}</ol>
${takeCare(item, portal.therapistName)}
${item.media.map((m) =>
  m.kind === 'image'
    ? html`<img class="media" src="${m.url}" alt="A photo of ${item.name}, taken at your visit" loading="lazy" decoding="async" width="640" height="480">`
    : html`<video class="media" src="${m.url}" controls preload="none" width="640" height="480" aria-label="A video of ${item.name}, taken at your visit"></video>`,
)}
</details>
</article>`;
}
