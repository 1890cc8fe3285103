import { describe, expect, it } from 'vitest';
import { pageBuildId, withBuildMeta } from '../../../src/offline/page-build.ts';

describe('a page’s build', () => {
  it('is written into the head and read back', () => {
    const page = withBuildMeta('<!DOCTYPE html><html><head><title>x</title></head><body></body></html>', '0123abcd');
    expect(page).toBe(
      '<!DOCTYPE html><html><head><title>x</title><meta name="tf-facile-build" content="0123abcd"></head><body></body></html>',
    );
    expect(pageBuildId(page)).toBe('0123abcd');
  });

  it('is unknown for a page without the tag: not the site’s, or from `astro dev`', () => {
    expect(pageBuildId('<html><head></head><body>plain</body></html>')).toBeUndefined();
    expect(withBuildMeta('no head here', '0123abcd')).toBe('no head here');
  });
});
