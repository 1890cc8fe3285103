/**
 * Builds the site once and serves dist/ with a plain static server for every browser test.
 * Set E2E_SKIP_BUILD=1 to reuse an existing dist/ while iterating on tests.
 */
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../scripts/support/find-chromium.ts';
import { checkJapaneseFont } from '../../scripts/support/find-japanese-font.ts';
import { buildSite, PROJECT_ROOT } from '../../scripts/support/build-site.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

let server: StaticServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  // Fail early, with the install hint, before a minute of building.
  findChromium();
  checkJapaneseFont();
  if (!process.env['E2E_SKIP_BUILD']) buildSite();
  server = await serveStatic(resolve(PROJECT_ROOT, 'dist'));
  project.provide('siteUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
