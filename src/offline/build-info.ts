/**
 * What a build tells its service worker, and the names both sides share. The build step
 * (src/build/offline/) writes an OfflineBuild into sw.js; the page (src/client/offline.ts) reads
 * its own build id from a <meta> and hears from the service worker through OfflineMessage.
 */

/** One build of the site, as its service worker sees it. */
export interface OfflineBuild {
  /** A hash of everything the build ships (pages, assets, this worker): changes with any of them. */
  readonly id: string;
  /** The site's base path, with slashes: `/` or `/tf-facile/`. */
  readonly base: string;
  /** Paths under the base that the worker stores when it installs: hashed assets, the data manifest, the icon. */
  readonly precache: readonly string[];
  /**
   * Paths stored the first time a page uses them: the WASM files, which only a browser without
   * WebGL loads (1.2 MB that most readers never need), and then always the same one.
   */
  readonly onDemand: readonly string[];
}

/** The service worker's file, at the root of the base path (its scope is the whole site). */
export const SERVICE_WORKER_FILE = 'sw.js';

/** Every page carries `<meta name="tf-facile-build" content="<id>">`, written by the build step. */
export const BUILD_META_NAME = 'tf-facile-build';

/** The data manifest: revalidated on every load, kept for offline use (the data files are not: see routes.ts). */
export const DATA_MANIFEST_PATH = 'data/mnist/manifest.json';

/** Sent by a service worker to every open page once it has taken over. */
export interface OfflineMessage {
  readonly type: 'tf-facile:offline-active';
  /** The build the worker serves from now on. */
  readonly build: string;
  /** True when it replaced another build's worker, false on the first install. */
  readonly replaced: boolean;
}

export function isOfflineMessage(value: unknown): value is OfflineMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'tf-facile:offline-active';
}
