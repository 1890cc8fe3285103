import { describe, expect, it } from 'vitest';
import { isStoredPage, routeRequest } from '../../../src/offline/routes.ts';

const ORIGIN = 'https://example.org';
const build = {
  base: '/tf-facile/',
  precache: ['_astro/page.abc123.js', 'data/mnist/manifest.json', 'favicon.svg'],
  onDemand: ['_astro/tfjs-backend-wasm-simd-xyz789.wasm'],
};
const get = (path: string, mode = 'cors') => routeRequest({ url: `${ORIGIN}${path}`, method: 'GET', mode }, build, ORIGIN);

describe('the service worker’s routes', () => {
  it('serves navigations as pages, stored under their address without the query', () => {
    expect(get('/tf-facile/en/mnist-softmax/', 'navigate')).toEqual({ kind: 'page', key: `${ORIGIN}/tf-facile/en/mnist-softmax/` });
    expect(get('/tf-facile/en/mnist-softmax/?backend=cpu', 'navigate')).toEqual({
      kind: 'page',
      key: `${ORIGIN}/tf-facile/en/mnist-softmax/`,
    });
  });

  it('serves this build’s assets and the hashed files of any other build from storage', () => {
    expect(get('/tf-facile/_astro/page.abc123.js')).toEqual({ kind: 'asset', storeOnUse: false });
    expect(get('/tf-facile/favicon.svg', 'no-cors')).toEqual({ kind: 'asset', storeOnUse: false });
    // A file of the previous build that an open page loads lazily, or of a newer one.
    expect(get('/tf-facile/_astro/code-editor.old999.js')).toEqual({ kind: 'asset', storeOnUse: false });
  });

  it('stores a WASM file the first time a page uses it', () => {
    expect(get('/tf-facile/_astro/tfjs-backend-wasm-simd-xyz789.wasm')).toEqual({ kind: 'asset', storeOnUse: true });
  });

  it('revalidates the data manifest, and leaves the data files to the data loader’s own storage', () => {
    expect(get('/tf-facile/data/mnist/manifest.json')).toEqual({ kind: 'manifest' });
    expect(get('/tf-facile/data/mnist/train-images.mnc?v=0123456789abcdef')).toBeUndefined();
  });

  it('leaves alone what is not the site’s: other origins, other paths, other methods, the worker itself', () => {
    expect(
      routeRequest({ url: 'https://cdn.example.net/tf-facile/_astro/page.abc123.js', method: 'GET', mode: 'cors' }, build, ORIGIN),
    ).toBe(undefined);
    expect(get('/elsewhere/', 'navigate')).toBeUndefined();
    expect(get('/_astro/page.abc123.js')).toBeUndefined();
    expect(routeRequest({ url: `${ORIGIN}/tf-facile/en/`, method: 'POST', mode: 'navigate' }, build, ORIGIN)).toBeUndefined();
    expect(get('/tf-facile/sw.js')).toBeUndefined();
    expect(get('/tf-facile/og.png')).toBeUndefined();
  });

  it('tells stored pages from stored assets', () => {
    expect(isStoredPage(new URL(`${ORIGIN}/tf-facile/ja/mnist-softmax/`), build)).toBe(true);
    expect(isStoredPage(new URL(`${ORIGIN}/tf-facile/`), build)).toBe(true);
    expect(isStoredPage(new URL(`${ORIGIN}/tf-facile/_astro/other.def456.js`), build)).toBe(false);
    expect(isStoredPage(new URL(`${ORIGIN}/tf-facile/data/mnist/manifest.json`), build)).toBe(false);
    expect(isStoredPage(new URL(`${ORIGIN}/tf-facile/favicon.svg`), build)).toBe(false);
  });
});
