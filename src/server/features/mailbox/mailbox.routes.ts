import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../../shared/api/common.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/errors.js';
import { mailboxOpenTo } from './mailbox-access.js';

const mailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
});

/**
 * The local mailbox: with no SMTP server outside production, mail is kept here so a new
 * user can read what would have been sent. Only registered in that mode, and it answers only
 * to this machine: a server started on 0.0.0.0 without SMTP must not show its mail to the network.
 */
export function mailboxRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dev/mailbox',
      {
        config: { public: true },
        schema: {
          tags: ['local mailbox'],
          summary: 'Mail kept locally (development only)',
          response: { 200: z.object({ emails: z.array(mailSchema) }), 404: errorSchema },
        },
      },
      async (req) => {
        if (!mailboxOpenTo({ remoteAddress: req.socket.remoteAddress, headers: req.headers }))
          throw new AppError(404, 'not_found', 'Not found.');
        const rows = await db.selectFrom('emails').selectAll().orderBy('created_at', 'desc').limit(100).execute();
        return {
          emails: rows.map((r) => ({
            id: r.id,
            to: r.to_address,
            subject: r.subject,
            text: r.text_body,
            html: r.html_body,
            status: r.status,
            createdAt: r.created_at,
          })),
        };
      },
    );
  };
}
