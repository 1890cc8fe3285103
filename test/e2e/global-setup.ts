/**
 * Builds the site once and serves dist/ with a plain static server for every browser test.
 * Set E2E_SKIP_BUILD=1 to reuse an existing dist/ while iterating on tests.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../support/find-chromium.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

let server: StaticServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  findChromium(); // fail early, with the install hint, before a minute of building
  const root = resolve(import.meta.dirname, '../..');
  if (!process.env['E2E_SKIP_BUILD']) {
    execFileSync(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: root,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test; a real build is a production build.
      env: { ...process.env, NODE_ENV: 'production', BASE_PATH: '/' },
    });
  }
  server = await serveStatic(resolve(root, 'dist'));
  project.provide('siteUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
