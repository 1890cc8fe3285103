/**
 * The layers extension in Node, on the CPU backend, with the real @tensorflow/tfjs-layers and
 * -data: loaded on first use only, added to the cells' `tf`, and model.fit shown under the cell
 * (progress and curves, fit-callbacks.ts) and stopped by Stop.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../src/runtime/tf-extensions.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { CellSession } from '../../src/runtime/cell-session.ts';
import type { OutputEvent } from '../../src/runtime/output-batcher.ts';
import { layersExtension, type LayersImporter } from '../../src/runtime/layers/layers-extension.ts';
import { importLayersModules } from '../../src/build/bake/layers-modules.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** y = 2x on four points: a model of one weight, learned in a few epochs. */
const MODEL = `
const m = tf.sequential();
m.add(tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'zeros' }));
m.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError', metrics: ['mae'] });
const xs = tf.tensor2d([[1], [2], [3], [4]]);
const ys = tf.tensor2d([[2], [4], [6], [8]]);
`;

interface Options {
  importer?: LayersImporter;
  onEvent?: (event: OutputEvent, session: CellSession) => void;
}

function sessionWith({ importer = importLayersModules, onEvent }: Options = {}) {
  const events: OutputEvent[] = [];
  let imports = 0;
  const session: CellSession = new CellSession({
    tf,
    onOutput: (_runId, event) => {
      events.push(event);
      onEvent?.(event, session);
    },
    // stopSoon(): a cell presses Stop, the way the page's message arrives (in a later task).
    globals: { stopSoon: () => setTimeout(() => session.interrupt(), 0) },
    extensions: [
      layersExtension(() => {
        imports += 1;
        return importer();
      }),
    ],
  });
  return { session, events, imports: () => imports };
}

const progressOf = (events: OutputEvent[]) => events.flatMap((event) => (event.kind === 'progress' ? [[event.done, event.total]] : []));
const pointsOf = (events: OutputEvent[], series: string) =>
  events.flatMap((event) => (event.kind === 'point' && event.series === series ? [event.x] : []));
const linesOf = (events: OutputEvent[]) => events.flatMap((event) => (event.kind === 'line' ? [event.text] : []));

describe('the layers extension', () => {
  it('is not loaded for cells that do not use it', async () => {
    const { session, imports } = sessionWith();
    const outcome = await session.run(
      1,
      'core',
      'const model = (x) => tf.softmax(x);\ntf.losses.meanSquaredError(tf.ones([2]), tf.zeros([2])).dataSync()[0]',
    );
    expect(outcome).toMatchObject({ ok: true, value: '1' });
    expect(imports()).toBe(0);
  });

  it('loads once, on the first cell that uses it, and gives every later cell core, layers and data in one tf', async () => {
    const { session, events, imports } = sessionWith();
    expect(await session.run(1, 'model', MODEL)).toMatchObject({ ok: true });
    expect(imports()).toBe(1);
    const outcome = await session.run(
      2,
      'after',
      'print(typeof tf.matMul, typeof tf.sequential, typeof tf.data.generator, typeof tf.fitCallbacks, tf.version_core, tf.version_layers);\nprint(Object.isFrozen(tf));',
    );
    expect(outcome).toMatchObject({ ok: true });
    expect(linesOf(events)).toEqual(['function function function function 4.22.0 4.22.0', 'true']);
    expect(imports()).toBe(1);
  });

  it('trains a tf.sequential model on the CPU backend, with the core’s engine (one copy of tfjs-core)', async () => {
    const { session, events } = sessionWith();
    const outcome = await session.run(
      1,
      'fit',
      `${MODEL}const history = await m.fit(xs, ys, { epochs: 40, batchSize: 4 });\nprint(history.history.loss.length, Math.round(m.predict(tf.tensor2d([[5]])).dataSync()[0]));`,
    );
    expect(outcome).toMatchObject({ ok: true });
    expect(linesOf(events)).toEqual(['40 10']);
  });

  it('frees the model a re-run replaces, with its weights and optimizer: the tensor count stays flat', async () => {
    const { session } = sessionWith();
    const code = `${MODEL}await m.fit(xs, ys, { epochs: 2, batchSize: 4 });`;
    expect(await session.run(1, 'model', code)).toMatchObject({ ok: true });
    const after = tf.memory().numTensors;
    for (let run = 2; run <= 4; run++) expect(await session.run(run, 'model', code)).toMatchObject({ ok: true });
    expect(tf.memory().numTensors).toBe(after);
  });

  it('fails the cell with a retry hint when its code cannot be downloaded, and loads it on the next run', async () => {
    let fail = true;
    const { session } = sessionWith({
      importer: async () => {
        if (fail) throw new Error('Failed to fetch dynamically imported module');
        return importLayersModules();
      },
    });
    expect(await session.run(1, 'a', 'tf.sequential()')).toMatchObject({
      ok: false,
      failure: { name: 'LoadError', message: 'TensorFlow.js layers: Failed to fetch dynamically imported module', hint: 'codeLoadFailed' },
    });
    fail = false;
    expect(await session.run(2, 'a', 'typeof tf.sequential()')).toMatchObject({ ok: true, value: '"object"' });
  });
});

