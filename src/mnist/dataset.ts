/**
 * DataSet: one split of MNIST, the counterpart of TensorFlow 1.x's
 * tensorflow/contrib/learn/python/learn/datasets/mnist.py DataSet with
 * one_hot=True. It keeps only the raw bytes; float tensors are built per
 * batch, or once on first use of `images` / `labels`.
 */
import type * as tfjs from '@tensorflow/tfjs-core';
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { createRandom, shuffleInPlace } from './random.ts';

/** The tf namespace (`import * as tf from '@tensorflow/tfjs-core'`), passed in by the caller. */
export type TfCore = typeof tfjs;

export const NUM_CLASSES = 10;

export interface DataSet {
  /** Number of examples in this split. */
  readonly numExamples: number;
  /** Pixels per image: 784 for MNIST's 28×28. */
  readonly imageSize: number;
  /** All images, float32 [numExamples, imageSize], values byte/255 in [0, 1]. Built on first access, then kept until dispose(). */
  readonly images: Tensor2D;
  /** All labels one-hot, float32 [numExamples, 10]. Built on first access, then kept until dispose(). */
  readonly labels: Tensor2D;
  /** Completed passes of nextBatch over the data, as in TensorFlow. */
  readonly epochsCompleted: number;
  /**
   * The next `batchSize` examples as new tensors [xs, ys] of shapes
   * [batchSize, imageSize] and [batchSize, 10]; the caller disposes them
   * (or calls nextBatch inside tf.tidy). The examples are shuffled with a
   * new permutation each epoch; a batch that crosses the end of an epoch
   * is completed from the start of the next one.
   */
  nextBatch(batchSize: number): [Tensor2D, Tensor2D];
  /** A copy of image `index` (original order) as imageSize grey levels 0..255. */
  imageBytes(index: number): Uint8Array;
  /** The digit of example `index` (original order). */
  label(index: number): number;
  /** Frees the `images` and `labels` tensors if they were built; they are rebuilt on next access. */
  dispose(): void;
  /** Starts nextBatch over from the first batch of the first epoch, as if freshly created. */
  rewind(): void;
}

export interface DataSetSource {
  /** numExamples × imageSize bytes. */
  readonly images: Uint8Array;
  /** numExamples digits 0..9. */
  readonly labels: Uint8Array;
  readonly numExamples: number;
  readonly imageSize: number;
}

/** byte → byte/255 as float32, computed once. */
const PIXEL_VALUE = Float32Array.from({ length: 256 }, (_, byte) => byte / 255);

export function createDataSet(tf: TfCore, source: DataSetSource, seed: number): DataSet {
  const { images, labels, numExamples, imageSize } = source;
  let random = createRandom(seed);
  let imagesTensor: Tensor2D | undefined;
  let labelsTensor: Tensor2D | undefined;
  let order: Uint32Array | undefined;
  let indexInEpoch = 0;
  let epochsCompleted = 0;

  const checkIndex = (index: number): void => {
    if (!Number.isInteger(index) || index < 0 || index >= numExamples) {
      throw new RangeError(`index ${index} is outside this data set (0..${numExamples - 1})`);
    }
  };

  const imageFloats = (indices: ArrayLike<number>): Float32Array => {
    const floats = new Float32Array(indices.length * imageSize);
    for (let row = 0; row < indices.length; row++) {
      const from = (indices[row] ?? 0) * imageSize;
      const to = row * imageSize;
      for (let pixel = 0; pixel < imageSize; pixel++) floats[to + pixel] = PIXEL_VALUE[images[from + pixel] ?? 0] ?? 0;
    }
    return floats;
  };

  const oneHotLabels = (indices: ArrayLike<number>): Float32Array => {
    const floats = new Float32Array(indices.length * NUM_CLASSES);
    for (let row = 0; row < indices.length; row++) floats[row * NUM_CLASSES + (labels[indices[row] ?? 0] ?? 0)] = 1;
    return floats;
  };

  const allIndices = (): Uint32Array => Uint32Array.from({ length: numExamples }, (_, index) => index);

  // tf.keep: the first access may happen inside someone's tf.tidy, which
  // would otherwise dispose the tensor we intend to keep.
  const buildImages = (): Tensor2D => tf.keep(tf.tensor2d(imageFloats(allIndices()), [numExamples, imageSize], 'float32'));
  const buildLabels = (): Tensor2D => tf.keep(tf.tensor2d(oneHotLabels(allIndices()), [numExamples, NUM_CLASSES], 'float32'));

  return {
    numExamples,
    imageSize,
    get images(): Tensor2D {
      if (imagesTensor === undefined || imagesTensor.isDisposed) imagesTensor = buildImages();
      return imagesTensor;
    },
    get labels(): Tensor2D {
      if (labelsTensor === undefined || labelsTensor.isDisposed) labelsTensor = buildLabels();
      return labelsTensor;
    },
    get epochsCompleted(): number {
      return epochsCompleted;
    },
    nextBatch(batchSize: number): [Tensor2D, Tensor2D] {
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > numExamples) {
        throw new RangeError(`batch size must be an integer from 1 to ${numExamples}, got ${batchSize}`);
      }
      // Mirrors TensorFlow's next_batch step for step, with an index
      // permutation instead of reordered arrays.
      if (order === undefined) {
        order = allIndices();
        shuffleInPlace(order, random);
      }
      const start = indexInEpoch;
      const picked = new Uint32Array(batchSize);
      if (start + batchSize > numExamples) {
        epochsCompleted++;
        const rest = numExamples - start;
        picked.set(order.subarray(start, numExamples), 0);
        shuffleInPlace(order, random);
        indexInEpoch = batchSize - rest;
        picked.set(order.subarray(0, indexInEpoch), rest);
      } else {
        indexInEpoch += batchSize;
        picked.set(order.subarray(start, indexInEpoch), 0);
      }
      return [
        tf.tensor2d(imageFloats(picked), [batchSize, imageSize], 'float32'),
        tf.tensor2d(oneHotLabels(picked), [batchSize, NUM_CLASSES], 'float32'),
      ];
    },
    imageBytes(index: number): Uint8Array {
      checkIndex(index);
      return images.slice(index * imageSize, (index + 1) * imageSize);
    },
    label(index: number): number {
      checkIndex(index);
      return labels[index] ?? 0;
    },
    dispose(): void {
      imagesTensor?.dispose();
      labelsTensor?.dispose();
      imagesTensor = undefined;
      labelsTensor = undefined;
    },
    rewind(): void {
      random = createRandom(seed);
      order = undefined;
      indexInEpoch = 0;
      epochsCompleted = 0;
    },
  };
}
