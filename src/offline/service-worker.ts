/**
 * The site's service worker (sw.js): keeps the pages the reader opened, with the scripts, styles and
 * WASM files of their build, so that they load and run offline. Hand-written and small: the whole
 * policy is in routes.ts (which request goes where) and cache-names.ts (which builds are kept).
 *
 * - Install: stores every hashed asset of this build (copied from an older build's storage when the
 *   same file is already there), the data manifest and the icon; all or nothing. The WASM files are
 *   stored when first used, and carried over from the older build that has them. It then stores the
 *   open pages (the first one was loaded before any worker could see it) and fetches again the pages
 *   that older builds kept, so that they stay available offline in the new version.
 * - Activate: takes over the open pages at once and tells them (the page says so to the reader); the
 *   previous build's storage is kept for the pages of it that are still open.
 * - Pages are always revalidated: a new build's pages show on the next navigation. A page is stored
 *   only in the storage of the build it belongs to, so it is never served with another build's scripts.
 */
import type { OfflineBuild, OfflineMessage } from './build-info.ts';
import { buildCacheName, lookupOrder, planCleanup } from './cache-names.ts';
import { pageBuildId } from './page-build.ts';
import { isStoredPage, routeRequest } from './routes.ts';

/** Written in front of the bundle by the build step (src/build/offline/write-service-worker.ts). */
declare const OFFLINE_BUILD: OfflineBuild;

/** The parts of the service worker global we use (the DOM and WebWorker type libraries cannot be mixed). */
interface ExtendableEventLike {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly location: { readonly origin: string };
  readonly registration: { update(): Promise<unknown> };
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: {
      type: 'window';
      includeUncontrolled: boolean;
    }): Promise<ReadonlyArray<{ readonly url: string; postMessage(message: OfflineMessage): void }>>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}

const scope = self as unknown as ServiceWorkerScope;
const build = OFFLINE_BUILD;
const origin = scope.location.origin;
const siteUrl = new URL(build.base, origin);

scope.addEventListener('install', (event) => event.waitUntil(install()));
scope.addEventListener('activate', (event) => event.waitUntil(activate()));
scope.addEventListener('fetch', (event) => {
  const route = routeRequest(event.request, build, origin);
  if (route === undefined || event.request.headers.has('range')) return;
  if (route.kind === 'page') event.respondWith(page(event, route.key));
  else if (route.kind === 'manifest') event.respondWith(manifest(event));
  else event.respondWith(asset(event, route.storeOnUse));
});

async function install(): Promise<void> {
  const names = await caches.keys();
  const name = planCleanup(names, build.id).current ?? buildCacheName(build.id, Date.now());
  const cache = await caches.open(name);
  try {
    // One file at a time, at low priority: the page may be starting its session meanwhile.
    for (const path of build.precache) await precache(cache, new URL(path, siteUrl).href);
    await Promise.all(build.onDemand.map((path) => carryOver(cache, new URL(path, siteUrl).href)));
  } catch (error) {
    // A build's storage is complete or absent: a stored page never misses one of its scripts.
    await caches.delete(name);
    throw error;
  }
  await refreshKeptPages(cache, names);
  await scope.skipWaiting();
}

async function precache(cache: Cache, url: string): Promise<void> {
  if (await cache.match(url)) return;
  // A hashed name always holds the same bytes: copy it from an older build rather than download it.
  const hashed = url.includes('/_astro/');
  const stored = hashed ? await caches.match(url) : undefined;
  const response = stored ?? (await fetch(url, { cache: hashed ? 'default' : 'no-cache', priority: 'low' }));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  await cache.put(url, response);
}

/** A file stored on first use by an older build (same name, same bytes) stays stored in this one. */
async function carryOver(cache: Cache, url: string): Promise<void> {
  const stored = await caches.match(url);
  if (stored) await cache.put(url, stored);
}

