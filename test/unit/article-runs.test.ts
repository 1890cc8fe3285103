import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../src/build/article/read-article.ts';
import { shownNames } from '../../src/build/article/shown-names.ts';
import { LOCAL_DATA_URL, localFolderFetch } from '../../src/build/bake/local-fetch.ts';
import { runArticle, type BakedArticle } from '../../src/build/bake/run-article.ts';
import { mnistLazyGlobal } from '../../src/runtime/mnist-global.ts';
import { preparedMnistAssets } from '../support/mnist-assets.ts';
import { parsePrintedTensor as printedTensor } from '../support/printed-tensor.ts';

const file = join(import.meta.dirname, '../../content/articles/fr/mnist-softmax.mdx');
let baked: BakedArticle;

beforeAll(async () => {
  const assets = await preparedMnistAssets();
  const record = readArticle(file);
  baked = await runArticle({
    article: record.article,
    file,
    record,
    resultNames: shownNames(record),
    lazyGlobals: { mnist: mnistLazyGlobal({ tf, fetch: localFolderFetch(assets), baseUrl: LOCAL_DATA_URL }) },
  });
}, 120_000);

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
    printedTensor(gradients, 'grad W[380]')
      .slice(0, 10)
      .forEach((value, i) => expect(value).toBeCloseTo(articleGradW380[i] ?? NaN, 1));
    const articleGradB = [
      19.99900627, -135.00904846, -32.00152588, -9.99949074, 18.00206184, 107.99274445, 41.992836, -27.99754715, 26.00336075, -8.99738121,
    ];
    printedTensor(gradients, 'grad b')
      .slice(0, 10)
      .forEach((value, i) => expect(Math.abs(value - (articleGradB[i] ?? NaN))).toBeLessThan(0.02));
    expect(baked.cells['train']?.output).toMatch(/^step 1: cross_entropy = 230\.26$/m); // 100 × ln(10)
  });

  it('trains a model as good as the article’s, and classifies test image 0 as a 7', () => {
    const accuracy = baked.cells['evaluate']?.results['accuracy'];
    expect(accuracy?.kind).toBe('number');
    expect(accuracy?.kind === 'number' && accuracy.value > 0.9 && accuracy.value < 0.93).toBe(true);
    const y0 = printedTensor(baked.cells['softmax']?.output ?? '', 'y');
    expect(y0.indexOf(Math.max(...y0))).toBe(7);
    expect(printedTensor(baked.cells['predictions']?.output ?? '', 'y')).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
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
