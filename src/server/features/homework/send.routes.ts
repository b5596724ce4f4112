import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, idParams } from '../../../shared/api/common.js';
import { sendBody, sendResult } from '../../../shared/api/homework.js';
import type { AppDeps } from '../../deps.js';
import { queueEmail } from '../../email/outbox.js';
import { fromPractice, stopEmails } from '../../email/sender.js';
import { authOf } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { renderHandoutOffThread } from '../../pdf/handout-pool.js';
import { calendarFile } from '../appointments/ics.js';
import { audit } from '../clients/clients.repository.js';
import { findVisibleSession } from '../clients/sessions.repository.js';
import { matchesEtag, renderedDrawing, renderedPng } from '../library/drawing-files.js';
import { handoutContent, handoutFor, linkFor } from './handout.service.js';
import { handoutPdf } from './handout-cache.js';
import { homeworkEmail, MAIL_DRAWING_WIDTH } from './homework.emails.js';

const fileName = (first: string) => `homework-${first.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'client'}.pdf`;

export function sendRoutes({ db, clock, config, storage }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/clients/:id/handout.pdf',
      { schema: { tags: ['homework'], summary: "The printable handout of the client's active homework (PDF)", params: idParams } },
      async (req, reply) => {
        const auth = authOf(req);
        const options = { db, clock, config, auth, clientId: req.params.id };
        const handout = await handoutContent(options);
        if (!handout.items.length)
          throw new AppError(409, 'no_homework', `${handout.clientFirstName} has no active homework yet. Assign an item first.`);
        const { pdf, etag } = await handoutPdf(db, clock, {
          practiceId: auth.practiceId,
          clientId: handout.clientId,
          content: handout,
          issueLink: () => linkFor(options, handout.clientId),
        });
        // Kept by the browser only to ask again: an unchanged handout then answers 304 with no body.
        reply.header('etag', etag).header('cache-control', 'private, no-cache');
        if (matchesEtag(req.headers['if-none-match'], etag)) return reply.code(304).send();
        await audit(
          db,
          auth,
          { practiceId: auth.practiceId, clientId: handout.clientId, action: 'opened the handout' },
          clock.now().toISOString(),
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${fileName(handout.clientFirstName)}"`)
          .send(pdf);
      },
    );

    app.post(
      '/sessions/:id/send',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 hour' } },
        schema: {
          tags: ['homework'],
          summary: 'Email the client their homework: the handout as PDF, a link to their page, reply-to the therapist',
          params: idParams,
          body: sendBody.nullish(),
          response: { 202: sendResult, 400: errorSchema, 404: errorSchema, 409: errorSchema },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const session = await findVisibleSession(db, auth, req.params.id);
        const handout = await handoutFor({ db, clock, config, auth, clientId: session.client_id });
        const to = req.body?.to ?? handout.clientEmail;
        if (!to)
          throw new AppError(400, 'no_email', `Add an email for ${handout.clientFirstName} first, or print the handout.`, {
            to: 'This client has no email',
          });
        if (!handout.items.length)
          throw new AppError(409, 'no_homework', `${handout.clientFirstName} has no active homework yet. Assign an item first.`);
        if (handout.unsubscribed) {
          throw new AppError(
            409,
            'unsubscribed',
            `${handout.clientFirstName} asked for no more email. Print the handout or let them scan the code instead.`,
          );
        }
        const pdf = await renderHandoutOffThread(handout);
        const folder = `mail/${auth.practiceId}/${handout.clientId}`;
        const storageKey = `${folder}/${randomUUID()}.pdf`;
        await storage.put(storageKey, Readable.from(pdf), pdf.length + 1);
        // Mail clients do not show SVG: each drawing goes as a PNG inside the mail, named by Content-ID.
        const drawings = await Promise.all(
          handout.items.map(async (item, i) => {
            const { png } = renderedPng(item.exercise, MAIL_DRAWING_WIDTH);
            const key = `${folder}/${randomUUID()}.png`;
            await storage.put(key, Readable.from(png), png.length + 1);
            return { cid: `drawing-${i + 1}.${randomUUID()}@carryover`, alt: renderedDrawing(item.exercise).alt, key, n: i + 1 };
          }),
        );
        const mail = homeworkEmail(handout, drawings);
        // Rebooked at this checkout: the same mail carries the invite for the next visit (checkout-invite.ts then sends none).
        const booked = await db
          .selectFrom('appointments')
          .selectAll()
          .where('session_id', '=', session.id)
          .where('status', '=', 'booked')
          .orderBy('created_at', 'desc')
          .executeTakeFirst();
        let icsKey: string | null = null;
        if (booked) {
          const ics = calendarFile(
            [{ appointment: booked, summary: `Massage at ${handout.practiceName}`, location: handout.practiceName }],
            { name: handout.practiceName, method: 'REQUEST', timezone: booked.timezone },
          );
          icsKey = `mail/${auth.practiceId}/${handout.clientId}/${randomUUID()}.ics`;
          await storage.put(icsKey, Readable.from(Buffer.from(ics)), ics.length * 4 + 1);
        }
        const practice = await db
          .selectFrom('practices')
          .select(['name', 'sender_name', 'reply_to'])
          .where('id', '=', auth.practiceId)
          .executeTakeFirstOrThrow();
        let emailId = '';
        try {
          await db.transaction().execute(async (trx) => {
            emailId = await queueEmail(trx, clock, {
              practiceId: auth.practiceId,
              clientId: handout.clientId,
              to,
              ...fromPractice(practice, handout.questionsEmail),
              headers: stopEmails(handout.clientUrl).headers,
              ...mail,
              attachments: [
                { filename: fileName(handout.clientFirstName), contentType: 'application/pdf', storageKey },
                ...drawings.map((d) => ({ filename: `drawing-${d.n}.png`, contentType: 'image/png', storageKey: d.key, cid: d.cid })),
                ...(icsKey
                  ? [{ filename: 'next-appointment.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', storageKey: icsKey }]
                  : []),
              ],
            });
            // A visit booked at this checkout from now on mails its own invite: this mail has gone.
            await trx
              .updateTable('session_records')
              .set({ homework_sent_at: clock.now().toISOString() })
              .where('id', '=', session.id)
              .execute();
            await audit(
              trx,
              auth,
              { practiceId: auth.practiceId, clientId: handout.clientId, action: 'emailed homework' },
              clock.now().toISOString(),
            );
          });
        } catch (err) {
          await storage.remove(storageKey);
          for (const d of drawings) await storage.remove(d.key);
          if (icsKey) await storage.remove(icsKey);
          throw err;
        }
        return reply.code(202).send({ emailId, to, items: handout.items.length });
      },
    );
  };
}
