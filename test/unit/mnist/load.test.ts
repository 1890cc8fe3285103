import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createMemoryAssetCache,
  loadMnistBytes,
  MnistError,
  type AssetCache,
  type FetchFunction,
  type MnistBytes,
  type MnistProgress,
} from '../../../src/mnist/index.ts';
import { createMnistFileFetch, TEST_MNIST_BASE_URL } from '../../support/mnist-file-fetch.ts';
import { copyOfPreparedMnistAssets, preparedMnistAssets, readSourceIdx } from '../../support/mnist-assets.ts';

const DATA_FILES = ['train-images.mnc', 'train-labels.mnc', 't10k-images.mnc', 't10k-labels.mnc'];

describe('loadMnistBytes on the real data', () => {
  let dir: string;
  let bytes: MnistBytes;
  const progress: MnistProgress[] = [];
  let requests: string[];

  beforeAll(async () => {
    dir = await preparedMnistAssets();
    const files = createMnistFileFetch(dir);
    bytes = await loadMnistBytes({ fetch: files.fetch, baseUrl: TEST_MNIST_BASE_URL, onProgress: (report) => progress.push(report) });
    requests = files.requests;
  }, 120_000);

  it('loads 60,000 training and 10,000 test images of 28×28 with their labels', () => {
    expect([bytes.train.count, bytes.train.rows, bytes.train.cols]).toEqual([60000, 28, 28]);
    expect([bytes.test.count, bytes.test.rows, bytes.test.cols]).toEqual([10000, 28, 28]);
    expect(bytes.train.images.length).toBe(60000 * 784);
    expect(bytes.train.labels.length).toBe(60000);
    expect(bytes.test.images.length).toBe(10000 * 784);
    expect(bytes.test.labels.length).toBe(10000);
  });

  it('gives the well-known first ten test labels 7 2 1 0 4 1 4 9 5 9', () => {
    expect([...bytes.test.labels.subarray(0, 10)]).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
  });

  it('reproduces every byte of the original IDX files', async () => {
    expect(Buffer.from(bytes.train.images).equals((await readSourceIdx('train-images-idx3-ubyte')).subarray(16))).toBe(true);
    expect(Buffer.from(bytes.train.labels).equals((await readSourceIdx('train-labels-idx1-ubyte')).subarray(8))).toBe(true);
    expect(Buffer.from(bytes.test.images).equals((await readSourceIdx('t10k-images-idx3-ubyte')).subarray(16))).toBe(true);
    expect(Buffer.from(bytes.test.labels).equals((await readSourceIdx('t10k-labels-idx1-ubyte')).subarray(8))).toBe(true);
  });

  it('requests the manifest, then each data file once', () => {
    expect(requests[0]).toBe('manifest.json');
    expect(requests.slice(1).sort()).toEqual([...DATA_FILES].sort());
  });

  it('reports progress from 0 to the total size the manifest lists', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { files: { compressedBytes: number }[] };
    const total = manifest.files.reduce((sum, file) => sum + file.compressedBytes, 0);
    expect(progress[0]).toEqual({ loadedBytes: 0, totalBytes: total });
    expect(progress.at(-1)).toEqual({ loadedBytes: total, totalBytes: total });
    for (let i = 1; i < progress.length; i++) expect(progress[i]?.loadedBytes).toBeGreaterThanOrEqual(progress[i - 1]?.loadedBytes ?? 0);
  });
});

