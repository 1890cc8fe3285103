/**
 * Offline after one visit (the service worker, src/offline/). Two builds of the site for a sub-path,
 * differing in their canonical URLs (SITE_URL), are served in turn at the same address by the plain
 * static server; stopping the server is the network going away.
 */
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { errorOf, outputOf, replaceCode, runCell, trainBriefly, waitForState, waitInPage } from '../../scripts/support/reader.ts';
import { inlineNotation } from '../support/article.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { buildSite, PROJECT_ROOT } from '../../scripts/support/build-site.ts';

const BASE = '/tf-facile/';
const FIRST = { outDir: resolve(PROJECT_ROOT, 'dist-offline-first'), siteUrl: 'https://first.example' };
const SECOND = { outDir: resolve(PROJECT_ROOT, 'dist-offline-second'), siteUrl: 'https://second.example' };
const browser = useBrowser();

beforeAll(() => {
  for (const build of [FIRST, SECOND]) buildSite({ outDir: build.outDir, basePath: BASE, siteUrl: build.siteUrl });
});

/** The site's host: one address, where a build is served, stopped, and replaced by another. */
class Host {
  #server: StaticServer | undefined;
  #port = 0;

  async serve(outDir: string): Promise<string> {
    // Compressed, as static hosts serve: the stored pages must not keep the compressed length.
    this.#server = await serveStatic(outDir, BASE, { port: this.#port, compress: true });
    this.#port = Number(new URL(this.#server.url).port);
    return this.#server.url;
  }

  async stop(): Promise<void> {
    await this.#server?.close();
    this.#server = undefined;
  }
}

let host: Host;
let context: BrowserContext;
afterEach(async () => {
  await context.close();
  await host.stop();
});

async function openContext(): Promise<BrowserContext> {
  host = new Host();
  context = await browser().newContext();
  return context;
}

/** Both: the server is gone, and the browser knows it is offline. */
async function goOffline(): Promise<void> {
  await host.stop();
  await context.setOffline(true);
}

async function noticeShows(page: Page, kind: string): Promise<void> {
  await page.locator(`[data-offline-notice][data-kind="${kind}"] [role="status"]`).waitFor({ timeout: 60_000 });
}

function canonicalOf(page: Page): Promise<string | null> {
  return page.locator('link[rel="canonical"]').getAttribute('href');
}

/** Run all, then the accuracy that the evaluation cell printed and the prose shows. */
async function runAllToAccuracy(page: Page): Promise<number> {
  await page.locator('[data-action="run-all"]').click();
  const lastCell = (await page.locator('[data-cell]').last().getAttribute('data-cell')) ?? '';
  await waitForState(page, lastCell, ['done', 'error'], 300_000);
  const printed = Number(/accuracy: ([\d.]+)/.exec(await outputOf(page, 'evaluate'))?.[1]);
  // The evaluation cell's (the appendix shows the same value again, beside the Keras model's).
  const inline = page.locator('[data-result="accuracy"]:not([data-baked])').first();
  expect(await inline.textContent()).toBe(await inlineNotation(inline, printed, 'en'));
  return printed;
}

describe('a visited article with the network off', () => {
  it('loads, runs every cell to the accuracy, and shows its figures, with the data stored once', async () => {
    await openContext();
    const url = `${await host.serve(FIRST.outDir)}en/mnist-softmax/`;
    const page = await context.newPage();
    await page.goto(url);
    await noticeShows(page, 'ready');
    // The visit: a cell that needs MNIST, so the data loader downloads and keeps the data.
    expect(await runCell(page, 'inputs')).toBe('done');

    await goOffline();
    await page.reload();
    await noticeShows(page, 'offline');
    // What runs offline does not depend on how long the model trains (the article's own control).
    await trainBriefly(page);
    const accuracy = await runAllToAccuracy(page);
    expect(accuracy).toBeGreaterThan(0.8);
    expect(accuracy).toBeLessThan(0.93);
    // Every cell but the appendix's Keras one: the layers code is kept once used, not at install
    // (no reader downloads it before a cell needs it), and this visit never used it. The cell says so.
    const notDone = page.locator('[data-cell]:not([data-state="done"])');
    expect(await notDone.evaluateAll((cells) => cells.map((element) => element.getAttribute('data-cell')))).toEqual(['keras']);
    expect(await errorOf(page, 'keras')).toContain('could not be downloaded');
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('webgl');

    // The figures: those computed at build time are in the page, those of the session are redrawn.
    for (const image of await page.locator('figure[data-figure] img').all()) {
      expect(await image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0)).toBe(true);
    }
    expect(await page.locator('live-figure[data-kind="weights-heatmaps"] canvas[data-digit]').count()).toBe(10);
    const bars = page.locator('live-figure[data-kind="softmax-bars"] [data-figure-status]');
    expect(await bars.textContent()).toBe(await page.locator('live-figure[data-kind="softmax-bars"]').getAttribute('data-live-note'));
    // An animated figure plays its program in the session worker, offline too.
    const kmeans = page.locator('live-figure[data-program="kmeans"]');
    await kmeans.locator('[data-action="play"]').click();
    await waitInPage(
      page,
      () => /^Iteration \d+/.test(document.querySelector('live-figure[data-program="kmeans"] [data-figure-status]')?.textContent ?? ''),
      undefined,
      60_000,
    );

    // The MNIST files exist once: in the data loader's storage, never in the service worker's.
    const stored = await page.evaluate(async () => {
      const entries: Record<string, string[]> = {};
      for (const name of await caches.keys()) entries[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
      return entries;
    });
    expect(stored['tf-facile-mnist']).toHaveLength(4);
    const offlineEntries = Object.entries(stored).flatMap(([name, urls]) => (name === 'tf-facile-mnist' ? [] : urls));
    expect(offlineEntries.some((url) => url.endsWith(`${BASE}en/mnist-softmax/`))).toBe(true);
    expect(offlineEntries.filter((url) => /\.mnc|mnist-cache/.test(url))).toEqual([]);
  });
});

