import { describeDose } from '../../../shared/dose.js';
import type { Handout } from '../../pdf/handout.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The homework mail: the same content as the handout, as plain text and simple HTML. */
export function homeworkEmail(h: Handout): { subject: string; text: string; html: string } {
  const subject = `Your self-care homework from ${h.therapistName}`;
  const items = h.items.map((item, i) => {
    const dose = describeDose(item.dose);
    return { i: i + 1, item, dose };
  });
  const text = [
    `Hi ${h.clientFirstName},`,
    '',
    `Here is your homework from today's visit at ${h.practiceName}. A few minutes most days helps the work we did last longer.`,
    '',
    ...items.flatMap(({ i, item, dose }) => [
      `${i}. ${item.exercise.name}`,
      item.exercise.purpose,
      `${dose.what}. ${dose.when}.${dose.pressure ? ` ${dose.pressure}.` : ''}`,
      ...item.exercise.steps.map((s, n) => `  ${n + 1}) ${s}`),
      ...(item.note ? [`A tip from ${h.therapistName}: ${item.note}`] : []),
      item.exercise.stopIf,
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
    'This is self-care advice, not medical treatment. If anything hurts sharply, stop and tell us.',
  ].join('\n');

  const p = (s: string, style = '') => `<p style="margin:0 0 12px;${style}">${s}</p>`;
  const html = `<!doctype html><html lang="en"><body style="margin:0;background:#faf8f5;font-family:Arial,Helvetica,sans-serif;color:#1f2a2a;font-size:16px;line-height:1.5">
<div style="max-width:600px;margin:0 auto;padding:24px">
${p(esc(h.practiceName.toUpperCase()), 'color:#2f6b63;font-weight:bold;font-size:13px;letter-spacing:1px')}
<h1 style="font-size:24px;margin:0 0 12px">Your homework, ${esc(h.clientFirstName)}</h1>
${p(`Here is your homework from today's visit. A few minutes most days helps the work we did last longer.`)}
${items
  .map(
    ({ i, item, dose }) => `<div style="background:#ffffff;border:1px solid #d9d4cc;border-radius:8px;padding:16px;margin:0 0 16px">
<h2 style="font-size:19px;margin:0 0 4px">${i}. ${esc(item.exercise.name)}</h2>
${p(esc(item.exercise.purpose), 'color:#4a5555')}
${p(`<strong>${esc(dose.what)}. ${esc(dose.when)}.</strong>${dose.pressure ? ` ${esc(dose.pressure)}.` : ''}`, 'color:#1d5c57')}
<ol style="margin:0 0 12px;padding-left:22px">${item.exercise.steps.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>
${item.note ? p(`<strong>A tip from ${esc(h.therapistName)}:</strong> ${esc(item.note)}`) : ''}
${p(esc(item.exercise.stopIf), 'background:#fbeee6;color:#7a2e12;padding:8px 12px;border-radius:6px;font-weight:bold')}
</div>`,
  )
  .join('\n')}
${h.goals ? `<h2 style="font-size:18px;margin:16px 0 4px">What you are working towards</h2>${p(esc(h.goals))}` : ''}
${h.nextAppointment ? `<h2 style="font-size:18px;margin:16px 0 4px">Your next visit</h2>${p(esc(h.nextAppointment))}` : ''}
<p style="margin:24px 0"><a href="${esc(h.clientUrl)}" style="background:#2f6b63;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold;display:inline-block">Open my homework page</a></p>
${p(`Questions? Just reply to this email${h.questionsEmail ? ` or write to ${esc(h.questionsEmail)}` : ''}.`)}
${p(`${esc(h.therapistName)}<br>${esc(h.practiceName)}`)}
${p('This is self-care advice, not medical treatment. If anything hurts sharply, stop and tell us.', 'font-size:13px;color:#4a5555')}
</div></body></html>`;
  return { subject, text, html };
}
