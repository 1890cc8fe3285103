/**
 * The key of an article's build-time outputs: everything that can change what its pages show. The
 * code is taken without comments, so the three translations of an article (same code, translated
 * comments) share one entry and the model trains once per build, not once per language.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { javascriptWithoutComments } from '../article/code-text.ts';
import type { CellRecord, ComponentRecord } from '../article/record.ts';

/** Components whose props change what the bake computes or records (not prose decorations). */
const BAKED_COMPONENTS = new Set(['Result', 'LiveFigure']);

export interface CacheKeyInputs {
  cells: readonly Pick<CellRecord, 'id' | 'code'>[];
  /** The variables the page shows (their values are recorded). */
  shownNames: readonly string[];
  /** The article's components: the figures among them (kind, source) are part of the key. */
  components: readonly Pick<ComponentRecord, 'name' | 'props'>[];
  tfVersion: string;
  /** Checksum of the data the cells can load (the MNIST manifest), or '' when none. */
  dataChecksum: string;
  seed: number;
  /** Source folders of the code that runs, prints and bakes cells and figures. */
  sourceDirs: readonly string[];
}

export function outputsCacheKey(inputs: CacheKeyInputs): string {
  const hash = createHash('sha256');
  const figures = inputs.components.filter((component) => BAKED_COMPONENTS.has(component.name)).map(({ name, props }) => ({ name, props }));
  hash.update(JSON.stringify({ tf: inputs.tfVersion, data: inputs.dataChecksum, seed: inputs.seed, shown: inputs.shownNames, figures }));
  for (const cell of inputs.cells) hash.update(`\0${cell.id}\0${javascriptWithoutComments(cell.code)}`);
  for (const dir of inputs.sourceDirs) {
    for (const file of listFiles(dir)) hash.update(`\0${relative(dir, file)}\0`).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 32);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}
