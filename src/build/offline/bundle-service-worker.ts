/**
 * Bundles src/offline/service-worker.ts into one classic script with Vite (Astro's own bundler):
 * a service worker must be a single file at a stable address, outside Astro's hashed assets.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ENTRY = fileURLToPath(new URL('../../offline/service-worker.ts', import.meta.url));

export async function bundleServiceWorker(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: ENTRY, formats: ['iife'], name: 'tfFacileServiceWorker', fileName: 'sw' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if ('output' in output) {
      const chunk = output.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('bundling the service worker produced no script');
}
