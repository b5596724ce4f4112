import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, idParams } from '../../../shared/api/common.js';
import { sinceLastSessionSchema, soapSchema } from '../../../shared/api/soap.js';
import type { Db } from '../../db/index.js';
import type { AppDeps } from '../../deps.js';
import { type Auth, authOf } from '../../http/auth.js';
import { renderSoap } from '../../pdf/soap.js';
import { appointmentLabel } from '../appointments/appointments.service.js';
import { findVisibleClient } from '../clients/clients.repository.js';
import { findVisibleSession } from '../clients/sessions.repository.js';
import { sinceLastSession, soapOf } from './soap.service.js';

async function soapFor(db: Db, auth: Auth, id: string) {
  const session = await findVisibleSession(db, auth, id);
  const client = await findVisibleClient(db, auth, session.client_id);
  return soapOf(db, session, client);
}

export function soapRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/clients/:id/since-last-session',
      {
        schema: {
          tags: ['sessions'],
          summary: 'What the client reported since their last session (check-ins, feelings, notes, open questions): the new session’s "S"',
          params: idParams,
          response: { 200: sinceLastSessionSchema, 404: errorSchema },
        },
      },
      async (req) => sinceLastSession(db, await findVisibleClient(db, authOf(req), req.params.id), clock.now()),
    );

    app.get(
      '/sessions/:id/soap',
      {
        schema: {
          tags: ['sessions'],
          summary: 'The session as a SOAP note: subjective, objective, assessment, plan (homework given and the next visit)',
          params: idParams,
          response: { 200: soapSchema, 404: errorSchema },
        },
      },
      async (req) => soapFor(db, authOf(req), req.params.id),
    );

    app.get(
      '/sessions/:id/soap.pdf',
      {
        schema: {
          tags: ['sessions'],
          summary: 'The session’s SOAP note as a PDF',
          params: idParams,
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const soap = await soapFor(db, auth, req.params.id);
        const practice = await db
          .selectFrom('practices')
          .select(['name', 'paper_size', 'timezone'])
          .where('id', '=', auth.practiceId)
          .executeTakeFirstOrThrow();
        const pdf = await renderSoap(soap, {
          practiceName: practice.name,
          paperSize: practice.paper_size,
          when: (instant) => appointmentLabel({ starts_at: instant, timezone: practice.timezone }),
        });
        return reply.type('application/pdf').header('content-disposition', `inline; filename="session-${soap.date}.pdf"`).send(pdf);
      },
    );
  };
}
