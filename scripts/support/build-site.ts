/**
 * Builds the site as `npm run build` would, from a test. Vitest sets NODE_ENV=test and BASE_URL in
 * its own environment; both would leak into the build (Vite reads them), so they are replaced.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export function buildSite(options: { outDir?: string; basePath?: string; siteUrl?: string } = {}): void {
  const environment = { ...process.env };
  delete environment['BASE_URL'];
  const outDir = options.outDir ? ['--outDir', options.outDir] : [];
  execFileSync(process.execPath, [resolve(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent', ...outDir], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: {
      ...environment,
      NODE_ENV: 'production',
      BASE_PATH: options.basePath ?? '/',
      ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}),
    },
  });
}
