/**
 * The key of an article's build-time outputs: everything that can change them. The code is taken
 * without comments, so the three translations of an article (same code, translated comments)
 * share one entry and the model trains once per build, not once per language.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { javascriptWithoutComments, type LiveCellSource } from '../article-source.ts';

export interface CacheKeyInputs {
  cells: readonly LiveCellSource[];
  tfVersion: string;
  /** Checksum of the data the cells can load (the MNIST manifest), or '' when none. */
  dataChecksum: string;
  seed: number;
  /** Source of the runtime that runs and prints cells: a change there changes outputs. */
  runtimeDir: string;
}

export function outputsCacheKey(inputs: CacheKeyInputs): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ tf: inputs.tfVersion, data: inputs.dataChecksum, seed: inputs.seed }));
  for (const cell of inputs.cells) hash.update(`\0${cell.id}\0${javascriptWithoutComments(cell.code)}`);
  for (const file of listFiles(inputs.runtimeDir)) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 32);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}
