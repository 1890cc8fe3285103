/**
 * Astro integration: makes the built site work offline after one visit (see src/offline/). Only
 * `astro build` writes a service worker; `astro dev` never has one.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeOfflineBuild } from './write-offline-build.ts';

export function offlineSupport(): AstroIntegration {
  let base = '/';
  return {
    name: 'tf-facile:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { build, precacheBytes, onDemandBytes, serviceWorkerBytes } = await writeOfflineBuild({ outDir: fileURLToPath(dir), base });
        const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
        logger.info(
          `sw.js (${(serviceWorkerBytes / 1024).toFixed(1)} KB), build ${build.id}: ${build.precache.length} files (${megabytes(precacheBytes)}) kept at install, ${build.onDemand.length} (${megabytes(onDemandBytes)}) on first use`,
        );
      },
    },
  };
}
