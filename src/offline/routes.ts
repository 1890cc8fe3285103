/**
 * How the service worker answers each request (pure, so it is unit-tested):
 *
 * - a page (navigation): from the network, revalidated every time, so a new build shows on the next
 *   navigation; the stored copy only when the network fails;
 * - a hashed asset or the icon: from the stored build first (hashed names never change meaning),
 *   else the network; a WASM file fetched from the network is stored for the next time;
 * - the data manifest: from the network (the data loader revalidates it), the stored copy offline;
 * - anything else, the MNIST data files included, is not the worker's business: the browser fetches
 *   it as if there were no worker. The data loader keeps those files in its own Cache API storage,
 *   the one and only copy.
 */
import { DATA_MANIFEST_PATH, type OfflineBuild } from './build-info.ts';

export type Route =
  | { readonly kind: 'page'; readonly key: string }
  | { readonly kind: 'asset'; readonly storeOnUse: boolean }
  | { readonly kind: 'manifest' };

type BuildPaths = Pick<OfflineBuild, 'base' | 'precache' | 'onDemand'>;

/** The parts of a Request the decision needs. */
export interface RequestFacts {
  readonly url: string;
  readonly method: string;
  readonly mode: string;
}

/** The route for a request, or undefined to leave it to the browser. */
export function routeRequest(request: RequestFacts, build: BuildPaths, origin: string): Route | undefined {
  if (request.method !== 'GET') return undefined;
  const url = new URL(request.url);
  if (url.origin !== origin || !url.pathname.startsWith(build.base)) return undefined;
  if (request.mode === 'navigate') return { kind: 'page', key: pageKey(url) };
  const path = url.pathname.slice(build.base.length);
  if (path === DATA_MANIFEST_PATH) return { kind: 'manifest' };
  // An _astro/ file missing from this build's list belongs to another build (an open page of the
  // previous one, or a page of a newer one not installed yet): looked up in every stored build.
  if (isAssetPath(path) || build.precache.includes(path)) return { kind: 'asset', storeOnUse: build.onDemand.includes(path) };
  return undefined;
}

/** Pages are stored under their address without the query (`?backend=cpu` is the same page). */
export function pageKey(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** True for a stored entry that is a page rather than something the build precached. */
export function isStoredPage(url: URL, build: BuildPaths): boolean {
  if (!url.pathname.startsWith(build.base)) return false;
  const path = url.pathname.slice(build.base.length);
  return !isAssetPath(path) && path !== DATA_MANIFEST_PATH && !build.precache.includes(path);
}

function isAssetPath(path: string): boolean {
  return path.startsWith('_astro/');
}