describe('a reader whose page runs on the WASM backend', () => {
  it('gets the WASM file kept on first use, and runs offline', async () => {
    await openContext();
    const url = `${await host.serve(FIRST.outDir)}en/demo/?backend=wasm`;
    const page = await context.newPage();
    await page.goto(url);
    await noticeShows(page, 'ready');
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('wasm');

    await goOffline();
    await page.reload();
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('wasm');
    // Only the file this browser uses, not the three variants.
    const wasmFiles = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((request) => request.url));
      return urls.filter((url) => url.endsWith('.wasm'));
    });
    expect(wasmFiles).toHaveLength(1);
  });
});

describe('a new build', () => {
  it('shows on the next navigation, tells the reader of an open page, and replaces the old one offline', async () => {
    await openContext();
    const firstUrl = await host.serve(FIRST.outDir);
    const reading = await context.newPage();
    await reading.goto(`${firstUrl}ja/demo/`);
    await noticeShows(reading, 'ready');
    await reading.goto(`${firstUrl}en/demo/`);
    expect(await canonicalOf(reading)).toBe(`${FIRST.siteUrl}${BASE}en/demo/`);

    // A new deployment replaces the old one on the server.
    await host.stop();
    const secondUrl = await host.serve(SECOND.outDir);
    expect(secondUrl).toBe(firstUrl);

    // The next page the reader opens is the new build's.
    const next = await context.newPage();
    await next.goto(`${secondUrl}fr/demo/`);
    expect(await canonicalOf(next)).toBe(`${SECOND.siteUrl}${BASE}fr/demo/`);

    // The page still open from the old build is told, and keeps working.
    await noticeShows(reading, 'update');
    await replaceCode(reading, 'tensors', 'print(6 * 7)');
    expect(await runCell(reading, 'tensors')).toBe('done');
    expect(await outputOf(reading, 'tensors')).toBe('42');
    await reading.locator('[data-offline-notice] [data-action="reload"]').click();
    await waitInPage(
      reading,
      (expected) => document.querySelector('link[rel="canonical"]')?.getAttribute('href') === expected,
      `${SECOND.siteUrl}${BASE}en/demo/`,
    );

    // Offline, a page opened only under the old build comes back in the new one, and runs.
    await goOffline();
    await reading.goto(`${secondUrl}ja/demo/`);
    expect(await canonicalOf(reading)).toBe(`${SECOND.siteUrl}${BASE}ja/demo/`);
    expect(await runCell(reading, 'tensors')).toBe('done');

    // One build's files are stored once: the previous build keeps only what the new one lacks.
    const stored = await reading.evaluate(async () => {
      const lists: string[][] = [];
      for (const name of await caches.keys()) {
        if (name.startsWith('tf-facile-offline-')) lists.push((await (await caches.open(name)).keys()).map((request) => request.url));
      }
      return lists;
    });
    expect(stored.length).toBeLessThanOrEqual(2);
    const all = stored.flat();
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('a site built for the root path', () => {
  it('registers its service worker for the whole site', async () => {
    host = new Host();
    context = await browser().newContext();
    const page = await context.newPage();
    const siteUrl = inject('siteUrl');
    await page.goto(`${siteUrl}fr/demo/`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(siteUrl);
    await noticeShows(page, 'ready');
  });
});
