import { describeDose } from '../../../shared/dose.js';
import { escapeHtml } from '../../../shared/escape.js';
import { button, footer, layout, paragraph as p } from '../../email/layout.js';
import type { Handout } from '../../pdf/handout.js';

/** An item's drawing as it goes with the mail: an inline PNG named by Content-ID, and its words. */
export interface MailDrawing {
  cid: string;
  alt: string;
}

const NOT_TREATMENT = 'This is self-care advice, not medical treatment. If anything hurts sharply, stop and tell us.';

/** Drawings shown this wide in the mail; the PNG is made at that many pixels. */
export const MAIL_DRAWING_WIDTH = 480;

/** The homework mail: the same content as the handout, as plain text and simple HTML with each item's drawing. */
export function homeworkEmail(h: Handout, drawings: MailDrawing[] = []): { subject: string; text: string; html: string } {
  const subject = `Your self-care homework from ${h.therapistName}`;
  const items = h.items.map((item, i) => {
    const dose = describeDose(item.dose);
    return { i: i + 1, item, dose, copy: item.copy, drawing: drawings[i] };
  });
  const text = [
    `Hi ${h.clientFirstName},`,
    '',
    `Here is your homework from today's visit at ${h.practiceName}. A few minutes most days helps the work we did last longer.`,
    '',
    ...items.flatMap(({ i, item, dose, copy, drawing }) => [
      `${i}. ${item.exercise.name}`,
      item.exercise.purpose,
      ...(drawing ? [`(Picture: ${drawing.alt})`] : []),
      `${dose.what}. ${dose.when}.${dose.pressure ? ` ${dose.pressure}.` : ''}`,
      ...item.exercise.steps.map((s, n) => `  ${n + 1}) ${s}`),
      ...(copy.donts.length ? ['Take care:', ...copy.donts.map((d) => `  - ${d}`)] : []),
      ...(item.note ? [`A tip from ${h.therapistName}: ${item.note}`] : []),
      ...(copy.tips.length ? [copy.tips.length > 1 ? 'Tips:' : 'Tip:', ...copy.tips.map((t) => `  - ${t}`)] : []),
      ...(copy.watchFor.length ? [`Watch for: ${copy.watchFor.join(' ')}`] : []),
      item.exercise.stopIf,
      ...(copy.getHelp ? [copy.getHelp] : []),
      '',
    ]),
    ...(h.goals ? ['What you are working towards:', h.goals, ''] : []),
    ...(h.nextAppointment ? [`Your next visit: ${h.nextAppointment}`, ''] : []),
    'Tick it off each day and tell us how it felt:',
    h.clientUrl,
    '',
    `Questions? Just reply to this email${h.questionsEmail ? ` or write to ${h.questionsEmail}` : ''}.`,
    '',
    h.therapistName,
    h.practiceName,
    '',
    NOT_TREATMENT,
  ].join('\n');

  const label = (s: string) => `<p style="margin:0 0 4px;font-weight:bold">${escapeHtml(s)}</p>`;
  const list = (lines: string[], mark: string, markColour: string) =>
    `<ul style="margin:0 0 12px;padding:0;list-style:none">${lines
      .map(
        (l) =>
          `<li style="margin:0 0 4px;padding-left:22px;text-indent:-22px"><span style="display:inline-block;width:22px;text-indent:0;color:${markColour};font-weight:bold" aria-hidden="true">${mark}</span>${escapeHtml(l)}</li>`,
      )
      .join('')}</ul>`;
  const body = `${p(`Here is your homework from today's visit. A few minutes most days helps the work we did last longer.`)}
${items
  .map(
    ({
      i,
      item,
      dose,
      copy,
      drawing,
    }) => `<div style="background:#ffffff;border:1px solid #d9d4cc;border-radius:8px;padding:16px;margin:0 0 16px">
<h2 style="font-size:19px;margin:0 0 4px">${i}. ${escapeHtml(item.exercise.name)}</h2>
${p(escapeHtml(item.exercise.purpose), 'color:#4a5555')}
${
  drawing
    ? `<img src="cid:${escapeHtml(drawing.cid)}" alt="${escapeHtml(drawing.alt)}" width="${MAIL_DRAWING_WIDTH}" style="display:block;width:100%;max-width:${MAIL_DRAWING_WIDTH}px;height:auto;border:0;margin:0 auto 12px;background:#f7f4ee;border-radius:6px">`
    : ''
}
${p(`<strong>${escapeHtml(dose.what)}. ${escapeHtml(dose.when)}.</strong>${dose.pressure ? ` ${escapeHtml(dose.pressure)}.` : ''}`, 'color:#1d5c57')}
<ol style="margin:0 0 12px;padding-left:22px">${item.exercise.steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>
${copy.donts.length ? label('Take care') + list(copy.donts, '&#10005;', '#7a2e12') : ''}
${item.note ? p(`<strong>A tip from ${escapeHtml(h.therapistName)}:</strong> ${escapeHtml(item.note)}`) : ''}
${copy.tips.length ? label(copy.tips.length > 1 ? 'Tips' : 'Tip') + list(copy.tips, '&#8226;', '#2f6b63') : ''}
${copy.watchFor.length ? p(`<strong>Watch for:</strong> ${copy.watchFor.map(escapeHtml).join(' ')}`, 'border:2px solid #5b4a12;color:#5b4a12;padding:8px 12px;border-radius:6px') : ''}
${p(escapeHtml(item.exercise.stopIf), 'background:#fbf3dc;color:#5b4a12;padding:8px 12px;border-radius:6px;font-weight:bold')}
${copy.getHelp ? p(escapeHtml(copy.getHelp), 'background:#fbeee6;color:#7a2e12;padding:8px 12px;border-left:4px solid #7a2e12;border-radius:6px;font-weight:bold') : ''}
</div>`,
  )
  .join('\n')}
${h.goals ? `<h2 style="font-size:18px;margin:16px 0 4px">What you are working towards</h2>${p(escapeHtml(h.goals))}` : ''}
${h.nextAppointment ? `<h2 style="font-size:18px;margin:16px 0 4px">Your next visit</h2>${p(escapeHtml(h.nextAppointment))}` : ''}
${button(h.clientUrl, 'Open my homework page')}
${p(`Questions? Just reply to this email${h.questionsEmail ? ` or write to ${escapeHtml(h.questionsEmail)}` : ''}.`)}
${p(`${escapeHtml(h.therapistName)}<br>${escapeHtml(h.practiceName)}`)}
${footer([NOT_TREATMENT])}`;
  return { subject, text, html: layout({ practiceName: h.practiceName, heading: `Your homework, ${h.clientFirstName}`, body }) };
}
