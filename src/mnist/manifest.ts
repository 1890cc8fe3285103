/**
 * manifest.json: what the build step wrote and the loader expects. Shared by
 * both sides so the format is defined once.
 */
import { ASSET_CODEC } from './codec.ts';
import { MnistError } from './errors.ts';
import type { IdxKind } from './idx.ts';

export const MANIFEST_FORMAT = 'tf-facile-mnist';
/** Bump when the manifest's meaning changes; the loader refuses other versions. */
export const MANIFEST_VERSION = 1;
export const MANIFEST_FILE_NAME = 'manifest.json';

export type MnistFileName = 'train-images' | 'train-labels' | 't10k-images' | 't10k-labels';

export interface MnistFileSpec {
  readonly name: MnistFileName;
  readonly kind: IdxKind;
  /** Name of the original file in LeCun's distribution. */
  readonly idxFileName: string;
}

/** The four files, in the order the manifest lists them. */
export const MNIST_FILES: readonly MnistFileSpec[] = [
  { name: 'train-images', kind: 'images', idxFileName: 'train-images-idx3-ubyte' },
  { name: 'train-labels', kind: 'labels', idxFileName: 'train-labels-idx1-ubyte' },
  { name: 't10k-images', kind: 'images', idxFileName: 't10k-images-idx3-ubyte' },
  { name: 't10k-labels', kind: 'labels', idxFileName: 't10k-labels-idx1-ubyte' },
];

interface ManifestEntryCommon {
  readonly name: MnistFileName;
  /** Asset path relative to the manifest, e.g. "train-images.mnc". */
  readonly path: string;
  /** Number of images or labels. */
  readonly count: number;
  /** Size and SHA-256 of the original IDX file (what the loader reconstructs). */
  readonly rawBytes: number;
  readonly rawSha256: string;
  /** Size and SHA-256 of the .mnc asset (what goes over the wire). */
  readonly compressedBytes: number;
  readonly compressedSha256: string;
}

export type ManifestEntry =
  | (ManifestEntryCommon & { readonly kind: 'images'; readonly rows: number; readonly cols: number })
  | (ManifestEntryCommon & { readonly kind: 'labels' });

export interface MnistManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly version: typeof MANIFEST_VERSION;
  readonly codec: typeof ASSET_CODEC;
  readonly files: readonly ManifestEntry[];
}

/** Validates parsed JSON as a manifest; throws an MnistError saying what is wrong. */
export function parseManifest(json: unknown): MnistManifest {
  const fail = (message: string): never => {
    throw new MnistError('manifest', message);
  };
  if (!isRecord(json)) return fail('not a JSON object');
  if (json['format'] !== MANIFEST_FORMAT) return fail(`format is ${JSON.stringify(json['format'])}, expected "${MANIFEST_FORMAT}"`);
  if (json['version'] !== MANIFEST_VERSION) {
    return fail(
      `version ${JSON.stringify(json['version'])} is not supported (this loader reads version ${MANIFEST_VERSION}); reload the page`,
    );
  }
  if (json['codec'] !== ASSET_CODEC) return fail(`codec ${JSON.stringify(json['codec'])} is not supported (expected "${ASSET_CODEC}")`);
  const files = json['files'];
  if (!Array.isArray(files)) return fail('"files" is not an array');
  const entries = MNIST_FILES.map((spec) => {
    const raw: unknown = files.find((file) => isRecord(file) && file['name'] === spec.name);
    if (!isRecord(raw)) return fail(`no entry for ${spec.name}`);
    return parseEntry(raw, spec, fail);
  });
  return { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, codec: ASSET_CODEC, files: entries };
}

function parseEntry(raw: Record<string, unknown>, spec: MnistFileSpec, fail: (message: string) => never): ManifestEntry {
  const where = `entry ${spec.name}`;
  const positiveInteger = (key: string): number => {
    const value = raw[key];
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
      ? value
      : fail(`${where}: ${key} must be a positive integer`);
  };
  const sha = (key: string): string => {
    const value = raw[key];
    return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value) ? value : fail(`${where}: ${key} must be 64 lowercase hex digits`);
  };
  const path = raw['path'];
  // A plain relative path: the manifest must not send the loader elsewhere.
  if (typeof path !== 'string' || !/^[A-Za-z0-9._-]+$/.test(path) || path.startsWith('.')) {
    return fail(`${where}: path must be a plain file name`);
  }
  if (raw['kind'] !== spec.kind) return fail(`${where}: kind is ${JSON.stringify(raw['kind'])}, expected "${spec.kind}"`);
  // Same key order as the build step writes, so a rebuild rewrites nothing.
  const sizes = {
    count: positiveInteger('count'),
    rawBytes: positiveInteger('rawBytes'),
    rawSha256: sha('rawSha256'),
    compressedBytes: positiveInteger('compressedBytes'),
    compressedSha256: sha('compressedSha256'),
  };
  return spec.kind === 'images'
    ? { name: spec.name, kind: 'images', path, rows: positiveInteger('rows'), cols: positiveInteger('cols'), ...sizes }
    : { name: spec.name, kind: 'labels', path, ...sizes };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
