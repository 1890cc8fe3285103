/**
 * The notebook's promise, on the real article: whatever order a reader runs its cells in, each
 * cell shows what Run all shows. Run in Node on the CPU backend, like the build.
 */
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../src/runtime/tf-extensions.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../src/build/article/read-article.ts';
import { notebookNodes } from '../../src/build/article/notebook-nodes.ts';
import { shownNames } from '../../src/build/article/shown-names.ts';
import { LOCAL_DATA_URL, localFolderFetch } from '../../src/build/bake/local-fetch.ts';
import { CellSession } from '../../src/runtime/cell-session.ts';
import { loadMnistGlobal } from '../../src/runtime/mnist-global.ts';
import { LocalKernel, type NodeSource } from '../../src/runtime/notebook/local-kernel.ts';
import { Notebook } from '../../src/runtime/notebook/notebook.ts';
import { createRandom, shuffleInPlace } from '../../src/mnist/random.ts';
import type { Mnist } from '../../src/mnist/index.ts';
import { preparedMnistAssets } from '../support/mnist-assets.ts';
import { layersExtension } from '../../src/runtime/layers/layers-extension.ts';
import { importLayersModules } from '../../src/build/bake/layers-modules.ts';

const record = readArticle(join(import.meta.dirname, '../../content/articles/fr/mnist-softmax.mdx'));
/**
 * The article's `steps` control set to 50 instead of 1000: the rules do not depend on the number of
 * training steps, and the suite must stay fast on a 2-core machine. Everything else is the article.
 */
const STEPS = 50;
const cellIds = record.cells.map((cell) => cell.id);
let mnist: Promise<Mnist>;

/** Writes seen at run time by Run all: the page gets them from the build, so the test does too. */
const bakedWrites = new Map<string, string[]>();

/** A fresh session on the article; `outputs` holds what each cell showed at its latest run. */
function articleNotebook() {
  const outputs = new Map<string, string>();
  const runIds = new Map<number, string>();
  const lines = new Map<number, string[]>();
  const session = new CellSession({
    tf,
    onOutput: (runId, event) => {
      if (event.kind === 'line') lines.set(runId, [...(lines.get(runId) ?? []), event.text]);
    },
    // One download for the whole test; rewound before each cell, as in the page.
    lazyGlobals: { mnist: { load: () => mnist, beforeCell: (value) => (value as Mnist).rewind() } },
    // The appendix's Keras cell uses the layers API, loaded as the page and the build load it.
    extensions: [layersExtension(importLayersModules)],
  });
  const sources = new Map<string, NodeSource>(record.cells.map((cell) => [cell.id, { kind: 'cell', code: cell.code }]));
  for (const node of notebookNodes(record)) {
    if (node.kind !== 'control') continue;
    const name = node.defines[0] ?? '';
    sources.set(node.id, { kind: 'control', name, value: name === 'steps' ? STEPS : node.value });
  }
  const runs = new Map<string, number>();
  const kernel = new LocalKernel(session, sources, shownNames(record), ({ id, runId, outcome }) => {
    runIds.set(runId, id);
    runs.set(id, (runs.get(id) ?? 0) + 1);
    const shown = [...(lines.get(runId) ?? []), ...(outcome.ok && outcome.value !== undefined ? [outcome.value] : [])];
    outputs.set(id, outcome.ok ? shown.join('\n') : `failed: ${outcome.failure.message}`);
    writes.set(id, outcome.writes);
  });
  const writes = new Map<string, string[]>();
  const nodes = notebookNodes(record).map((node) => ({ ...node, bakedWrites: bakedWrites.get(node.id) ?? [] }));
  const notebook = new Notebook(nodes, kernel, { changed: () => {} });
  const dispose = () => {
    session.dispose();
    tf.disposeVariables();
    for (const value of Object.values(session.scope)) if (value instanceof tf.Tensor && !value.isDisposed) value.dispose();
  };
  return { notebook, outputs, writes, runs, dispose };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  const assets = await preparedMnistAssets();
  mnist = loadMnistGlobal({ tf, fetch: localFolderFetch(assets), baseUrl: LOCAL_DATA_URL });
  await mnist;
}, 60_000);

describe('the article’s cells, in any order', () => {
  let reference: Map<string, string>;

  beforeAll(async () => {
    const { notebook, outputs, writes, dispose } = articleNotebook();
    await notebook.runAll();
    reference = new Map(outputs);
    for (const [id, names] of writes) bakedWrites.set(id, names);
    dispose();
  }, 120_000);

  it.each([1, 2])(
    'show what Run all shows when run one by one in random order %i',
    async (seed) => {
      const indices = Uint32Array.from(cellIds.keys());
      shuffleInPlace(indices, createRandom(seed));
      const order = [...indices].map((index) => cellIds[index] as string);
      const { notebook, outputs, runs, dispose } = articleNotebook();
      try {
        for (const id of order) {
          await notebook.run(id);
          expect(outputs.get(id), `${id} (order: ${order.join(', ')})`).toBe(reference.get(id));
        }
        // Training runs when something needs it and when the reader asks for it, never more:
        // the values later cells change are put back from copies, not by training again.
        expect(runs.get('train')).toBeLessThanOrEqual(2);
      } finally {
        dispose();
      }
    },
    180_000,
  );

  it('gives the training cell the same curve when it runs twice, and the cells below see one model', async () => {
    const { notebook, outputs, runs, dispose } = articleNotebook();
    try {
      await notebook.run('train');
      await notebook.run('train');
      expect(runs.get('train')).toBe(2);
      expect(outputs.get('train')).toBe(reference.get('train'));
      await notebook.run('train-step');
      await notebook.run('train-step');
      expect(outputs.get('train-step')).toBe(reference.get('train-step'));
      await notebook.run('evaluate');
      expect(outputs.get('evaluate')).toBe(reference.get('evaluate'));
      expect(runs.get('train')).toBe(2);
    } finally {
      dispose();
    }
  }, 120_000);

  it('keeps the tensor count where the first run of the training cell left it', async () => {
    const { notebook, dispose } = articleNotebook();
    try {
      await notebook.run('train');
      const afterFirst = tf.memory().numTensors;
      await notebook.run('train');
      await notebook.run('train');
      expect(tf.memory().numTensors).toBe(afterFirst);
    } finally {
      dispose();
    }
  }, 120_000);
});
