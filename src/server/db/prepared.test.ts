import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../tests/helpers/databases.js';
import { prepared } from './prepared.js';

const practiceByName = prepared((db, param: (n: 'name' | 'zone') => never) =>
  db
    .selectFrom('practices')
    .select(['id', 'name', 'timezone'])
    .where('name', '=', param('name'))
    .where((eb) => eb.or([eb('timezone', '=', param('zone')), eb('timezone', '=', 'UTC')]))
    .orderBy('id'),
);

describeEachDatabase('prepared queries', (getDb) => {
  it('runs with each call’s parameters, keeps fixed values, and refuses a missing one', async () => {
    const { db } = getDb();
    const row = (id: string, name: string, timezone: string) => ({
      id,
      name,
      timezone,
      paper_size: 'letter' as const,
      homework_cap: 2,
      sender_name: null,
      reply_to: null,
      is_demo: 0,
      created_at: '2026-01-01T00:00:00.000Z',
    });
    await db
      .insertInto('practices')
      .values([row('a', 'North', 'America/New_York'), row('b', 'North', 'UTC'), row('c', 'South', 'Europe/London')])
      .execute();
    expect((await practiceByName.all(db, { name: 'North', zone: 'America/New_York' })).map((p) => p.id)).toEqual(['a', 'b']);
    expect((await practiceByName.all(db, { name: 'South', zone: 'Europe/London' })).map((p) => p.id)).toEqual(['c']);
    expect(await practiceByName.first(db, { name: 'South', zone: 'Asia/Tokyo' })).toBeUndefined();
    await expect(practiceByName.all(db, { name: 'North' } as never)).rejects.toThrow(/no value for zone/);
  });
});
