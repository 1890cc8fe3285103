/**
 * The French article's outputs as the build publishes them (cells run in Node, CPU backend), and two
 * kinds of checks on them: what the cells reproduce of the 2016 article, and what the editors' notes
 * state about the numbers (so that a note cannot silently go false).
 *
 * They come through the build's own outputs store: when a build already ran the same cells on the
 * same data with the same runtime (the store's key covers the cells' code, the data's checksum, the
 * TensorFlow.js version and the source of src/runtime, src/mnist, src/figures and src/build/bake),
 * its outputs are these; otherwise the test runs the article and leaves the outputs for the next
 * build. Under `npm test` the browser tests' build comes first, and the model trains once, not twice.
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../src/build/article/read-article.ts';
import { LOCAL_DATA_URL, localFolderFetch } from '../../src/build/bake/local-fetch.ts';
import { runArticle } from '../../src/build/bake/run-article.ts';
import { createOutputsStore, type ArticleOutputs } from '../../src/build/bake/outputs-store.ts';
import { OUTPUTS_CACHE_FOLDER } from '../../src/build/bake/bake-context.ts';
import { PROJECT_ROOT } from '../../scripts/support/build-site.ts';
import { mnistLazyGlobal } from '../../src/runtime/mnist-global.ts';
import { preparedMnistAssets, readSourceIdx } from '../support/mnist-assets.ts';
import { parsePrintedTensor } from '../support/printed-tensor.ts';

const file = join(import.meta.dirname, '../../content/articles/fr/mnist-softmax.mdx');
let baked: ArticleOutputs;
let testLabelCounts: number[];

const output = (cell: string) => baked.cells[cell]?.output ?? '';
const result = (name: string) => {
  const value = Object.values(baked.cells).find((cell) => name in cell.results)?.results[name];
  if (value?.kind !== 'number') throw new Error(`no number ${name} in the baked results`);
  return value.value;
};
/** The numbers a cell printed after `label`, e.g. "article: 2960.6". */
const printedNumber = (cell: string, label: string) => Number(new RegExp(`^${label} (\\S+)`, 'm').exec(output(cell))?.[1]);

beforeAll(async () => {
  const assets = await preparedMnistAssets();
  const store = createOutputsStore({
    // Astro's default cache folder, where `npm run build` keeps them.
    context: { root: PROJECT_ROOT, cacheDir: join(PROJECT_ROOT, 'node_modules/.astro', OUTPUTS_CACHE_FOLDER), mayRun: true },
    run: (options) =>
      runArticle({ ...options, lazyGlobals: { mnist: mnistLazyGlobal({ tf, fetch: localFolderFetch(assets), baseUrl: LOCAL_DATA_URL }) } }),
  });
  const outputs = await store.get(readArticle(file));
  if (!outputs) throw new Error('no outputs for the French article');
  baked = outputs;
  // The test set's labels, from the original IDX file (8 header bytes, then one byte per image).
  const labels = (await readSourceIdx('t10k-labels-idx1-ubyte')).subarray(8);
  testLabelCounts = Array.from({ length: 10 }, (_, digit) => labels.filter((label) => label === digit).length);
}, 180_000);

describe('the French article, run in Node on the CPU backend', () => {
  it('runs every cell in page order without error', () => {
    expect(Object.keys(baked.cells)).toEqual(readArticle(file).cells.map((cell) => cell.id));
  });

  it('reproduces the values that do not depend on the random batches, to the article’s precision', () => {
    const gradients = baked.cells['gradients']?.output ?? '';
    // Before training, W = 0 and b = 0: nothing random yet. The article printed these.
    expect(Number(/cross_entropy ([\d.]+)/.exec(gradients)?.[1]).toFixed(1)).toBe('23025.9'); // article: 23026.0 (float32 rounding)
    const articleGradW380 = [
      511.78765869, 59.3368187, -34.74549103, -163.8828125, -103.32589722, 181.61528015, 17.56824303, -60.38471603, -175.52197266,
      -232.44744873,
    ];
    parsePrintedTensor(gradients, 'grad W[380]')
      .slice(0, 10)
      .forEach((value, i) => expect(value).toBeCloseTo(articleGradW380[i] ?? NaN, 1));
    const articleGradB = [
      19.99900627, -135.00904846, -32.00152588, -9.99949074, 18.00206184, 107.99274445, 41.992836, -27.99754715, 26.00336075, -8.99738121,
    ];
    parsePrintedTensor(gradients, 'grad b')
      .slice(0, 10)
      .forEach((value, i) => expect(Math.abs(value - (articleGradB[i] ?? NaN))).toBeLessThan(0.02));
    expect(baked.cells['train']?.output).toMatch(/^step 1: cross_entropy = 230\.26$/m); // 100 × ln(10)
  });

  it('trains a model as good as the article’s, and classifies test image 0 as a 7', () => {
    const accuracy = baked.cells['evaluate']?.results['accuracy'];
    expect(accuracy?.kind).toBe('number');
    expect(accuracy?.kind === 'number' && accuracy.value > 0.9 && accuracy.value < 0.93).toBe(true);
    const y0 = parsePrintedTensor(baked.cells['softmax']?.output ?? '', 'y');
    expect(y0.indexOf(Math.max(...y0))).toBe(7);
    expect(parsePrintedTensor(baked.cells['predictions']?.output ?? '', 'y')).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
  });

  it('trains the same model with tf.layers in the appendix (cell keras), on the same batches, as well', () => {
    const keras = baked.cells['keras'];
    const kerasAccuracy = keras?.results['keras_accuracy'];
    const accuracy = baked.cells['evaluate']?.results['accuracy'];
    if (kerasAccuracy?.kind !== 'number' || accuracy?.kind !== 'number') throw new Error('no accuracies');
    expect(keras?.output).toBe(`accuracy: ${kerasAccuracy.value}`);
    // Same loss, optimizer and batches: a few test images apart at most (float rounding, Keras's clipping).
    expect(Math.abs(kerasAccuracy.value - accuracy.value)).toBeLessThan(0.002);
    // model.fitDataset's curves, drawn for the page: the first batch, then every 10th of the 1000.
    for (const series of ['loss', 'acc'])
      expect(keras?.plots?.[series]?.filter((_, i) => i % 2 === 0)).toEqual([1, ...Array.from({ length: 100 }, (_, i) => (i + 1) * 10)]);
  });
});

