/**
 * The benchmark's offline measures (src/offline/), for run.ts:
 *
 * - secondVisitBytes: what a returning reader downloads once the service worker keeps the site
 *   (goal: only the page's revalidation, at most 10 KB);
 * - offlineFirstPaint: the first paint of a visited page with the network off.
 *
 * Each takes a browser and the URL of a page of a served build, and uses a fresh browser context.
 * Bytes are counted on the wire, by a relay in front of the server: the browser checks the service
 * worker's script for updates on its own, and that request is not reported to Playwright.
 */
import { connect, createServer, type AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitInPage } from '../support/reader.ts';

interface Relay {
  /** The page's URL, through the relay. */
  readonly url: string;
  /** Bytes sent back by the server so far (headers and bodies, as they travelled). */
  received(): number;
  /** The request lines seen so far ("GET /sw.js HTTP/1.1"). */
  readonly requests: string[];
  /** Resolves once nothing has crossed the relay for `ms` milliseconds. */
  quiet(ms: number): Promise<void>;
  /** Resolves when a request line matches `pattern`, or after `timeoutMs`: whether it came. */
  requested(pattern: RegExp, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

async function startRelay(pageUrl: string): Promise<Relay> {
  const target = new URL(pageUrl);
  let received = 0;
  let lastTraffic = Date.now();
  const requests: string[] = [];
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 80), target.hostname);
    client.on('data', (chunk: Buffer) => {
      lastTraffic = Date.now();
      const line = chunk.toString('latin1', 0, Math.min(chunk.length, 200)).split('\r\n')[0] ?? '';
      if (/^[A-Z]+ \S+ HTTP\/1\.[01]$/.test(line)) requests.push(line);
    });
    upstream.on('data', (chunk: Buffer) => {
      lastTraffic = Date.now();
      received += chunk.length;
    });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(pageUrl);
  url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: url.href,
    received: () => received,
    requests,
    quiet: async (ms) => {
      while (Date.now() - lastTraffic < ms) await new Promise((resolve) => setTimeout(resolve, ms - (Date.now() - lastTraffic)));
    },
    requested: async (pattern, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (!requests.some((line) => pattern.test(line))) {
        if (Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return true;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The first visit: the page loads, then the service worker installs and takes it over. */
async function firstVisit(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await waitInPage(page, () => navigator.serviceWorker.controller !== null, undefined, 120_000);
  return { context, page };
}

export interface SecondVisit {
  /** All bytes the server sent during the second visit. */
  readonly bytes: number;
  /** What was asked of the server during the second visit. */
  readonly requests: readonly string[];
  /** Bytes the server sent during the first visit, the service worker's install included. */
  readonly firstVisitBytes: number;
  /** True when the service worker answered the page. */
  readonly pageFromServiceWorker: boolean;
}

export async function secondVisitBytes(browser: Browser, url: string): Promise<SecondVisit> {
  const relay = await startRelay(url);
  try {
    const { context, page } = await firstVisit(browser, relay.url);
    await relay.quiet(1_000);
    const firstVisitBytes = relay.received();
    relay.requests.length = 0;
    const response = await page.goto(relay.url);
    // The browser checks the service worker's script for updates a few seconds after the navigation.
    await relay.requested(/ \/(.*\/)?sw\.js /, 15_000);
    await relay.quiet(1_000);
    const bytes = relay.received() - firstVisitBytes;
    await context.close();
    return { bytes, requests: [...relay.requests], firstVisitBytes, pageFromServiceWorker: response?.fromServiceWorker() ?? false };
  } finally {
    await relay.close();
  }
}

export interface OfflinePaint {
  readonly firstPaintMs: number;
  readonly firstContentfulPaintMs: number;
}

export async function offlineFirstPaint(browser: Browser, url: string): Promise<OfflinePaint> {
  const { context, page } = await firstVisit(browser, url);
  await context.setOffline(true);
  await page.goto(url);
  const paint = await page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve) => {
        const seen: Record<string, number> = {};
        new PerformanceObserver((list, observer) => {
          for (const entry of list.getEntries()) seen[entry.name] = entry.startTime;
          if ('first-paint' in seen && 'first-contentful-paint' in seen) {
            observer.disconnect();
            resolve(seen);
          }
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  await context.close();
  return { firstPaintMs: paint['first-paint'] ?? Number.NaN, firstContentfulPaintMs: paint['first-contentful-paint'] ?? Number.NaN };
}
