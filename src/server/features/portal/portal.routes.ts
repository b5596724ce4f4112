import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Intake } from '../../../shared/api/clients.js';
import { errorSchema, okSchema } from '../../../shared/api/common.js';
import {
  CHECK_IN_DAYS_BACK,
  checkInBody,
  checkInSchema,
  type Portal,
  portalSchema,
  questionBody,
  questionSchema,
  reminderBody,
} from '../../../shared/api/portal.js';
import type { Tool } from '../../../shared/vocabulary.js';
import type { AppDeps } from '../../deps.js';
import { queueEmail } from '../../email/outbox.js';
import { AppError } from '../../http/errors.js';
import { addDays, localDay } from '../../local-time.js';
import { toolsAvailable } from '../homework/suggest.js';
import { clientByLink, guessThrottle } from './portal.repository.js';
import { scheduleNextReminder } from './reminders.js';

const tokenParams = z.object({ token: z.string().min(20).max(100) });
const errors = { 400: errorSchema, 404: errorSchema, 429: errorSchema };

export function portalRoutes({ db, clock, config, storage }: AppDeps): FastifyPluginAsyncZod {
  const throttle = guessThrottle({ max: 20, windowMs: 10 * 60_000, now: () => Date.now() });

  return async (app) => {
    // Mail clients send the one-click unsubscribe as a form (RFC 8058); its body carries nothing we need.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) =>
      done(null, {}),
    );

    // Every portal call starts here: throttled guessing, then the client behind the link.
    async function open(req: { ip: string; params: { token: string } }) {
      if (throttle.blocked(req.ip)) throw new AppError(429, 'rate_limited', 'Too many tries. Wait a few minutes and try again.');
      try {
        return await clientByLink(db, req.params.token);
      } catch (err) {
        throttle.miss(req.ip);
        throw err;
      }
    }

    app.get(
      '/portal/:token',
      {
        config: { public: true },
        schema: {
          tags: ['client page'],
          summary: "The client's page: homework, the last 14 days, questions, goals",
          params: tokenParams,
          response: { 200: portalSchema, ...errors },
        },
      },
      async (req) => portalView(await open(req), req.params.token),
    );

    async function portalView(client: Awaited<ReturnType<typeof clientByLink>>, token: string): Promise<Portal> {
      const today = localDay(clock.now(), client.zone);
      const from = addDays(today, -(CHECK_IN_DAYS_BACK - 1));
      const [homework, checkIns, questions, therapist] = await Promise.all([
        db
          .selectFrom('homework')
          .selectAll()
          .where('client_id', '=', client.id)
          .where('status', '=', 'active')
          .orderBy('assigned_at')
          .execute(),
        db.selectFrom('check_ins').selectAll().where('client_id', '=', client.id).where('date', '>=', from).orderBy('date').execute(),
        db.selectFrom('questions').selectAll().where('client_id', '=', client.id).orderBy('asked_at', 'desc').limit(20).execute(),
        db
          .selectFrom('members')
          .select('name')
          .where('id', '=', client.therapist_id ?? '')
          .executeTakeFirst(),
      ]);
      const media = homework.length
        ? await db
            .selectFrom('homework_media')
            .select(['id', 'homework_id', 'kind'])
            .where(
              'homework_id',
              'in',
              homework.map((h) => h.id),
            )
            .execute()
        : [];
      const intake = JSON.parse(client.intake) as Intake;
      const have = toolsAvailable(intake);
      const items = homework.map((h) => {
        const e = JSON.parse(h.exercise);
        return {
          homeworkId: h.id,
          name: e.name,
          purpose: e.purpose,
          steps: e.steps,
          cues: e.cues,
          stopIf: e.stopIf,
          regions: e.regions,
          tools: e.tools,
          dose: JSON.parse(h.dose),
          note: h.note,
          media: media.filter((m) => m.homework_id === h.id).map((m) => ({ kind: m.kind, url: `/api/v1/portal/${token}/media/${m.id}` })),
        };
      });
      const missing = new Set<Tool>(
        items.flatMap((i) => i.tools.filter((need: Tool[]) => !need.some((t) => have.has(t))).map((need: Tool[]) => need[0])),
      );
      return {
        practiceName: client.practiceName,
        therapistName: therapist?.name ?? client.sender_name ?? client.practiceName,
        firstName: client.first_name,
        today,
        days: Array.from({ length: CHECK_IN_DAYS_BACK }, (_, i) => addDays(from, i)),
        items,
        checkIns: checkIns.map((c) => ({ homeworkId: c.homework_id, date: c.date, done: c.done === 1, feeling: c.feeling, note: c.note })),
        goals: intake.goals ?? null,
        nextAppointment: null,
        toolsThatWouldHelp: [...missing],
        questions: questions.map((q) => ({ id: q.id, text: q.text, askedAt: q.asked_at, answer: q.answer, answeredAt: q.answered_at })),
        reminders: client.unsubscribed_at ? 'none' : (client.reminder_rhythm ?? 'none'),
        canEmail: Boolean(client.email) && !client.unsubscribed_at,
      };
    }

    app.post(
      '/portal/:token/checkins',
      {
        config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags: ['client page'],
          summary:
            'Done today (or undo), and how it felt. One per item per day in the client’s time zone; sending it again changes it, never duplicates it',
          params: tokenParams,
          body: checkInBody,
          response: { 200: checkInSchema, ...errors },
        },
      },
      async (req) => {
        const client = await open(req);
        const today = localDay(clock.now(), client.zone);
        const date = req.body.date ?? today;
        if (date > today) throw new AppError(400, 'invalid', 'That day has not come yet.', { date: 'Not in the future' });
        if (date < addDays(today, -(CHECK_IN_DAYS_BACK - 1)))
          throw new AppError(400, 'invalid', `You can tick off the last ${CHECK_IN_DAYS_BACK} days only.`, { date: 'Too long ago' });
        const hw = await db
          .selectFrom('homework')
          .select(['id', 'assigned_at'])
          .where('id', '=', req.body.homeworkId)
          .where('client_id', '=', client.id)
          .executeTakeFirst();
        if (!hw) throw new AppError(400, 'invalid', 'That is not one of your homework items.', { homeworkId: 'Not one of your items' });
        const now = clock.now().toISOString();
        const values = { done: req.body.done ? 1 : 0, feeling: req.body.feeling ?? null, note: req.body.note ?? null, updated_at: now };
        await db
          .insertInto('check_ins')
          .values({
            id: randomUUID(),
            practice_id: client.practice_id,
            client_id: client.id,
            homework_id: hw.id,
            date,
            created_at: now,
            ...values,
          })
          .onConflict((oc) => oc.columns(['homework_id', 'date']).doUpdateSet(values))
          .execute();
        return { homeworkId: hw.id, date, done: req.body.done, feeling: values.feeling, note: values.note };
      },
    );

    app.post(
      '/portal/:token/questions',
      {
        config: { public: true, rateLimit: { max: 10, timeWindow: '1 hour' } },
        schema: {
          tags: ['client page'],
          summary: 'Ask the therapist a question; they are emailed',
          params: tokenParams,
          body: questionBody,
          response: { 201: questionSchema, ...errors },
        },
      },
      async (req, reply) => {
        const client = await open(req);
        const now = clock.now().toISOString();
        const q = {
          id: randomUUID(),
          practice_id: client.practice_id,
          client_id: client.id,
          text: req.body.text,
          asked_at: now,
          answer: null,
          answered_at: null,
          answered_by: null,
        };
        const therapist = await db
          .selectFrom('members')
          .select(['email', 'name'])
          .where('id', '=', client.therapist_id ?? '')
          .executeTakeFirst();
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('questions').values(q).execute();
          if (therapist) {
            // The question itself stays in Carryover: mail can be read over a shoulder.
            await queueEmail(trx, clock, {
              practiceId: client.practice_id,
              clientId: client.id,
              to: therapist.email,
              fromName: 'Carryover',
              subject: `${client.first_name} ${client.last_name} asked you a question`,
              text: `Hello ${therapist.name},\n\n${client.first_name} ${client.last_name} asked you a question about their homework. Read it and answer in Carryover:\n\n${config.publicUrl}/questions\n`,
            });
          }
        });
        return reply.code(201).send({ id: q.id, text: q.text, askedAt: now, answer: null, answeredAt: null });
      },
    );

    app.put(
      '/portal/:token/reminders',
      {
        config: { public: true },
        schema: {
          tags: ['client page'],
          summary: 'Choose how often to be reminded (none stops them)',
          params: tokenParams,
          body: reminderBody,
          response: { 200: reminderBody, ...errors },
        },
      },
      async (req) => {
        const client = await open(req);
        await db
          .updateTable('clients')
          .set({ reminder_rhythm: req.body.rhythm, unsubscribed_at: null })
          .where('id', '=', client.id)
          .execute();
        if (req.body.rhythm !== 'none') await scheduleNextReminder(db, clock, client.id);
        return { rhythm: req.body.rhythm };
      },
    );

    // One-click unsubscribe (RFC 8058): the mail client POSTs here with no cookie and no token header.
    for (const method of ['GET', 'POST'] as const) {
      app.route({
        method,
        url: '/portal/:token/unsubscribe',
        config: { public: true },
        schema: {
          tags: ['client page'],
          summary: 'Stop all mail to this client, in one click',
          params: tokenParams,
          response: { 200: okSchema, ...errors },
        },
        handler: async (req) => {
          const client = await open(req);
          await db
            .updateTable('clients')
            .set({ unsubscribed_at: client.unsubscribed_at ?? clock.now().toISOString(), reminder_rhythm: 'none' })
            .where('id', '=', client.id)
            .execute();
          return { ok: true as const };
        },
      });
    }

    app.get(
      '/portal/:token/media/:id',
      {
        config: { public: true },
        schema: {
          tags: ['client page'],
          summary: 'A photo or video of one of this client’s items',
          params: tokenParams.extend({ id: z.string().uuid() }),
        },
      },
      async (req, reply) => {
        const client = await open(req);
        const row = await db
          .selectFrom('homework_media as m')
          .innerJoin('homework as h', 'h.id', 'm.homework_id')
          .select(['m.mime', 'm.bytes', 'm.storage_key'])
          .where('m.id', '=', req.params.id)
          .where('h.client_id', '=', client.id)
          .executeTakeFirst();
        if (!row) throw new AppError(404, 'not_found', 'That picture is not here any more.');
        return reply
          .type(row.mime)
          .header('content-length', row.bytes)
          .header('cache-control', 'private, max-age=86400')
          .send(storage.read(row.storage_key));
      },
    );
  };
}
