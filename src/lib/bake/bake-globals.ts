/**
 * The lazily loaded globals that cells get at build time: `mnist`, read from the assets that the
 * mnist-assets integration wrote into public/, with the browser's seed (see mnist-global.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { loadMnistGlobal, MNIST_SEED } from '../../runtime/mnist-global.ts';
import { LOCAL_DATA_URL, localFolderFetch } from './local-fetch.ts';

export const BAKE_SEED = MNIST_SEED;

function mnistFolder(projectRoot: string): string {
  return join(projectRoot, 'public/data/mnist');
}

export function bakeGlobals(projectRoot: string): Record<string, () => Promise<unknown>> {
  return {
    mnist: () => loadMnistGlobal({ tf, fetch: localFolderFetch(mnistFolder(projectRoot)), baseUrl: LOCAL_DATA_URL }),
  };
}

/** Identifies the data the cells read: the manifest lists every file's checksum. */
export function dataChecksum(projectRoot: string): string {
  const manifest = join(mnistFolder(projectRoot), 'manifest.json');
  return existsSync(manifest) ? createHash('sha256').update(readFileSync(manifest)).digest('hex') : '';
}
