/**
 * loadMnistBytes: manifest → (cache or download) → verify → decode → verify.
 * All or nothing: the promise resolves only when all four files are loaded
 * and verified; the first failure cancels the other downloads and rejects.
 * loadMnistTestBytes does the same for the test set's two files only.
 */
import type { AssetCache } from './cache.ts';
import { decodeMnistAsset, readMnistAssetHeader } from './codec.ts';
import { downloadBytes, downloadJson, type FetchFunction } from './download.ts';
import { MnistError } from './errors.ts';
import { idxHeaderBytes } from './idx.ts';
import { MANIFEST_FILE_NAME, parseManifest, type ManifestEntry, type MnistFileName } from './manifest.ts';
import { sha256Hex } from './sha256.ts';

export interface MnistProgress {
  /** Compressed bytes received so far, cached files included. */
  readonly loadedBytes: number;
  /** Compressed size of the files being loaded (all four, or the test set's two), from the manifest. */
  readonly totalBytes: number;
}

export interface LoadMnistOptions {
  readonly fetch: FetchFunction;
  /** URL of the folder holding manifest.json, e.g. `${origin}${BASE_URL}data/mnist/`. */
  readonly baseUrl: string | URL;
  readonly cache?: AssetCache | undefined;
  readonly onProgress?: ((progress: MnistProgress) => void) | undefined;
  /** Aborts everything; pass AbortSignal.timeout(ms) for a time limit. */
  readonly signal?: AbortSignal | undefined;
}

/** One split's raw bytes, without IDX headers. */
export interface MnistSplitBytes {
  /** count × rows × cols grey levels, 0 (background) to 255 (ink), image after image. */
  readonly images: Uint8Array<ArrayBuffer>;
  /** count digits 0..9. */
  readonly labels: Uint8Array<ArrayBuffer>;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
}

/** MNIST as LeCun distributes it: 60,000 training and 10,000 test examples. */
export interface MnistBytes {
  readonly train: MnistSplitBytes;
  readonly test: MnistSplitBytes;
}

export async function loadMnistBytes(options: LoadMnistOptions): Promise<MnistBytes> {
  const files = await loadFiles(options, ['train-images', 'train-labels', 't10k-images', 't10k-labels']);
  return { train: pairSplit(files[0], files[1]), test: pairSplit(files[2], files[3]) };
}

/**
 * The 10,000 test images and their labels only (two of the four files, about 1.1 MB compressed):
 * enough to look at test images through a model without the 55,000 training images. Same checks,
 * progress (over these two files) and errors as loadMnistBytes.
 */
export async function loadMnistTestBytes(options: LoadMnistOptions): Promise<MnistSplitBytes> {
  const [images, labels] = await loadFiles(options, ['t10k-images', 't10k-labels']);
  return pairSplit(images, labels);
}

/** The named files, in that order, all verified; the first failure cancels the others and rejects. */
async function loadFiles<const Names extends readonly MnistFileName[]>(
  options: LoadMnistOptions,
  names: Names,
): Promise<{ [K in keyof Names]: LoadedFile }> {
  const outerSignal = options.signal;
  outerSignal?.throwIfAborted();
  // One controller for all requests, so a failure can cancel the rest.
  const controller = new AbortController();
  const forwardAbort = (): void => controller.abort(outerSignal?.reason);
  outerSignal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    const baseUrl = resolveBaseUrl(options.baseUrl);
    const manifestUrl = new URL(MANIFEST_FILE_NAME, baseUrl).href;
    const manifest = parseManifest(await downloadJson(options.fetch, manifestUrl, 'manifest', controller.signal));
    const entries = names.map((name) => {
      const entry = manifest.files.find((file) => file.name === name);
      if (!entry) throw new MnistError(name, 'missing from the manifest');
      return entry;
    });
    const progress = createProgress(entries, options.onProgress);
    const context: LoadContext = { options, baseUrl, signal: controller.signal, progress };
    const loads = entries.map(async (entry) => {
      try {
        return await loadFile(context, entry);
      } catch (error) {
        controller.abort(error);
        throw error;
      }
    });
    return (await Promise.all(loads)) as { [K in keyof Names]: LoadedFile };
  } finally {
    outerSignal?.removeEventListener('abort', forwardAbort);
  }
}

interface LoadContext {
  readonly options: LoadMnistOptions;
  readonly baseUrl: URL;
  readonly signal: AbortSignal;
  readonly progress: (bytes: number) => void;
}

interface LoadedFile {
  readonly entry: ManifestEntry;
  /** The IDX body: the file without its header. */
  readonly body: Uint8Array<ArrayBuffer>;
}

