import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMnist, createMnistTestSet, loadMnistBytes, loadMnistTestBytes, type MnistProgress } from '../../../src/mnist/index.ts';
import { createMnistFileFetch, TEST_MNIST_BASE_URL } from '../../support/mnist-file-fetch.ts';
import { preparedMnistAssets, readSourceIdx } from '../../support/mnist-assets.ts';

describe('loading the test set alone', () => {
  let dir: string;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    dir = await preparedMnistAssets();
  }, 120_000);

  it('downloads only the manifest and the two test files, and gives the test split byte for byte', async () => {
    const files = createMnistFileFetch(dir);
    const progress: MnistProgress[] = [];
    const test = await loadMnistTestBytes({
      fetch: files.fetch,
      baseUrl: TEST_MNIST_BASE_URL,
      onProgress: (report) => progress.push(report),
    });
    expect(files.requests.sort()).toEqual(['manifest.json', 't10k-images.mnc', 't10k-labels.mnc']);
    expect([test.count, test.rows, test.cols]).toEqual([10000, 28, 28]);
    expect(Buffer.from(test.images).equals((await readSourceIdx('t10k-images-idx3-ubyte')).subarray(16))).toBe(true);
    expect(Buffer.from(test.labels).equals((await readSourceIdx('t10k-labels-idx1-ubyte')).subarray(8))).toBe(true);
    // Progress counts these two files only (about 1.1 MB, not the 7.8 MB of all four).
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
      files: { name: string; compressedBytes: number }[];
    };
    const total = manifest.files.filter((file) => file.name.startsWith('t10k')).reduce((sum, file) => sum + file.compressedBytes, 0);
    expect(progress.at(-1)).toEqual({ loadedBytes: total, totalBytes: total });
  });

  it('makes the same test set as the whole data set does, batches included', async () => {
    const files = createMnistFileFetch(dir);
    const alone = createMnistTestSet(tf, await loadMnistTestBytes({ fetch: files.fetch, baseUrl: TEST_MNIST_BASE_URL }), { seed: 0 });
    const whole = createMnist(tf, await loadMnistBytes({ fetch: createMnistFileFetch(dir).fetch, baseUrl: TEST_MNIST_BASE_URL }), {
      seed: 0,
    }).test;
    expect(alone.numExamples).toBe(10000);
    expect([...alone.imageBytes(9999)]).toEqual([...whole.imageBytes(9999)]);
    expect(alone.label(8)).toBe(5);
    const [a] = alone.nextBatch(3);
    const [b] = whole.nextBatch(3);
    expect(await a.array()).toEqual(await b.array());
  });

  it('names the file when one of the two fails', async () => {
    const files = createMnistFileFetch(dir, {
      respond: (name) => (name === 't10k-labels.mnc' ? new Response('gone', { status: 404, statusText: 'Not Found' }) : undefined),
    });
    await expect(loadMnistTestBytes({ fetch: files.fetch, baseUrl: TEST_MNIST_BASE_URL })).rejects.toThrow(
      /^MNIST file t10k-labels: HTTP 404/,
    );
  });
});
