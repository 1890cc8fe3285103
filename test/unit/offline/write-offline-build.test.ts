import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OfflineBuild } from '../../../src/offline/build-info.ts';
import { pageBuildId } from '../../../src/offline/page-build.ts';
import { offlinePaths } from '../../../src/build/offline/precache-list.ts';
import { writeOfflineBuild } from '../../../src/build/offline/write-offline-build.ts';

const PAGE = '<!DOCTYPE html><html><head><link rel="stylesheet" href="/site/_astro/ui.abc.css"></head><body>{text}</body></html>';

/** A small built site: pages, hashed assets, the data and the files search engines read. */
function builtSite(text = 'hello'): string {
  const dir = mkdtempSync(join(tmpdir(), 'tf-facile-offline-'));
  const files: Record<string, string> = {
    'index.html': PAGE.replace('{text}', 'home'),
    'en/article/index.html': PAGE.replace('{text}', text),
    '_astro/ui.abc.css': 'body{}',
    '_astro/session-worker-def.js': 'self.onmessage=()=>{}',
    '_astro/tfjs-backend-wasm-ghi.wasm': 'wasm',
    'data/mnist/manifest.json': '{}',
    'data/mnist/train-images.mnc': 'eight megabytes',
    'favicon.svg': '<svg/>',
    'og.png': 'png',
    'sitemap.xml': '<urlset/>',
  };
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return dir;
}

function serviceWorkerBuild(dir: string): OfflineBuild {
  const script = readFileSync(join(dir, 'sw.js'), 'utf8');
  const json = /^const OFFLINE_BUILD = (.*);$/m.exec(script)?.[1];
  return JSON.parse(json ?? 'null') as OfflineBuild;
}

describe('the offline build step', () => {
  it('stores the scripts, styles, data manifest and icon at install, the WASM files and the layers chunk on first use, no page and no data file', () => {
    expect(
      offlinePaths([
        'index.html',
        '_astro/b.js',
        '_astro/a.wasm',
        '_astro/c.css',
        '_astro/tfjs-layers-Cr4XPtv-.js',
        'data/mnist/manifest.json',
        'data/mnist/t10k-labels.mnc',
        'favicon.svg',
        'og.png',
      ]),
    ).toEqual({
      precache: ['_astro/b.js', '_astro/c.css', 'data/mnist/manifest.json', 'favicon.svg'],
      onDemand: ['_astro/a.wasm', '_astro/tfjs-layers-Cr4XPtv-.js'],
    });
  });

  it('writes sw.js with the build’s list and marks every page with the build id', async () => {
    const dir = builtSite();
    const { build } = await writeOfflineBuild({ outDir: dir, base: '/site/' });
    expect(serviceWorkerBuild(dir)).toEqual(build);
    expect(build.base).toBe('/site/');
    expect(build.precache).toEqual(['_astro/session-worker-def.js', '_astro/ui.abc.css', 'data/mnist/manifest.json', 'favicon.svg']);
    expect(build.onDemand).toEqual(['_astro/tfjs-backend-wasm-ghi.wasm']);
    for (const page of ['index.html', 'en/article/index.html']) expect(pageBuildId(readFileSync(join(dir, page), 'utf8'))).toBe(build.id);
    // The bundled worker is a classic script: no import or export statement.
    expect(readFileSync(join(dir, 'sw.js'), 'utf8')).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('keeps the same id for the same site, and a new one when a page changes', async () => {
    const [one, same, changed] = await Promise.all(
      [builtSite(), builtSite(), builtSite('hello, corrected')].map((dir) => writeOfflineBuild({ outDir: dir, base: '/site/' })),
    );
    expect(same?.build.id).toBe(one?.build.id);
    expect(changed?.build.id).not.toBe(one?.build.id);
  });
});
