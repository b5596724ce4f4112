import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { as, signUp } from '../../../../tests/helpers/session.js';

// A line break in a name would start a new header in the mail and calendar files it goes into.
describeEachDatabase('names on one line', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock: testClock() });
  });
  afterAll(() => app.http.close());

  it('refuses CR or LF inside every name field, naming the field', async () => {
    const signup = await app.http.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: {
        practiceName: 'Calm\r\nBcc: x@example.com',
        name: 'Owner\nTwo',
        email: 'lines@example.com',
        password: 'a long enough password',
      },
    });
    expect(signup.statusCode).toBe(400);
    expect(Object.keys(signup.json().error.fields).sort()).toEqual(['name', 'practiceName']);

    const owner = await signUp(app.http);
    const call = as(app.http, owner);
    const client = await call({ method: 'POST', url: '/api/v1/clients', payload: { firstName: 'Sam\rX', lastName: 'Lee\nY', intake: {} } });
    expect(client.statusCode).toBe(400);
    expect(Object.keys(client.json().error.fields).sort()).toEqual(['firstName', 'lastName']);

    const practice = await call({ method: 'PATCH', url: '/api/v1/practice', payload: { name: 'Calm\nHands', senderName: 'A\r\nB' } });
    expect(practice.statusCode).toBe(400);
    expect(Object.keys(practice.json().error.fields).sort()).toEqual(['name', 'senderName']);

    const key = await call({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'Sync\nkey' } });
    expect(key.statusCode).toBe(400);

    // Line breaks at either end are only trimmed.
    const fine = await call({ method: 'POST', url: '/api/v1/clients', payload: { firstName: '\nSam ', lastName: 'Lee\n', intake: {} } });
    expect(fine.statusCode).toBe(201);
    expect(fine.json()).toMatchObject({ firstName: 'Sam', lastName: 'Lee' });
  });
});
