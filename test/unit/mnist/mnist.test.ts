import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMnist, loadMnistBytes, type DataSet, type Mnist, type MnistBytes } from '../../../src/mnist/index.ts';
import { createMnistFileFetch, TEST_MNIST_BASE_URL } from '../../support/mnist-file-fetch.ts';
import { preparedMnistAssets } from '../../support/mnist-assets.ts';

/** Reads a batch back as (image bytes, label) pairs. */
function batchExamples([xs, ys]: [tf.Tensor2D, tf.Tensor2D]): { pixels: Uint8Array; label: number }[] {
  const [count, size] = xs.shape;
  const pixels = xs.dataSync();
  const labels = tf.argMax(ys, 1);
  const digits = labels.dataSync();
  labels.dispose();
  xs.dispose();
  ys.dispose();
  return Array.from({ length: count }, (_, row) => ({
    pixels: Uint8Array.from(pixels.subarray(row * size, (row + 1) * size), (value) => Math.round(value * 255)),
    label: digits[row] ?? -1,
  }));
}

/** A cheap identity for an example: FNV-1a over its pixels and label. */
function fingerprint(pixels: ArrayLike<number>, label: number, scale = 1): number {
  let hash = 0x811c9dc5 ^ label;
  for (let i = 0; i < pixels.length; i++) hash = Math.imul(hash ^ Math.round((pixels[i] ?? 0) * scale), 0x01000193);
  return hash >>> 0;
}

/** Fingerprints of the examples of a batch, straight from the float tensors. */
function batchFingerprints([xs, ys]: [tf.Tensor2D, tf.Tensor2D]): number[] {
  const size = xs.shape[1];
  const pixels = xs.dataSync();
  const digits = tf.tidy(() => tf.argMax(ys, 1).dataSync());
  tf.dispose([xs, ys]);
  return Array.from(digits, (label, row) => fingerprint(pixels.subarray(row * size, (row + 1) * size), label, 255));
}

function countValues(values: Iterable<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function* allFingerprints(set: DataSet): Generator<number> {
  for (let i = 0; i < set.numExamples; i++) yield fingerprint(set.imageBytes(i), set.label(i));
}

describe('the mnist object on the real data', () => {
  let bytes: MnistBytes;
  let mnist: Mnist;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    const files = createMnistFileFetch(await preparedMnistAssets());
    bytes = await loadMnistBytes({ fetch: files.fetch, baseUrl: TEST_MNIST_BASE_URL });
    mnist = createMnist(tf, bytes, { seed: 0 });
  }, 120_000);

  afterAll(() => mnist.dispose());

  it('splits like TensorFlow: 55,000 train, the last 5,000 training images for validation, 10,000 test', () => {
    expect([mnist.train.numExamples, mnist.validation.numExamples, mnist.test.numExamples]).toEqual([55000, 5000, 10000]);
    expect(mnist.validation.imageBytes(0)).toEqual(bytes.train.images.slice(55000 * 784, 55001 * 784));
    expect(mnist.validation.label(4999)).toBe(bytes.train.labels[59999]);
    expect(mnist.test.label(0)).toBe(7);
    expect(mnist.train.label(0)).toBe(5);
  });

  it('gives test images as float32 [10000, 784] with values byte/255 in [0, 1]', () => {
    const images = mnist.test.images;
    expect(images.shape).toEqual([10000, 784]);
    expect(images.dtype).toBe('float32');
    const [min, max] = tf.tidy(() => [tf.min(images).dataSync()[0], tf.max(images).dataSync()[0]]);
    expect([min, max]).toEqual([0, 1]);
    const first = images.dataSync().subarray(0, 784);
    expect(Array.from(first)).toEqual(Array.from(mnist.test.imageBytes(0), (byte) => Math.fround(byte / 255)));
  });

  it('gives one-hot float32 labels that match label(i)', () => {
    const labels = mnist.test.labels;
    expect(labels.shape).toEqual([10000, 10]);
    expect(labels.dtype).toBe('float32');
    const values = labels.dataSync();
    for (let i = 0; i < 10000; i++) {
      const row = Array.from(values.subarray(i * 10, (i + 1) * 10));
      expect(row.filter((value) => value === 1)).toHaveLength(1);
      expect(row.filter((value) => value === 0)).toHaveLength(9);
      expect(row.indexOf(1)).toBe(mnist.test.label(i));
    }
  });

  it('builds images once, keeps them through tf.tidy, and rebuilds after dispose', () => {
    const inside = tf.tidy(() => {
      expect(mnist.validation.images.shape).toEqual([5000, 784]);
      return tf.scalar(0);
    });
    inside.dispose();
    const images = mnist.validation.images;
    expect(images.isDisposed).toBe(false);
    const tensorsBefore = tf.memory().numTensors;
    expect(mnist.validation.images).toBe(images);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    mnist.validation.dispose();
    expect(images.isDisposed).toBe(true);
    expect(mnist.validation.images.isDisposed).toBe(false);
    mnist.validation.dispose();
  });

  it('returns batches of new float32 tensors [n, 784] and [n, 10]', () => {
    const tensorsBefore = tf.memory().numTensors;
    const [xs, ys] = mnist.train.nextBatch(100);
    expect(xs.shape).toEqual([100, 784]);
    expect(ys.shape).toEqual([100, 10]);
    expect([xs.dtype, ys.dtype]).toEqual(['float32', 'float32']);
    expect(tf.memory().numTensors).toBe(tensorsBefore + 2);
    tf.dispose([xs, ys]);
    expect(() => mnist.train.nextBatch(0)).toThrow(RangeError);
    expect(() => mnist.train.nextBatch(55001)).toThrow(RangeError);
  });

  it('visits every training example exactly once per epoch', () => {
    const fresh = createMnist(tf, bytes, { seed: 3 });
    const seen: number[] = [];
    for (let batch = 0; batch < 55; batch++) seen.push(...batchFingerprints(fresh.train.nextBatch(1000)));
    expect(fresh.train.epochsCompleted).toBe(0);
    // The same multiset of examples (MNIST has a few identical images, so not a set).
    expect(countValues(seen)).toEqual(countValues(allFingerprints(fresh.train)));
    // Batches are shuffled, not in file order.
    expect(seen.slice(0, 10)).not.toEqual([...allFingerprints(fresh.train)].slice(0, 10));
    tf.dispose(fresh.train.nextBatch(1));
    expect(fresh.train.epochsCompleted).toBe(1);
  });

  it('gives the same batches for the same seed and different ones for another seed', () => {
    const batches = (seed: number): number[][] => {
      const set = createMnist(tf, bytes, { seed }).train;
      return Array.from({ length: 3 }, () => batchFingerprints(set.nextBatch(50)));
    };
    expect(batches(42)).toEqual(batches(42));
    expect(batches(42)).not.toEqual(batches(43));
  });
});

