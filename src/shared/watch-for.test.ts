import { describe, expect, it } from 'vitest';
import { CAUTION_WATCH, cautionSlugs } from './vocabulary.js';
import { watchLinesFor } from './watch-for.js';

const calfRoll = {
  cautionWith: ['blood-thinners', 'fibromyalgia', 'pregnancy'] as const,
  watchFor: { pregnancy: 'You are pregnant, so sit up against a wall to roll, not on the floor.' },
};

describe('what a client should watch for in an item', () => {
  it('gives one line for each caution that warns for the item and that the client has', () => {
    expect(watchLinesFor({ ...calfRoll, cautionWith: [...calfRoll.cautionWith] }, ['blood-thinners', 'osteoporosis'])).toEqual([
      CAUTION_WATCH['blood-thinners'],
    ]);
  });

  it('uses the item’s own words before the generic line, in the item’s order', () => {
    const lines = watchLinesFor({ ...calfRoll, cautionWith: [...calfRoll.cautionWith] }, ['pregnancy', 'blood-thinners']);
    expect(lines).toEqual([CAUTION_WATCH['blood-thinners'], 'You are pregnant, so sit up against a wall to roll, not on the floor.']);
  });

  it('says nothing when the client has none of the item’s warnings, or the item has no watch-for words', () => {
    expect(watchLinesFor({ cautionWith: ['vertigo'] }, [])).toEqual([]);
    expect(watchLinesFor({ cautionWith: [] }, ['vertigo', 'pregnancy'])).toEqual([]);
    expect(watchLinesFor({ cautionWith: ['vertigo'] }, ['vertigo'])).toEqual([CAUTION_WATCH.vertigo]);
  });

  it('has a plain line for every caution', () => {
    for (const caution of cautionSlugs) expect(CAUTION_WATCH[caution], caution).toMatch(/^You/);
  });
});
