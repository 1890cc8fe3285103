/**
 * A copy of the site to change and build in a test (a French edit the translations lack, a new
 * locale): the sources and content only, without the article that trains (a small build, with the
 * copy's own empty cache of cell outputs).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../scripts/support/build-site.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

/** Copies the site into `dist-<name>/site` and returns that folder. */
export function copySite(name: string): string {
  const fixture = resolve(PROJECT_ROOT, `dist-${name}/site`);
  removeSite(fixture);
  mkdirSync(fixture, { recursive: true });
  for (const entry of ['src', 'public', 'content', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    if (existsSync(join(PROJECT_ROOT, entry))) cpSync(join(PROJECT_ROOT, entry), join(fixture, entry), { recursive: true });
  }
  for (const locale of LOCALES) rmSync(join(fixture, 'content/articles', locale, 'mnist-softmax.mdx'));
  return fixture;
}

/** `astro build` in the copy, outside CI's strictness (behind sections are warnings); its output. */
export function buildSiteCopy(fixture: string): string {
  const environment: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', BASE_PATH: '/' };
  delete environment['BASE_URL'];
  delete environment['CI'];
  const build = spawnSync(process.execPath, [resolve(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    cwd: fixture,
    env: environment,
    encoding: 'utf8',
  });
  const output = `${build.stdout}\n${build.stderr}`;
  if (build.status !== 0) throw new Error(`the site's copy did not build:\n${output}`);
  return output;
}

/** Removes a copy made by copySite (and nothing else: a test that failed early passes ''). */
export function removeSite(fixture: string): void {
  if (!fixture.startsWith(PROJECT_ROOT) || !/[/\\]dist-[^/\\]+[/\\]site$/.test(fixture)) return;
  rmSync(resolve(fixture, '..'), { recursive: true, force: true });
}
