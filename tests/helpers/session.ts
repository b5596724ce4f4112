import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';

export interface Session {
  cookie: string;
  csrfToken: string;
  memberId: string;
  practiceId: string;
  email: string;
}

export function sessionFrom(res: { cookies: { name: string; value: string }[]; json(): any }): Session {
  const cookie = res.cookies.find((c) => c.name === 'carryover_session');
  if (!cookie) throw new Error('no session cookie set');
  const body = res.json();
  return {
    cookie: cookie.value,
    csrfToken: body.csrfToken,
    memberId: body.member.id,
    practiceId: body.practice.id,
    email: body.member.email,
  };
}

/** Signs up a new practice through the API and returns its owner's session. */
export async function signUp(
  http: FastifyInstance,
  over: Partial<{ email: string; name: string; practiceName: string; password: string }> = {},
) {
  const body = {
    practiceName: over.practiceName ?? 'Test Practice',
    name: over.name ?? 'Test Owner',
    email: over.email ?? `owner-${randomUUID()}@example.com`,
    password: over.password ?? 'a long enough password',
  };
  const res = await http.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: body });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(res);
}

/** An inject call made as a signed-in member: cookie always, CSRF header on writes. */
export function as(http: FastifyInstance, session: Session) {
  return (opts: InjectOptions) =>
    http.inject({
      ...opts,
      cookies: { carryover_session: session.cookie, ...(opts.cookies ?? {}) },
      headers: { 'x-csrf-token': session.csrfToken, ...(opts.headers ?? {}) },
    });
}
