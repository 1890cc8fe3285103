/**
 * After `astro build`: writes sw.js (the bundled worker, preceded by this build's description) and
 * marks every page with the build id. The id is a hash of every page, every precached file and the
 * worker's code, so an unchanged rebuild keeps the same sw.js and readers download nothing again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { SERVICE_WORKER_FILE, type OfflineBuild } from '../../offline/build-info.ts';
import { withBuildMeta } from '../../offline/page-build.ts';
import { bundleServiceWorker } from './bundle-service-worker.ts';
import { offlinePaths, pagePaths } from './precache-list.ts';

export interface OfflineBuildSummary {
  readonly build: OfflineBuild;
  /** Bytes the worker stores at install. */
  readonly precacheBytes: number;
  /** Bytes of the files stored on first use. */
  readonly onDemandBytes: number;
  readonly serviceWorkerBytes: number;
}

export async function writeOfflineBuild(options: { outDir: string; base: string }): Promise<OfflineBuildSummary> {
  const files = (await readdir(options.outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(options.outDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  const { precache, onDemand } = offlinePaths(files);
  const pages = pagePaths(files);
  const code = await bundleServiceWorker();

  const hash = createHash('sha256').update(code);
  let precacheBytes = 0;
  let onDemandBytes = 0;
  const pageTexts = new Map<string, string>();
  for (const path of [...precache, ...onDemand, ...pages]) {
    const bytes = await readFile(join(options.outDir, path));
    if (precache.includes(path)) precacheBytes += bytes.length;
    if (onDemand.includes(path)) onDemandBytes += bytes.length;
    if (pages.includes(path)) pageTexts.set(path, bytes.toString('utf8'));
    hash.update(`${path}\0${createHash('sha256').update(bytes).digest('hex')}\n`);
  }
  const build: OfflineBuild = { id: hash.digest('hex').slice(0, 16), base: normaliseBase(options.base), precache, onDemand };

  for (const [path, html] of pageTexts) await writeFile(join(options.outDir, path), withBuildMeta(html, build.id));
  const serviceWorker = `const OFFLINE_BUILD = ${JSON.stringify(build)};\n${code}`;
  await writeFile(join(options.outDir, SERVICE_WORKER_FILE), serviceWorker);
  return { build, precacheBytes, onDemandBytes, serviceWorkerBytes: Buffer.byteLength(serviceWorker) };
}

function normaliseBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}
