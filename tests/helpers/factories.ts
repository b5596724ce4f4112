import type { FastifyInstance } from 'fastify';
import { as, type Session } from './session.js';

/** A 1×1 PNG: the smallest real image. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const customItem = (over: Record<string, unknown> = {}) => ({
  name: 'Towel neck glide',
  purpose: 'Helps your neck move more freely after a long drive.',
  category: 'mobility',
  regions: ['neck-back'],
  complaints: ['neck-pain'],
  tools: [['strap-or-towel']],
  steps: ['Sit tall in a chair.', 'Hold a towel behind your neck with both hands.', 'Tip your chin down and up slowly.'],
  stopIf: 'Stop if it hurts sharply or you feel dizzy.',
  dose: { reps: 8, sets: 2, daysPerWeek: 5 },
  difficulty: 'easy',
  ...over,
});

export async function createCustomItem(http: FastifyInstance, session: Session, over: Record<string, unknown> = {}) {
  const res = await as(http, session)({ method: 'POST', url: '/api/v1/exercises', payload: customItem(over) });
  if (res.statusCode !== 201) throw new Error(`custom item failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; slug: string };
}

export function uploadForm(bytes: Buffer, name = 'photo.png', type = 'image/png') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

export async function createClient(http: FastifyInstance, session: Session, over: Record<string, unknown> = {}) {
  const res = await as(
    http,
    session,
  )({
    method: 'POST',
    url: '/api/v1/clients',
    payload: {
      firstName: 'Robin',
      lastName: 'Client',
      email: `robin-${Math.random().toString(36).slice(2)}@example.com`,
      intake: { complaints: ['headaches'], tools: ['tennis-ball'] },
      ...over,
    },
  });
  if (res.statusCode !== 201) throw new Error(`client failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; email: string; firstName: string };
}

export async function recordSession(http: FastifyInstance, session: Session, clientId: string, over: Record<string, unknown> = {}) {
  const res = await as(
    http,
    session,
  )({
    method: 'POST',
    url: `/api/v1/clients/${clientId}/sessions`,
    payload: {
      date: '2026-03-02',
      areasWorked: [{ region: 'neck-back' }],
      areasNeedingMoreTime: [{ region: 'neck-back', side: 'left' }],
      ...over,
    },
  });
  if (res.statusCode !== 201) throw new Error(`session failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

/** A client with a session, homework assigned, and a link to their page (the token). */
export async function clientWithHomework(
  http: FastifyInstance,
  session: Session,
  opts: { exerciseIds?: string[]; client?: Record<string, unknown> } = {},
) {
  const client = await createClient(http, session, opts.client);
  const visit = await recordSession(http, session, client.id);
  const homework: { id: string }[] = [];
  for (const exerciseId of opts.exerciseIds ?? ['suboccipital-ball-release', 'chin-tucks']) {
    const res = await as(http, session)({ method: 'POST', url: `/api/v1/sessions/${visit.id}/homework`, payload: { exerciseId } });
    if (res.statusCode !== 201) throw new Error(`assign failed: ${res.body}`);
    homework.push(res.json());
  }
  const link = await as(http, session)({ method: 'POST', url: `/api/v1/clients/${client.id}/link` });
  const url = link.json().url as string;
  return { client, session: visit, homework, url, token: url.split('/c/')[1] };
}
