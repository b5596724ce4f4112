import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseLocalDateTime } from '../../shared/time/format.js';
import { isoInZone } from '../../shared/time/zone.js';
import { AppError } from '../http/errors.js';
import { html, type SafeHtml } from './html.js';

/*
 * What the server-rendered pages' forms share: the URL-encoded body parser, and the "up to three times
 * that suit you" picker (a day and a time each, in one time zone) with its reading on the server.
 */

/** Forms arrive URL-encoded; empty fields mean "not given". Register once per plugin that takes forms. */
export function acceptForms(app: FastifyInstance) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) => {
    const fields: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(String(body))) if (v.trim() !== '') fields[k] = v;
    done(null, fields);
  });
}

export const TIME_CHOICES = 3;
const CHOICE_NAMES = ['First choice', 'Second choice', 'Third choice'];

/** The fields of the picker: day1, time1 … day3, time3, each optional (the first is required in the browser). */
export const timeChoiceFields = Object.fromEntries(
  Array.from({ length: TIME_CHOICES }, (_, i) => [
    [`day${i + 1}`, z.string().max(20).optional()],
    [`time${i + 1}`, z.string().max(20).optional()],
  ]).flat(),
) as Record<`day${1 | 2 | 3}` | `time${1 | 2 | 3}`, z.ZodOptional<z.ZodString>>;

/** "New York" for America/New_York: how a person names a time zone. */
export const zoneName = (zone: string) => zone.split('/').pop()!.replace(/_/g, ' ');

/** The three day-and-time choices, in the given zone; `values` fills them in again after a problem. */
export function timeChoices(o: { id: string; today: string; zone: string; values?: Record<string, string | undefined> }): SafeHtml {
  const v = o.values ?? {};
  return html`<p class="hint" id="${o.id}-zone">Times are in ${zoneName(o.zone)} time.</p>
${CHOICE_NAMES.map((name, i) => {
  const n = i + 1;
  return html`<fieldset class="when"><legend>${name}${n > 1 && html` <span class="optional">(optional)</span>`}</legend>
<div class="when-row"><div><label for="${o.id}-day${n}">Day</label><input id="${o.id}-day${n}" type="date" name="day${n}" min="${o.today}" value="${v[`day${n}`] ?? ''}"${n === 1 && html` required`}></div>
<div><label for="${o.id}-time${n}">Time</label><input id="${o.id}-time${n}" type="time" name="time${n}" value="${v[`time${n}`] ?? ''}" aria-describedby="${o.id}-zone"${n === 1 && html` required`}></div></div>
</fieldset>`;
})}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/**
 * The chosen times as instants with their offset ("2026-03-09T10:00:00-05:00"), read in the zone the page showed.
 * A problem is a 400 with a plain message the page can show.
 */
export function preferredTimesFrom(fields: Record<string, string | undefined>, zone: string, now: Date): string[] {
  const times: string[] = [];
  for (let n = 1; n <= TIME_CHOICES; n++) {
    const day = fields[`day${n}`]?.trim();
    const time = fields[`time${n}`]?.trim();
    if (!day && !time) continue;
    if (!day || !time) throw new AppError(400, 'invalid', 'Pick both a day and a time for each choice.', { [`day${n}`]: 'Day and time' });
    const at = DAY.test(day) && TIME.test(time) ? parseLocalDateTime(day, time, zone) : null;
    if (!at) throw new AppError(400, 'invalid', 'Pick a real day and time.', { [`day${n}`]: 'Not a real day and time' });
    if (at.getTime() <= now.getTime())
      throw new AppError(400, 'invalid', 'Pick a time that has not passed yet.', { [`day${n}`]: 'In the past' });
    times.push(isoInZone(at, zone));
  }
  if (times.length === 0) throw new AppError(400, 'invalid', 'Pick a day and a time that suit you.', { day1: 'Pick a day and time' });
  return times;
}
