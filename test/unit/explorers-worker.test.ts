/**
 * The explorers' side of the session worker, in Node on the CPU backend: questions answered on the
 * model a view shows (a session variable, a snapshot of it, the build's model file), with the test
 * set alone, and a training cell's variables sent every N steps.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../src/runtime/tf-extensions.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { CellSession } from '../../src/runtime/cell-session.ts';
import type { FromWorker, QueryValue } from '../../src/runtime/protocol.ts';
import { createMnistTestSet, loadMnistTestBytes, type Mnist, type MnistSplitBytes } from '../../src/mnist/index.ts';
import { ExplorerQueries } from '../../src/worker/explorer-queries.ts';
import { ExplorerTestSet } from '../../src/worker/explorer-test-set.ts';
import { TrainingWatch } from '../../src/worker/training-watch.ts';
import { bytesToInput, predictionOf, probabilitiesOf, type ModelValues } from '../../src/explorables/model.ts';
import { findMistake } from '../../src/explorables/mistakes.ts';
import { encodeModelAsset } from '../../src/explorables/model-asset.ts';
import type { DrawingAnswer, TestImageAnswer } from '../../src/explorables/queries.ts';
import { createMnistFileFetch, TEST_MNIST_BASE_URL } from '../support/mnist-file-fetch.ts';
import { preparedMnistAssets } from '../support/mnist-assets.ts';

let test: MnistSplitBytes;
let requests: string[];
/** A model made from the test set's class means: good enough to be right often and wrong sometimes. */
let model: ModelValues & { weights: number[]; bias: number[] };
let predictions: number[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  const files = createMnistFileFetch(await preparedMnistAssets());
  test = await loadMnistTestBytes({ fetch: files.fetch, baseUrl: TEST_MNIST_BASE_URL });
  requests = files.requests;
  const sums = Array.from({ length: 10 }, () => new Float64Array(784));
  const counts = new Array<number>(10).fill(0);
  for (let index = 0; index < test.count; index++) {
    const label = test.labels[index] ?? 0;
    counts[label] = (counts[label] ?? 0) + 1;
    const sum = sums[label] as Float64Array;
    for (let pixel = 0; pixel < 784; pixel++) sum[pixel] = (sum[pixel] ?? 0) + (test.images[index * 784 + pixel] ?? 0) / 255;
  }
  const weights = new Array<number>(7840);
  for (let pixel = 0; pixel < 784; pixel++) {
    for (let digit = 0; digit < 10; digit++)
      weights[pixel * 10 + digit] = Math.fround(((sums[digit] as Float64Array)[pixel] ?? 0) / (counts[digit] ?? 1) - 0.1);
  }
  model = { weights, bias: new Array(10).fill(0) };
  predictions = Array.from({ length: test.count }, (_, index) =>
    predictionOf(probabilitiesOf(model, bytesToInput(test.images.subarray(index * 784, (index + 1) * 784)))),
  );
}, 120_000);

async function sessionWithModel(): Promise<{ session: CellSession; queries: ExplorerQueries; fetched: string[] }> {
  const session = new CellSession({ tf, onOutput: () => {}, globals: { weightsData: model.weights } });
  const outcome = await session.run(
    1,
    'train',
    'const W = tf.variable(tf.tensor2d(weightsData, [784, 10]));\nconst b = tf.variable(tf.zeros([10]));',
    {
      stamp: 'train#1',
      snapshot: ['W', 'b'],
    },
  );
  expect(outcome.ok).toBe(true);
  const fetched: string[] = [];
  const asset = encodeModelAsset(model);
  const queries = new ExplorerQueries({
    tf,
    session,
    testSet: new ExplorerTestSet(
      tf,
      async () => test,
      () => undefined,
    ),
    fetch: async (url) => {
      fetched.push(url);
      return new Response(asset.slice().buffer);
    },
  });
  return { session, queries, fetched };
}

const SESSION: QueryValue[] = [{ name: 'W' }, { name: 'b' }];
const SNAPSHOT: QueryValue[] = [
  { name: 'W', key: 'W@train#1' },
  { name: 'b', key: 'b@train#1' },
];
const FILE: QueryValue[] = [
  { name: 'W', asset: { url: 'https://site.test/models/m.bin', offset: 0, shape: [784, 10] } },
  { name: 'b', asset: { url: 'https://site.test/models/m.bin', offset: 7840, shape: [10] } },
];

