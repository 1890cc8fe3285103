/**
 * Which files of a build its service worker stores at install: every hashed asset (page scripts,
 * styles, the session worker, lazily loaded chunks such as the editor and the WASM backend, the
 * .wasm files), the data manifest and the icon. Not the pages (kept as the reader opens them), not
 * the MNIST data files (the data loader keeps its own single copy), not the SEO files.
 */
import { DATA_MANIFEST_PATH } from '../../offline/build-info.ts';

const ALWAYS = [DATA_MANIFEST_PATH, 'favicon.svg'];

/** `files`: every file of the built site, as paths relative to its root with forward slashes. */
export function precachePaths(files: readonly string[]): string[] {
  return files.filter((path) => path.startsWith('_astro/') || ALWAYS.includes(path)).sort();
}

/** The built pages, whose bytes go into the build id and which carry it. */
export function pagePaths(files: readonly string[]): string[] {
  return files.filter((path) => path.endsWith('.html')).sort();
}
