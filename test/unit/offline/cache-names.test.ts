import { describe, expect, it } from 'vitest';
import { buildCacheName, buildCaches, lookupOrder, planCleanup } from '../../../src/offline/cache-names.ts';

const first = buildCacheName('aaaa1111', 1_000);
const second = buildCacheName('bbbb2222', 2_000);
const third = buildCacheName('cccc3333', 3_000);

describe('the stored builds', () => {
  it('are told apart from the data loader’s storage, newest first', () => {
    expect(buildCaches([first, 'tf-facile-mnist', third, second]).map((cache) => cache.buildId)).toEqual([
      'cccc3333',
      'bbbb2222',
      'aaaa1111',
    ]);
  });

  it('are searched from the current build to the older ones', () => {
    expect(lookupOrder([first, second, third, 'tf-facile-mnist'], 'bbbb2222')).toEqual([second, third, first]);
  });

  it('on the first install: nothing to keep or remove', () => {
    expect(planCleanup(['tf-facile-mnist'], 'aaaa1111')).toEqual({ current: undefined, previous: undefined, remove: [] });
    expect(planCleanup([first, 'tf-facile-mnist'], 'aaaa1111')).toEqual({ current: first, previous: undefined, remove: [] });
  });

  it('after an update: keep the build that served the open pages, remove the older ones', () => {
    expect(planCleanup([first, second, third], 'cccc3333')).toEqual({ current: third, previous: second, remove: [first] });
  });

  it('never keeps two copies of the current build', () => {
    const again = buildCacheName('cccc3333', 4_000);
    expect(planCleanup([third, again, second], 'cccc3333')).toEqual({ current: again, previous: second, remove: [third] });
  });
});
