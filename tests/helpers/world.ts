import type { FastifyInstance } from 'fastify';
import { startFeedServer, WEEKLY_FEED } from '../../src/server/features/calendar-import/feed.fixtures.js';
import { createClient, createCustomItem, recordSession, TINY_PNG, uploadForm } from './factories.js';
import { as, type Session } from './session.js';

/**
 * One of everything in practice `a`, keyed by the route pattern that reaches it: the tests that
 * walk every route use it to call each route with a real resource of that practice.
 */
export async function buildWorld(http: FastifyInstance, a: Session) {
  const key = await as(http, a)({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'A key' } });
  const item = await createCustomItem(http, a);
  const media = await as(http, a)({ method: 'POST', url: `/api/v1/exercises/${item.id}/media`, payload: uploadForm(TINY_PNG) });
  const pack = await as(http, a)({ method: 'POST', url: '/api/v1/packs', payload: { name: 'Mine', exerciseIds: [item.id] } });
  const client = await createClient(http, a);
  const session = await recordSession(http, a, client.id);
  const homework = await as(
    http,
    a,
  )({ method: 'POST', url: `/api/v1/sessions/${session.id}/homework`, payload: { exerciseId: 'suboccipital-ball-release' } });
  const roomPhoto = await as(
    http,
    a,
  )({ method: 'POST', url: `/api/v1/homework/${homework.json().id}/media`, payload: uploadForm(TINY_PNG) });
  const link = await as(http, a)({ method: 'POST', url: `/api/v1/clients/${client.id}/link` });
  await http.inject({
    method: 'POST',
    url: `/api/v1/portal/${link.json().url.split('/c/')[1]}/questions`,
    payload: { text: 'A question from A' },
  });
  const question = (await as(http, a)({ method: 'GET', url: '/api/v1/questions' })).json().questions[0];
  const appointment = await as(
    http,
    a,
  )({ method: 'POST', url: `/api/v1/clients/${client.id}/appointments`, payload: { startsAt: '2026-12-01T10:00:00Z' } });
  const goal = await as(
    http,
    a,
  )({ method: 'POST', url: `/api/v1/clients/${client.id}/goals`, payload: { statement: 'Sleep through the night' } });
  const code = (await as(http, a)({ method: 'GET', url: `/api/v1/clients/${client.id}/referral` })).json().code;
  await http.inject({
    method: 'POST',
    url: `/api/v1/referrals/${code}/booking-requests`,
    payload: { name: 'Friend Of A', email: 'friend-of-a@example.com', preferredTimes: ['2026-12-02T10:00:00Z'] },
  });
  const request = (await as(http, a)({ method: 'GET', url: '/api/v1/booking-requests' })).json().requests[0];
  // A booking calendar of A's, read once from a calendar server that is gone afterwards.
  const calendar = await startFeedServer();
  calendar.serve({ body: WEEKLY_FEED });
  const subscription = await as(http, a)({ method: 'POST', url: '/api/v1/calendar-subscriptions', payload: { url: calendar.url() } });
  await calendar.close();
  const listed = (await as(http, a)({ method: 'GET', url: '/api/v1/appointments?from=2000-01-01&to=2099-12-31' })).json().appointments;
  const importedEvent = (listed as { id: string; source?: string }[]).find((e) => e.source === 'imported');
  const resources: Record<string, string> = {
    '/api/v1/appointments/:id': appointment.json().id,
    '/api/v1/sessions/:id/rebook-suggestion': session.id,
    '/api/v1/sessions/:id/checkout': session.id,
    '/api/v1/clients/:id/appointments': client.id,
    '/api/v1/clients/:id/referral': client.id,
    '/api/v1/clients/:id/referral-thanks': client.id,
    '/api/v1/clients/:id/goals': client.id,
    '/api/v1/goals/:id': goal.json().id,
    '/api/v1/goals/:id/progress': goal.json().id,
    '/api/v1/booking-requests/:id/confirm': request.id,
    '/api/v1/booking-requests/:id/propose': request.id,
    '/api/v1/questions/:id/answer': question.id,
    '/api/v1/clients/:id/link/revoke': client.id,
    '/api/v1/sessions/:id/suggestions': session.id,
    '/api/v1/sessions/:id/homework': session.id,
    '/api/v1/sessions/:id/send': session.id,
    '/api/v1/clients/:id/homework': client.id,
    '/api/v1/clients/:id/handout.pdf': client.id,
    '/api/v1/clients/:id/link': client.id,
    '/api/v1/homework/:id': homework.json().id,
    '/api/v1/homework/:id/progress': homework.json().id,
    '/api/v1/homework/:id/media': homework.json().id,
    '/api/v1/homework-media/:id': roomPhoto.json().id,
    '/api/v1/clients/:id': client.id,
    '/api/v1/clients/:id/export': client.id,
    '/api/v1/clients/:id/email-status': client.id,
    '/api/v1/clients/:id/timeline': client.id,
    '/api/v1/clients/:id/sessions': client.id,
    '/api/v1/clients/:id/intake-link': client.id,
    '/api/v1/sessions/:id': session.id,
    '/api/v1/sessions/:id/soap': session.id,
    '/api/v1/sessions/:id/soap.pdf': session.id,
    '/api/v1/clients/:id/since-last-session': client.id,
    '/api/v1/api-keys/:id': key.json().id,
    '/api/v1/calendar-subscriptions/:id': subscription.json().id,
    '/api/v1/calendar-subscriptions/:id/refresh': subscription.json().id,
    '/api/v1/imported-events/:id': importedEvent?.id ?? '',
    '/api/v1/exercises/:id': item.id,
    '/api/v1/exercises/:id/favourite': item.id,
    '/api/v1/exercises/:id/media': item.id,
    '/api/v1/exercises/:id/drawing.svg': item.id,
    '/api/v1/exercises/:id/drawing.png': item.id,
    '/api/v1/media/:id': media.json().id,
    '/api/v1/packs/:id': pack.json().id,
    '/api/v1/members/:id/deactivate': a.memberId,
    '/api/v1/members/:id/working-hours': a.memberId,
  };
  const token = (await as(http, a)({ method: 'POST', url: `/api/v1/clients/${client.id}/link` })).json().url.split('/c/')[1] as string;
  return {
    resources,
    client,
    session,
    homework: homework.json() as { id: string },
    item,
    key: key.json() as { id: string; key: string },
    media: media.json() as { id: string },
    token,
    goal: goal.json() as { id: string },
  };
}