/** The open pages and those kept by older builds, fetched for this one; one that fails keeps its old copy. */
async function refreshKeptPages(cache: Cache, names: readonly string[]): Promise<void> {
  const pages = new Set<string>();
  for (const client of await scope.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    const route = routeRequest({ url: client.url, method: 'GET', mode: 'navigate' }, build, origin);
    if (route?.kind === 'page') pages.add(route.key);
  }
  for (const name of lookupOrder(names, build.id)) {
    for (const request of await (await caches.open(name)).keys()) {
      if (isStoredPage(new URL(request.url), build)) pages.add(request.url);
    }
  }
  await Promise.all(
    [...pages].map(async (url) => {
      const response = await fetch(url, { cache: 'no-cache', priority: 'low' }).catch(() => undefined);
      if (response) await storePage(cache, url, response);
    }),
  );
}

async function activate(): Promise<void> {
  const plan = planCleanup(await caches.keys(), build.id);
  await Promise.all(plan.remove.map((name) => caches.delete(name)));
  if (plan.current !== undefined && plan.previous !== undefined) await dropCopies(plan.previous, plan.current);
  await scope.clients.claim();
  const message: OfflineMessage = { type: 'tf-facile:offline-active', build: build.id, replaced: plan.previous !== undefined };
  for (const client of await scope.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
}

/** The previous build keeps only what the current one lacks (its own scripts and pages), not a second copy. */
async function dropCopies(previousName: string, currentName: string): Promise<void> {
  const [previous, current] = await Promise.all([caches.open(previousName), caches.open(currentName)]);
  await Promise.all((await current.keys()).map((request) => previous.delete(request.url)));
}

async function page(event: FetchEventLike, key: string): Promise<Response> {
  let response: Response;
  try {
    // Revalidated every time (a conditional request: a few hundred bytes when nothing changed).
    response = await fetch(new Request(event.request, { cache: 'no-cache' }));
  } catch (error) {
    const stored = await matchStored(key);
    if (stored) return stored;
    throw error;
  }
  const copy = response.clone();
  event.waitUntil(
    openCurrentCache().then(async (cache) => {
      if ((await storePage(cache, key, copy)) === 'other-build') await scope.registration.update().catch(() => undefined);
    }),
  );
  return response;
}

/**
 * Stores a page in this build's storage if this build made it. A page of another build is a sign
 * that a new version is online: the caller asks the browser to look for its worker.
 */
async function storePage(cache: Cache, key: string, response: Response): Promise<'stored' | 'other-build' | 'not-a-page'> {
  if (!response.ok || response.redirected || !(response.headers.get('content-type') ?? '').includes('text/html')) return 'not-a-page';
  const html = await response.text();
  const pageBuild = pageBuildId(html);
  if (pageBuild === undefined) return 'not-a-page';
  if (pageBuild !== build.id) return 'other-build';
  // The text is decoded: the stored copy must not claim the compressed encoding or length.
  const headers = new Headers(response.headers);
  headers.delete('content-encoding');
  headers.delete('content-length');
  await cache.put(key, new Response(html, { status: response.status, statusText: response.statusText, headers }));
  return 'stored';
}

async function manifest(event: FetchEventLike): Promise<Response> {
  const url = event.request.url;
  try {
    const response = await fetch(event.request);
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(openCurrentCache().then((cache) => cache.put(url, copy)));
    }
    return response;
  } catch (error) {
    const stored = await matchStored(url);
    if (stored) return stored;
    throw error;
  }
}

async function asset(event: FetchEventLike, storeOnUse: boolean): Promise<Response> {
  const stored = await matchStored(event.request);
  if (stored) return stored;
  const response = await fetch(event.request);
  if (storeOnUse && response.ok) {
    const copy = response.clone();
    event.waitUntil(openCurrentCache().then((cache) => cache.put(event.request.url, copy)));
  }
  return response;
}

/** A stored response: this build's first, then older builds', newest first. */
async function matchStored(request: Request | string): Promise<Response | undefined> {
  for (const name of lookupOrder(await caches.keys(), build.id)) {
    const response = await (await caches.open(name)).match(request, { ignoreVary: true });
    if (response) return response;
  }
  return undefined;
}

async function openCurrentCache(): Promise<Cache> {
  return caches.open(planCleanup(await caches.keys(), build.id).current ?? buildCacheName(build.id, Date.now()));
}
