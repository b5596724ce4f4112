import type { Portal } from '../../../../shared/api/portal.js';
import { DAYS_ONLY, formatDate } from '../../../local-time.js';
import { html, type SafeHtml } from '../../../page-kit/html.js';

type Goal = Portal['trackedGoals'][number];

const num = (n: number) => String(Math.round(n * 100) / 100);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Measured goals get a number to log; a goal in words only does not. */
const measured = (g: Goal) => g.unit !== null || g.baseline !== null || g.target !== null;

/** A tiny line of the numbers so far (start, then each entry), with the aim dashed; named in words for screen readers. */
function progressLine(g: Goal): SafeHtml | null {
  const values = [...(g.baseline === null ? [] : [g.baseline]), ...g.progress.map((p) => p.value)];
  if (values.length < 2) return null;
  const all = g.target === null ? values : [...values, g.target];
  const [lo, hi] = [Math.min(...all), Math.max(...all)];
  const y = (v: number) => (hi === lo ? 12 : 21 - ((v - lo) / (hi - lo)) * 18).toFixed(1);
  const x = (i: number) => ((i / (values.length - 1)) * 96 + 2).toFixed(1);
  const label = `Your numbers so far: ${values.map(num).join(', ')}${g.target === null ? '' : `. Your aim: ${num(g.target)}`}`;
  return html`<svg class="spark" viewBox="0 0 100 24" preserveAspectRatio="none" role="img" aria-label="${label}">${
    g.target !== null &&
    html`<line class="spark-aim" x1="0" x2="100" y1="${y(g.target)}" y2="${y(g.target)}" vector-effect="non-scaling-stroke"/>`
  }<polyline class="spark-line" points="${values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}" vector-effect="non-scaling-stroke"/></svg>`;
}

function goalItem(g: Goal, action: string, zone: string, today: string): SafeHtml {
  const now = new Date(`${today}T12:00:00Z`);
  const onDay = (iso: string) => formatDate(iso, { ...DAYS_ONLY, timeZone: zone }, { now });
  const last = g.progress.at(-1);
  return html`<li class="goal" id="goal-${g.id}">
<h3 id="goal-name-${g.id}">${g.statement}</h3>
${
  measured(g) &&
  html`<p class="goal-line">${g.baseline !== null && html`You started at ${num(g.baseline)}. `}<span class="goal-last">${
    last && `Last time: ${num(last.value)} on ${onDay(last.recordedAt)}.`
  }</span>${g.target !== null && html` Your aim: ${num(g.target)}${g.targetDate && ` by ${onDay(g.targetDate)}`}.`}</p>`
}
${progressLine(g)}
${
  g.achievedAt
    ? html`<p class="goal-done">You reached this goal. Well done!</p>`
    : measured(g) &&
      html`<form class="goal-log" method="post" action="${action}" data-goal="${g.id}">
<input type="hidden" name="goalId" value="${g.id}">
<label for="goal-value-${g.id}">${g.unit ? capitalise(g.unit) : 'Your number today'}</label>
<div class="goal-row"><input id="goal-value-${g.id}" class="goal-value" type="number" name="value" inputmode="decimal" step="any" min="-1000000" max="1000000" required aria-describedby="goal-name-${g.id}">
<button type="submit" class="quiet-button">Save</button></div>
<p class="status" role="status"></p>
</form>`
}
</li>`;
}

/** The client's goals: what they want in their words (from the intake) and the goals they track, each with its numbers. */
export function goalsSection(p: Portal, o: { action: string; zone: string; saved: boolean }): SafeHtml | null {
  if (!p.goals && p.trackedGoals.length === 0) return null;
  if (p.trackedGoals.length === 0)
    return html`<section class="card" aria-labelledby="goal-title"><h2 id="goal-title">Your goal</h2><p>${p.goals}</p></section>`;
  return html`<section class="card" id="goals" aria-labelledby="goal-title">
<h2 id="goal-title">Your goals</h2>
${p.goals && html`<p>${p.goals}</p>`}
${p.trackedGoals.some(measured) && html`<p class="hint">Write down your number now and then. It shows how far you have come.</p>`}
<p class="status" role="status">${o.saved && 'Thank you. Your number is saved.'}</p>
<ul class="goals">${p.trackedGoals.map((g) => goalItem(g, o.action, o.zone, p.today))}</ul>
</section>`;
}
