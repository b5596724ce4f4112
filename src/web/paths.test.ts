import { describe, expect, it } from 'vitest';
import { pages, paths } from './paths.js';
import { keyOf, queryClient, refresh } from './query.js';

describe('paths', () => {
  it('encodes every part taken from data, so an id cannot reach another address', () => {
    expect(paths.client('a/b?c')).toBe('/api/v1/clients/a%2Fb%3Fc');
    expect(paths.clientHomework('7', { status: 'all' })).toBe('/api/v1/clients/7/homework?status=all');
    expect(pages.teach({ id: 'h 1', clientId: 'c&2' })).toBe('/homework/h%201/teach?client=c%262');
  });

  it('leaves out empty query values', () => {
    expect(paths.questions({ status: 'all', clientId: null })).toBe('/api/v1/questions?status=all');
    expect(paths.today({ date: '2026-03-02', therapistId: '' })).toBe('/api/v1/today?date=2026-03-02');
    expect(pages.homeworkStep('s1')).toBe('/sessions/s1/homework');
    expect(pages.homeworkStep('s1', 'c1')).toBe('/sessions/s1/homework?client=c1');
    expect(pages.newPack({ items: ['a,b', 'c'] })).toBe('/library/packs/new?items=a%2Cb,c');
  });
});

describe('query keys', () => {
  it('cuts a path at its slashes, with the query as the last part', () => {
    expect(keyOf(paths.clientHomework('7', { status: 'all' }))).toEqual(['clients', '7', 'homework', { status: 'all' }]);
    expect(keyOf(paths.practice())).toEqual(['practice']);
  });

  it('refreshes everything under a path and nothing beside it', async () => {
    const under = [paths.client('7'), paths.clientHomework('7'), paths.clientTimeline('7')];
    const beside = [paths.client('8'), paths.clients({ q: 'sam' })];
    for (const path of [...under, ...beside]) queryClient.setQueryData(keyOf(path), { path });
    await refresh(paths.client('7'));
    for (const path of under) expect(queryClient.getQueryState(keyOf(path))?.isInvalidated, path).toBe(true);
    for (const path of beside) expect(queryClient.getQueryState(keyOf(path))?.isInvalidated, path).toBe(false);
    queryClient.clear();
  });
});
