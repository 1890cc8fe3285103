/**
 * How many bytes the MNIST data weighs on the wire, read at build time from the manifest that the
 * mnistAssets() integration writes: what "Run all" downloads the first time. Undefined when the
 * manifest is not there (a dev server that has not prepared the data yet).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE_NAME, parseManifest } from '../mnist/manifest.ts';

export function mnistDownloadBytes(root: string): number | undefined {
  try {
    const manifest = parseManifest(JSON.parse(readFileSync(join(root, 'public', 'data', 'mnist', MANIFEST_FILE_NAME), 'utf8')));
    return manifest.files.reduce((sum, file) => sum + file.compressedBytes, 0);
  } catch {
    return undefined;
  }
}