describe('loadMnistBytes failures', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await preparedMnistAssets();
  }, 120_000);

  const loadWith = (fetch: FetchFunction, cache?: AssetCache): Promise<MnistBytes> =>
    loadMnistBytes({ fetch, baseUrl: TEST_MNIST_BASE_URL, cache });

  it('names the file and the HTTP status when a file is missing', async () => {
    const files = createMnistFileFetch(dir, {
      respond: (name) => (name === 't10k-labels.mnc' ? new Response('gone', { status: 404, statusText: 'Not Found' }) : undefined),
    });
    await expect(loadWith(files.fetch)).rejects.toThrow(
      /^MNIST file t10k-labels: HTTP 404 Not Found for https:\/\/mnist\.test\/data\/mnist\/t10k-labels\.mnc\?v=[0-9a-f]{16}$/,
    );
  });

  it('names the manifest when the manifest is missing', async () => {
    const files = createMnistFileFetch(dir, {
      respond: (name) => (name === 'manifest.json' ? new Response('', { status: 404, statusText: 'Not Found' }) : undefined),
    });
    const failure = loadWith(files.fetch);
    await expect(failure).rejects.toThrow('MNIST file manifest: HTTP 404 Not Found for https://mnist.test/data/mnist/manifest.json');
    await expect(failure).rejects.toBeInstanceOf(MnistError);
  });

  it('rejects a truncated download with the sizes', async () => {
    const files = createMnistFileFetch(dir, {
      respond: (name, body) => (name === 'train-labels.mnc' ? body?.subarray(0, 1000) : undefined),
    });
    await expect(loadWith(files.fetch)).rejects.toThrow(/^MNIST file train-labels: download truncated: got 1000 of \d+ bytes$/);
  });

  it('rejects a file longer than the manifest says, as from a newer deployment', async () => {
    const files = createMnistFileFetch(dir, {
      respond: (name, body) => (name === 't10k-labels.mnc' && body ? Uint8Array.from([...body, 0]) : undefined),
    });
    await expect(loadWith(files.fetch)).rejects.toThrow(
      /^MNIST file t10k-labels: the server sent more than the \d+ bytes the manifest lists/,
    );
  });

  it('rejects a file whose checksum does not match the manifest', async () => {
    const files = createMnistFileFetch(dir, {
      respond: (name, body) => {
        if (name !== 't10k-images.mnc' || body === undefined) return undefined;
        const damaged = body.slice();
        damaged[damaged.length - 1] = (body.at(-1) ?? 0) ^ 0xff;
        return damaged;
      },
    });
    await expect(loadWith(files.fetch)).rejects.toThrow(
      /^MNIST file t10k-images: SHA-256 mismatch: expected [0-9a-f]{64}, got [0-9a-f]{64}; the file is corrupt/,
    );
  });

  it('rejects a file with the wrong IDX magic number, naming both numbers', async () => {
    // A deployment mistake that passes the checksum: the manifest was regenerated for a bad file.
    const copy = await copyOfPreparedMnistAssets();
    const assetPath = join(copy, 't10k-labels.mnc');
    const asset = await readFile(assetPath);
    asset.writeUInt32BE(2051, 4); // the IDX header starts after the 4-byte "MNC1" tag
    await writeFile(assetPath, asset);
    const manifestPath = join(copy, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: { name: string; compressedSha256: string }[] };
    const entry = manifest.files.find((file) => file.name === 't10k-labels');
    if (entry) entry.compressedSha256 = createHash('sha256').update(asset).digest('hex');
    await writeFile(manifestPath, JSON.stringify(manifest));
    await expect(loadWith(createMnistFileFetch(copy).fetch)).rejects.toThrow(
      'MNIST file t10k-labels: expected magic 2049 (labels), got 2051 (images)',
    );
  });

  it('rejects a manifest of another format version', async () => {
    const copy = await copyOfPreparedMnistAssets();
    const manifestPath = join(copy, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: number };
    manifest.version = 99;
    await writeFile(manifestPath, JSON.stringify(manifest));
    await expect(loadWith(createMnistFileFetch(copy).fetch)).rejects.toThrow(
      'MNIST file manifest: version 99 is not supported (this loader reads version 1); reload the page',
    );
  });

  it('rejects as a whole and cancels the other downloads when one file fails', async () => {
    let stalledDownloadAborted = false;
    const files = createMnistFileFetch(dir);
    const fetch: FetchFunction = async (url, init) => {
      if (url.includes('train-images.mnc')) {
        // A download that would never finish on its own.
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            init.signal.addEventListener('abort', () => {
              stalledDownloadAborted = true;
              controller.error(init.signal.reason);
            });
          },
        });
        return new Response(body, { status: 200 });
      }
      if (url.includes('t10k-labels.mnc')) return new Response('', { status: 500, statusText: 'Internal Server Error' });
      return files.fetch(url, init);
    };
    await expect(loadWith(fetch)).rejects.toThrow('MNIST file t10k-labels: HTTP 500 Internal Server Error');
    expect(stalledDownloadAborted).toBe(true);
  });

  it('stops with the abort reason when the caller aborts', async () => {
    const controller = new AbortController();
    const files = createMnistFileFetch(dir, {
      respond: () => {
        controller.abort(new DOMException('The reader left', 'AbortError'));
        return undefined;
      },
    });
    await expect(loadMnistBytes({ fetch: files.fetch, baseUrl: TEST_MNIST_BASE_URL, signal: controller.signal })).rejects.toThrow(
      'The reader left',
    );
    await expect(loadMnistBytes({ fetch: files.fetch, baseUrl: TEST_MNIST_BASE_URL, signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('loadMnistBytes with a cache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await preparedMnistAssets();
  }, 120_000);

  it('does not fetch the data files again on a second load', async () => {
    const cache = createMemoryAssetCache();
    const first = createMnistFileFetch(dir);
    await loadMnistBytes({ fetch: first.fetch, baseUrl: TEST_MNIST_BASE_URL, cache });
    expect(first.requests).toHaveLength(5);

    const second = createMnistFileFetch(dir);
    const progress: MnistProgress[] = [];
    const bytes = await loadMnistBytes({
      fetch: second.fetch,
      baseUrl: TEST_MNIST_BASE_URL,
      cache,
      onProgress: (report) => progress.push(report),
    });
    expect(second.requests).toEqual(['manifest.json']);
    expect([...bytes.test.labels.subarray(0, 3)]).toEqual([7, 2, 1]);
    expect(progress.at(-1)?.loadedBytes).toBe(progress.at(-1)?.totalBytes);
  });

  it('still loads when the cache fails to store or to read', async () => {
    const broken: AssetCache = {
      get: () => Promise.reject(new Error('SecurityError: storage disabled')),
      put: () => Promise.reject(new DOMException('quota exceeded', 'QuotaExceededError')),
    };
    const files = createMnistFileFetch(dir);
    const bytes = await loadMnistBytes({ fetch: files.fetch, baseUrl: TEST_MNIST_BASE_URL, cache: broken });
    expect(bytes.train.count).toBe(60000);
  });

  it('downloads again when a cached copy is damaged', async () => {
    const damaged: AssetCache = {
      get: (key) => Promise.resolve(key.name === 'train-labels' ? new Uint8Array(24_000).buffer : undefined),
      put: () => Promise.resolve(),
    };
    const files = createMnistFileFetch(dir);
    const bytes = await loadMnistBytes({ fetch: files.fetch, baseUrl: TEST_MNIST_BASE_URL, cache: damaged });
    expect(files.requests).toContain('train-labels.mnc');
    expect(bytes.train.labels[0]).toBe(5);
  });
});