describe('nextBatch across the end of an epoch', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  /** Ten examples; every pixel of example i is i, its label is i. */
  const tenExamples: MnistBytes = {
    train: {
      images: Uint8Array.from({ length: 10 * 4 }, (_, at) => Math.floor(at / 4)),
      labels: Uint8Array.from({ length: 10 }, (_, i) => i),
      count: 10,
      rows: 2,
      cols: 2,
    },
    test: { images: new Uint8Array(4), labels: new Uint8Array(1), count: 1, rows: 2, cols: 2 },
  };

  const labelsOf = (batch: [tf.Tensor2D, tf.Tensor2D]): number[] => batchExamples(batch).map(({ label }) => label);

  it('completes the last partial batch from the next epoch, as TensorFlow does', () => {
    const { train } = createMnist(tf, tenExamples, { seed: 1, validationSize: 0 });
    const first = labelsOf(train.nextBatch(4));
    const second = labelsOf(train.nextBatch(4));
    expect(train.epochsCompleted).toBe(0);
    const third = labelsOf(train.nextBatch(4));
    expect(train.epochsCompleted).toBe(1);
    // The first epoch is the first two batches plus the start of the third.
    expect([...first, ...second, ...third.slice(0, 2)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The next epoch starts with the end of the third batch: 8 more make it whole.
    const rest = [...third.slice(2), ...labelsOf(train.nextBatch(8))];
    expect(rest.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(train.epochsCompleted).toBe(1);
  });

  it('keeps pixels and labels of an example together', () => {
    const { train } = createMnist(tf, tenExamples, { seed: 2, validationSize: 0 });
    for (const { pixels, label } of batchExamples(train.nextBatch(10))) expect([...pixels]).toEqual([label, label, label, label]);
  });

  it('rejects labels that are not digits', () => {
    const bad: MnistBytes = { ...tenExamples, test: { ...tenExamples.test, labels: Uint8Array.of(10) } };
    expect(() => createMnist(tf, bad, { validationSize: 0 })).toThrow('test label 0 is 10, not a digit 0..9');
  });
});
