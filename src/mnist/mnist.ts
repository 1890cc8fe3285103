/**
 * createMnist: the `mnist` object of the article, shaped like TensorFlow's
 * input_data.read_data_sets('MNIST_data', one_hot=True).
 */
import { createDataSet, NUM_CLASSES, type DataSet, type TfCore } from './dataset.ts';
import type { MnistBytes, MnistSplitBytes } from './load.ts';
import { deriveSeed } from './random.ts';

export interface Mnist {
  /** The first 55,000 training images (60,000 minus validationSize). */
  readonly train: DataSet;
  /** The last 5,000 training images (validationSize). */
  readonly validation: DataSet;
  /** The 10,000 test images, in their original order. */
  readonly test: DataSet;
  /** Disposes the tensors all three data sets built. */
  dispose(): void;
  /** Rewinds the batches of all three data sets (DataSet.rewind). */
  rewind(): void;
}

export interface CreateMnistOptions {
  /** Seeds nextBatch's shuffling; the same seed gives the same batches everywhere. Default 0. */
  readonly seed?: number | undefined;
  /** Training examples held out for validation, as in TensorFlow. Default 5000. */
  readonly validationSize?: number | undefined;
}

export function createMnist(tf: TfCore, bytes: MnistBytes, options: CreateMnistOptions = {}): Mnist {
  const seed = options.seed ?? 0;
  const validationSize = options.validationSize ?? 5000;
  const { train, test } = bytes;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(validationSize) || validationSize < 0 || validationSize > train.count) {
    throw new RangeError(`validationSize must be an integer from 0 to ${train.count}, got ${validationSize}`);
  }
  checkLabels(train.labels, 'train');
  checkLabels(test.labels, 'test');

  const imageSize = train.rows * train.cols;
  const trainCount = train.count - validationSize;
  // subarray: views into the loaded bytes, no copies.
  const trainSet = createDataSet(
    tf,
    {
      images: train.images.subarray(0, trainCount * imageSize),
      labels: train.labels.subarray(0, trainCount),
      numExamples: trainCount,
      imageSize,
    },
    deriveSeed(seed, 0),
  );
  const validationSet = createDataSet(
    tf,
    {
      images: train.images.subarray(trainCount * imageSize),
      labels: train.labels.subarray(trainCount),
      numExamples: validationSize,
      imageSize,
    },
    deriveSeed(seed, 1),
  );
  const testSet = createDataSet(
    tf,
    { images: test.images, labels: test.labels, numExamples: test.count, imageSize: test.rows * test.cols },
    deriveSeed(seed, 2),
  );
  return {
    train: trainSet,
    validation: validationSet,
    test: testSet,
    dispose(): void {
      trainSet.dispose();
      validationSet.dispose();
      testSet.dispose();
    },
    rewind(): void {
      trainSet.rewind();
      validationSet.rewind();
      testSet.rewind();
    },
  };
}

/**
 * The test set alone (from loadMnistTestBytes), as `mnist.test` would hold it: same data, same
 * seeded batches. For looking at test images without loading the training set.
 */
export function createMnistTestSet(tf: TfCore, test: MnistSplitBytes, options: Pick<CreateMnistOptions, 'seed'> = {}): DataSet {
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  checkLabels(test.labels, 'test');
  return createDataSet(
    tf,
    { images: test.images, labels: test.labels, numExamples: test.count, imageSize: test.rows * test.cols },
    deriveSeed(seed, 2),
  );
}

function checkLabels(labels: Uint8Array, split: string): void {
  const bad = labels.findIndex((label) => label >= NUM_CLASSES);
  if (bad !== -1) throw new RangeError(`${split} label ${bad} is ${labels[bad]}, not a digit 0..9`);
}