async function ask(queries: ExplorerQueries, program: string, args: unknown, values: QueryValue[]): Promise<unknown> {
  const answer = await queries.answer({ type: 'query', runId: 1, program, args, values });
  expect(answer.error).toBeUndefined();
  return answer.result;
}

describe('the explorers’ questions, answered in the worker', () => {
  it('loads the test set alone: the manifest and the two test files', () => {
    expect(requests[0]).toBe('manifest.json');
    expect(requests.slice(1).sort()).toEqual(['t10k-images.mnc', 't10k-labels.mnc']);
  });

  it('shows test image 0 (a 7) with the model’s probabilities, prediction and count of mistakes', async () => {
    const { queries } = await sessionWithModel();
    const answer = (await ask(queries, 'test-image', { index: 0 }, SESSION)) as TestImageAnswer;
    expect(answer.label).toBe(7);
    expect(answer.bytes).toEqual([...test.images.subarray(0, 784)]);
    expect(answer.prediction).toBe(predictions[0]);
    expect(answer.probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 5);
    expect(answer.count).toBe(10_000);
    expect(answer.mistakes).toBe(predictions.filter((prediction, index) => prediction !== test.labels[index]).length);
  });

  it('jumps to the next and the previous image the model misreads', async () => {
    const { queries } = await sessionWithModel();
    const next = (await ask(queries, 'test-image', { index: 0, seek: 'next-mistake' }, SESSION)) as TestImageAnswer;
    expect(next.index).toBe(findMistake(predictions, test.labels, 0, 1));
    expect(next.prediction).not.toBe(next.label);
    const previous = (await ask(queries, 'test-image', { index: 0, seek: 'previous-mistake' }, SESSION)) as TestImageAnswer;
    expect(previous.index).toBe(findMistake(predictions, test.labels, 0, -1));
    expect(previous.index).toBeGreaterThan(next.index);
  });

  it('reads the model a view shows from its snapshot after a later cell changed it', async () => {
    const { session, queries } = await sessionWithModel();
    expect((await session.run(2, 'step', 'W.assign(tf.zeros([784, 10]))')).ok).toBe(true);
    const kept = (await ask(queries, 'test-image', { index: 0 }, SNAPSHOT)) as TestImageAnswer;
    const current = (await ask(queries, 'test-image', { index: 0 }, SESSION)) as TestImageAnswer;
    expect(kept.prediction).toBe(predictions[0]);
    // W = 0 and b = 0: ten equal probabilities, and the first digit wins.
    expect(current.prediction).toBe(0);
    expect(current.probabilities.every((p) => Math.abs(p - 0.1) < 1e-6)).toBe(true);
  });

  it('uses the build’s model file before any run, fetched once', async () => {
    const { queries, fetched } = await sessionWithModel();
    const fromFile = (await ask(queries, 'test-image', { index: 0, seek: 'next-mistake' }, FILE)) as TestImageAnswer;
    const fromSession = (await ask(queries, 'test-image', { index: 0, seek: 'next-mistake' }, SESSION)) as TestImageAnswer;
    expect(fromFile).toEqual(fromSession);
    await ask(queries, 'test-image', { index: 5 }, FILE);
    expect(fetched).toEqual(['https://site.test/models/m.bin']);
  });

  it('says what is wrong with a model it cannot use, instead of failing', async () => {
    const { session, queries } = await sessionWithModel();
    await session.run(2, 'odd', 'const W2 = tf.zeros([10, 10]);');
    expect(await ask(queries, 'test-image', { index: 0 }, [{ name: 'W2' }, { name: 'b' }])).toEqual({
      problem: 'shape',
      detail: 'W has shape [10, 10], not [784, 10]',
    });
    expect(await ask(queries, 'test-image', { index: 0 }, [{ name: 'nothing' }, { name: 'b' }])).toEqual({
      problem: 'missing',
      name: 'nothing',
    });
    const unknown = await queries.answer({ type: 'query', runId: 9, program: 'rm -rf', args: {}, values: SESSION });
    expect(unknown).toEqual({ type: 'query-result', runId: 9, error: 'unknown explorer program "rm -rf"' });
  });

  it('reads a drawing with the model, and an empty pad as nothing', async () => {
    const { queries } = await sessionWithModel();
    expect(await ask(queries, 'classify-drawing', { strokes: [] }, SESSION)).toEqual({ empty: true });
    const one = (await ask(
      queries,
      'classify-drawing',
      {
        strokes: [
          [
            [0.5, 0.15],
            [0.5, 0.85],
          ],
        ],
      },
      SESSION,
    )) as Exclude<DrawingAnswer, { empty: true }>;
    expect(one.pixels).toHaveLength(784);
    expect(one.probabilities).toHaveLength(10);
    expect(one.prediction).toBe(predictionOf(probabilitiesOf(model, one.pixels)));
    // A plain upright stroke, made MNIST-like, is a 1 for this model.
    expect(one.prediction).toBe(1);
  });
});

