/** Where the build finds the MNIST assets, and what identifies their version (for cache keys). */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function mnistAssetsFolder(projectRoot: string): string {
  return join(projectRoot, 'public/data/mnist');
}

/** The manifest lists every file's checksum, so its hash identifies the data; '' when absent. */
export function dataChecksum(projectRoot: string): string {
  const manifest = join(mnistAssetsFolder(projectRoot), 'manifest.json');
  return existsSync(manifest) ? createHash('sha256').update(readFileSync(manifest)).digest('hex') : '';
}