describe('model.fit under the cell', () => {
  it('shows a progress bar per batch and curves of the loss and metrics, when the cell gives no callbacks', async () => {
    const { session, events } = sessionWith();
    // 4 samples in batches of 2: 2 batches per epoch, 60 epochs, 120 batches, a point every 1.2 → 1.
    expect(await session.run(1, 'fit', `${MODEL}await m.fit(xs, ys, { epochs: 60, batchSize: 2 });`)).toMatchObject({ ok: true });
    const progress = progressOf(events);
    expect(progress).toEqual(Array.from({ length: 120 }, (_, i) => [i + 1, 120]));
    expect(pointsOf(events, 'loss')).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(pointsOf(events, 'mae')).toEqual(pointsOf(events, 'loss'));
    const losses = events.flatMap((event) => (event.kind === 'point' && event.series === 'loss' ? [event.y] : []));
    expect(losses.at(-1)).toBeLessThan((losses[0] ?? 0) / 10);
  });

  it('plots about a hundred points, from the first batch to the last, over a long training', async () => {
    const { session, events } = sessionWith();
    expect(await session.run(1, 'fit', `${MODEL}await m.fit(xs, ys, { epochs: 500, batchSize: 1 });`)).toMatchObject({ ok: true });
    expect(progressOf(events).at(-1)).toEqual([2000, 2000]);
    const steps = pointsOf(events, 'loss');
    expect(steps[0]).toBe(1);
    expect(steps.at(-1)).toBe(2000);
    expect(steps.slice(1)).toEqual(Array.from({ length: 100 }, (_, i) => (i + 1) * 20));
  });

  it('counts the batches of fitDataset from batchesPerEpoch, and plots at tf.fitCallbacks’ own pace', async () => {
    const { session, events } = sessionWith();
    const code = `${MODEL}
const batches = tf.data.generator(function* () {
  for (let i = 0; i < 30; i++) yield { xs: tf.tensor2d([[i % 4 + 1]]), ys: tf.tensor2d([[2 * (i % 4 + 1)]]) };
});
await m.fitDataset(batches, { epochs: 3, batchesPerEpoch: 10, callbacks: tf.fitCallbacks({ plotEvery: 5 }) });`;
    expect(await session.run(1, 'dataset', code)).toMatchObject({ ok: true });
    expect(progressOf(events)).toEqual(Array.from({ length: 30 }, (_, i) => [i + 1, 30]));
    expect(pointsOf(events, 'loss')).toEqual([1, 5, 10, 15, 20, 25, 30]);
  });

  it('runs the reader’s own callbacks as given, without adding progress or curves', async () => {
    const { session, events } = sessionWith();
    const code = `${MODEL}await m.fit(xs, ys, { epochs: 3, batchSize: 4, callbacks: { onEpochEnd: (epoch, logs) => print('epoch', epoch, logs.loss > 0) } });`;
    expect(await session.run(1, 'own', code)).toMatchObject({ ok: true });
    expect(linesOf(events)).toEqual(['epoch 0 true', 'epoch 1 true', 'epoch 2 true']);
    expect(progressOf(events)).toEqual([]);
    expect(pointsOf(events, 'loss')).toEqual([]);
  });

  // Stop arrives as the page's message does: in a later task (stopSoon), which training must let in.
  it('stops at the next batch when the reader presses Stop, and the session goes on', async () => {
    const { session, events } = sessionWith({
      onEvent: (event, target) => {
        if (event.kind === 'progress' && event.done === 5) setTimeout(() => target.interrupt(), 0);
      },
    });
    const outcome = await session.run(1, 'stop', `${MODEL}await m.fit(xs, ys, { epochs: 5000, batchSize: 1 });\nprint("finished");`);
    expect(outcome).toMatchObject({ ok: false, interrupted: true });
    expect(linesOf(events)).toEqual([]);
    // 20,000 batches planned; the fit ended soon after the Stop, and is no longer training.
    const done = progressOf(events).at(-1)?.[0] ?? Infinity;
    expect(done).toBeGreaterThanOrEqual(5);
    expect(done).toBeLessThan(5_000);
    expect(await session.run(2, 'after', 'print(m.isTraining)')).toMatchObject({ ok: true });
    expect(linesOf(events)).toEqual(['false']);
  });

  it('stops too when the cell gives callbacks of its own', async () => {
    const { session, events } = sessionWith();
    const code = `let count = 0;${MODEL}
await m.fit(xs, ys, { epochs: 5000, batchSize: 1, callbacks: { onBatchEnd: () => { count += 1; if (count === 5) stopSoon(); } } });
print("finished");`;
    expect(await session.run(1, 'stop', code)).toMatchObject({ ok: false, interrupted: true });
    expect(await session.run(2, 'after', 'print(m.isTraining, count >= 5 && count < 5000)')).toMatchObject({ ok: true });
    expect(linesOf(events)).toEqual(['false true']);
  });
});