describe('the notes on the gradients', () => {
  it('are right that grad b at the start is 0.1 × 10,000 minus each digit’s count in the test set', () => {
    expect(testLabelCounts.reduce((sum, count) => sum + count, 0)).toBe(10_000);
    expect(testLabelCounts[1]).toBe(1135); // "Le jeu de test compte 1 135 « 1 »"
    const gradB = parsePrintedTensor(output('gradients'), 'grad b').slice(0, 10);
    gradB.forEach((value, digit) => expect(value).toBeCloseTo(0.1 * 10_000 - (testLabelCounts[digit] ?? NaN), 2));
  });

  it('are right that grad W[0] is zero: the top-left pixel is blank in every image', () => {
    expect(parsePrintedTensor(output('gradients'), 'grad W[0]').every((value) => value === 0)).toBe(true);
  });
});

describe('the note on the cross-entropy', () => {
  it('is right that with W = 0 and b = 0 the loss over the test set is 10,000 × ln 10', () => {
    expect(result('cross_entropy_start')).toBeCloseTo(10_000 * Math.log(10), 1);
  });
});

describe('the note on W[380]', () => {
  it('is right that the reader’s weight for 0 is negative, much larger than the author’s, and of another sign for 2, 3 and 7', () => {
    const author = [
      -0.23017341, 0.03032022, 0.02670325, -0.06415708, 0.07344861, -0.05119878, 0.03592584, -0.00460929, 0.09520938, 0.08853132,
    ];
    const ours = parsePrintedTensor(output('weight-rows'), 'W[380]').slice(0, 10);
    expect(result('W_380_0')).toBeCloseTo(ours[0] ?? NaN, 6);
    expect(ours[0]).toBeLessThan(0);
    expect(Math.abs(ours[0] ?? 0)).toBeGreaterThan(2 * Math.abs(author[0] ?? 0));
    for (const digit of [2, 3, 7]) expect(Math.sign(ours[digit] ?? 0), `digit ${digit}`).toBe(-Math.sign(author[digit] ?? 0));
  });
});

describe('the note on the values of the 7', () => {
  it('quotes the right logarithms and probabilities for the author’s three numbers', () => {
    expect(Math.log(0.996997833)).toBeCloseTo(-0.00301, 5);
    expect(Math.exp(-3.6344931e-3)).toBeCloseTo(0.99637, 5);
    expect(Math.exp(-0.00181153)).toBeCloseTo(0.99819, 5);
  });

  it('is right that in the cells the three values of the 7 go together', () => {
    // The cell prints two unlabelled tensors: log(y)[0], then (y_ * log(y))[0].
    const [logY, yTimesLogY] = output('log-y')
      .split('tf.Tensor(')
      .slice(1)
      .map((tensor) => [...tensor.slice(0, tensor.indexOf('shape=')).matchAll(/-?\d+(?:\.\d*)?(?:e[-+]\d+)?/g)].map((m) => Number(m[0])));
    const [logY7, yTimesLogY7] = [logY?.[7], yTimesLogY?.[7]];
    expect(logY7).toBeCloseTo(Math.log(result('p7')), 5);
    expect(yTimesLogY7).toBeCloseTo(logY7 ?? NaN, 6);
  });
});

describe('the appendix’s safe-loss cell', () => {
  it('gives one value for the three forms on the trained model, and NaN only for the article’s form on a sure answer', () => {
    const article = printedNumber('safe-loss', 'article:');
    expect(article).toBeCloseTo(result('cross_entropy_end'), 0);
    expect(printedNumber('safe-loss', 'logSoftmax:')).toBeCloseTo(article, 0);
    expect(printedNumber('safe-loss', 'tf.losses:')).toBeCloseTo(article, 0);
    const sure = output('safe-loss').slice(output('safe-loss').indexOf('softmax:'));
    expect(sure).toMatch(/^article: tf\.Tensor\( ?nan, /m);
    expect(sure).toMatch(/^logSoftmax: tf\.Tensor\(0\., /m);
    expect(sure).toMatch(/^tf\.losses: tf\.Tensor\(0\., /m);
  });
});