describe('the explorers’ test images', () => {
  it('wait for the session’s download under way instead of downloading the test set a second time', async () => {
    let downloads = 0;
    const session: { mnist?: Mnist } = {};
    let finishSessionLoad: () => void = () => {};
    const sessionLoading = new Promise<void>((resolve) => (finishSessionLoad = resolve));
    const own = new ExplorerTestSet(
      tf,
      async () => (downloads++, test),
      () => session.mnist,
      () => sessionLoading,
    );
    const ready = own.ready();
    const sessionTest = createMnistTestSet(tf, test);
    session.mnist = { test: sessionTest } as unknown as Mnist;
    finishSessionLoad();
    await ready;
    expect(downloads).toBe(0);
    expect(own.current()).toBe(sessionTest);
    sessionTest.dispose();
  });

  it('download the test set on their own when the session’s download fails', async () => {
    let downloads = 0;
    const own = new ExplorerTestSet(
      tf,
      async () => (downloads++, test),
      () => undefined,
      () => Promise.reject(new Error('offline')),
    );
    await own.ready();
    expect(downloads).toBe(1);
    expect(own.current().numExamples).toBe(test.count);
    own.current().dispose();
  });
});

describe('training you can watch', () => {
  it('sends the watched variables a running cell changed, every N steps, and not its last step', async () => {
    const frames: Array<Extract<FromWorker, { type: 'watch-frame' }>> = [];
    const watch = new TrainingWatch(tf, (message) => {
      if (message.type === 'watch-frame') frames.push(message);
    });
    watch.configure(['W', 'untouched'], 2);
    const W = tf.variable(tf.zeros([2]));
    const untouched = tf.variable(tf.ones([1]));
    const scope = { W, untouched };
    for (let step = 1; step <= 6; step++) {
      W.assign(tf.fill([2], step));
      watch.progress(1, step, 6, scope);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(frames.map((frame) => [frame.step, frame.values['W']?.kind === 'tensor' ? frame.values['W'].values : undefined])).toEqual([
      [2, [2, 2]],
      [4, [4, 4]],
    ]);
    expect(frames.every((frame) => !('untouched' in frame.values))).toBe(true);
    watch.configure(['W'], 0);
    watch.progress(2, 1, 6, scope);
    W.assign(tf.fill([2], 9));
    watch.progress(2, 2, 6, scope);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(frames).toHaveLength(2);
    tf.dispose([W, untouched]);
  });

  it('keeps frames a least time apart where WebGL renders in software, still at every N steps', async () => {
    let now = 0;
    const steps: number[] = [];
    const watch = new TrainingWatch(
      tf,
      (message) => {
        if (message.type === 'watch-frame') steps.push(message.step);
      },
      () => now,
    );
    watch.configure(['W'], 2);
    watch.gapMs = 1_000;
    const W = tf.variable(tf.zeros([2]));
    // 300 ms a step: the first frame at step 2 (300 ms), then the first even step a second later,
    // 6 (1500 ms), then 10 (2700 ms); without the gap, every even step.
    for (let step = 1; step <= 12; step++) {
      W.assign(tf.fill([2], step));
      watch.progress(1, step, 100, { W });
      await watch.settled();
      now += 300;
    }
    expect(steps).toEqual([2, 6, 10]);
    tf.dispose(W);
  });
});
