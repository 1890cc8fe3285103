/**
 * Which files of a build its service worker keeps. At install: every hashed asset (page scripts,
 * styles, the session worker, lazily loaded chunks such as the editor and the WASM backend's
 * JavaScript), the data manifest and the icon. On first use: the .wasm files, which only browsers
 * without WebGL load, and the layers API's chunk (src/worker/tfjs-layers.ts), which only pages whose
 * cells use `tf.sequential`, `tf.layers`... load, and which no reader should download before. Never: the pages (kept as the reader opens them), the MNIST data files (the
 * data loader keeps its own single copy), the files for search engines and link previews.
 */
import { DATA_MANIFEST_PATH, type OfflineBuild } from '../../offline/build-info.ts';

const ALWAYS = [DATA_MANIFEST_PATH, 'favicon.svg'];

/** Assets kept once used rather than at install: WebAssembly, and the chunk named after src/worker/tfjs-layers.ts. */
function onDemand(path: string): boolean {
  return path.endsWith('.wasm') || /^_astro\/tfjs-layers-[\w-]+\.js$/.test(path);
}

/** `files`: every file of the built site, as paths relative to its root with forward slashes. */
export function offlinePaths(files: readonly string[]): Pick<OfflineBuild, 'precache' | 'onDemand'> {
  const assets = files.filter((path) => path.startsWith('_astro/'));
  return {
    precache: [...assets.filter((path) => !onDemand(path)), ...files.filter((path) => ALWAYS.includes(path))].sort(),
    onDemand: assets.filter(onDemand).sort(),
  };
}

/** The built pages, whose bytes go into the build id and which carry it. */
export function pagePaths(files: readonly string[]): string[] {
  return files.filter((path) => path.endsWith('.html')).sort();
}