async function loadFile(context: LoadContext, entry: ManifestEntry): Promise<LoadedFile> {
  const asset = await loadVerifiedAsset(context, entry);
  context.signal.throwIfAborted();

  // Check the header against the manifest first: a mismatch means a mixed
  // deployment, which deserves a clearer message than a checksum error.
  const header = readMnistAssetHeader(asset, entry.name, entry.kind);
  if (header.count !== entry.count) {
    throw new MnistError(entry.name, `holds ${header.count} items, the manifest lists ${entry.count}`);
  }
  if (header.kind === 'images' && entry.kind === 'images' && (header.rows !== entry.rows || header.cols !== entry.cols)) {
    throw new MnistError(entry.name, `holds ${header.rows}×${header.cols} images, the manifest lists ${entry.rows}×${entry.cols}`);
  }
  const idx = decodeMnistAsset(asset, entry.name, entry.kind);
  const rawSha256 = await sha256Hex(idx);
  if (rawSha256 !== entry.rawSha256) {
    throw new MnistError(entry.name, `decoded data fails its SHA-256 check (expected ${entry.rawSha256}, got ${rawSha256})`);
  }
  return { entry, body: idx.subarray(idxHeaderBytes(header)) };
}

/** The compressed asset from the cache if it is there and intact, else from the network. */
async function loadVerifiedAsset(context: LoadContext, entry: ManifestEntry): Promise<Uint8Array<ArrayBuffer>> {
  const { cache } = context.options;
  const key = { name: entry.name, sha256: entry.compressedSha256 };
  if (cache !== undefined) {
    const cached = await cache.get(key).catch(() => undefined);
    if (cached !== undefined && cached.byteLength === entry.compressedBytes) {
      const bytes = new Uint8Array(cached);
      // A damaged cache entry is just a miss: download a fresh copy.
      if ((await sha256Hex(bytes)) === entry.compressedSha256) {
        context.progress(bytes.length);
        return bytes;
      }
    }
  }

  // The version in the query string keeps browser HTTP caches from serving
  // an old asset for a new manifest; static hosts ignore it.
  const url = new URL(entry.path, context.baseUrl);
  url.searchParams.set('v', entry.compressedSha256.slice(0, 16));
  const bytes = await downloadBytes({
    fetch: context.options.fetch,
    url: url.href,
    file: entry.name,
    expectedBytes: entry.compressedBytes,
    signal: context.signal,
    onBytes: context.progress,
  });
  const sha256 = await sha256Hex(bytes);
  if (sha256 !== entry.compressedSha256) {
    throw new MnistError(
      entry.name,
      `SHA-256 mismatch: expected ${entry.compressedSha256}, got ${sha256}; the file is corrupt or from another version of the data (${url.href})`,
    );
  }
  if (cache !== undefined) {
    // Caching is an optimisation: quota errors or disabled storage must not fail the load, and
    // writing 6 MB to storage must not delay it either (the write goes on while the data decodes;
    // put takes its copy of the bytes before it returns).
    cache.put(key, bytes.buffer).catch(() => undefined);
  }
  return bytes;
}

function pairSplit(images: LoadedFile, labels: LoadedFile): MnistSplitBytes {
  if (images.entry.kind !== 'images') throw new Error(`${images.entry.name} is not an images file`);
  if (images.entry.count !== labels.entry.count) {
    throw new MnistError(
      labels.entry.name,
      `has ${labels.entry.count} labels for the ${images.entry.count} images of ${images.entry.name}`,
    );
  }
  return {
    images: images.body,
    labels: labels.body,
    count: images.entry.count,
    rows: images.entry.rows,
    cols: images.entry.cols,
  };
}

function createProgress(entries: readonly ManifestEntry[], onProgress: LoadMnistOptions['onProgress']): (bytes: number) => void {
  const totalBytes = entries.reduce((sum, entry) => sum + entry.compressedBytes, 0);
  let loadedBytes = 0;
  onProgress?.({ loadedBytes, totalBytes });
  return (bytes) => {
    loadedBytes += bytes;
    onProgress?.({ loadedBytes, totalBytes });
  };
}

/** Accepts absolute URLs, or a path resolved against the page or worker location. */
function resolveBaseUrl(baseUrl: string | URL): URL {
  const location = (globalThis as { location?: { href: string } }).location;
  let base: URL;
  try {
    base = new URL(baseUrl, location?.href);
  } catch (error) {
    throw new MnistError(
      'manifest',
      `baseUrl ${JSON.stringify(String(baseUrl))} is not a valid URL (outside a page or worker it must be absolute)`,
      {
        cause: error,
      },
    );
  }
  // Without the trailing slash, "data/mnist" + "manifest.json" would resolve to "data/manifest.json".
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base;
}
