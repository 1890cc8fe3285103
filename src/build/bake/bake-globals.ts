/**
 * The lazily loaded globals that cells get at build time: `mnist`, read from the assets that the
 * mnist-assets integration wrote into public/, with the browser's seed (see mnist-global.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LazyGlobal } from '../../runtime/cell-session.ts';
import { mnistLazyGlobal } from '../../runtime/mnist-global.ts';
import { mnistAssetsFolder } from './data-checksum.ts';
import { LOCAL_DATA_URL, localFolderFetch } from './local-fetch.ts';

export function bakeGlobals(projectRoot: string): Record<string, LazyGlobal> {
  return {
    mnist: mnistLazyGlobal({ tf, fetch: localFolderFetch(mnistAssetsFolder(projectRoot)), baseUrl: LOCAL_DATA_URL }),
  };
}
