/**
 * The baseline of the appendix's Keras-style cell (`keras`): the same model, loss, optimizer, data
 * and model.fitDataset over the same 1000 batches of 100 images, written in a plain TensorFlow.js
 * project (core, layers and data imported up front, no callbacks: TensorFlow.js's defaults), timed
 * around the fit only, as the site's timed cell is (see ../layers.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import * as tfd from '@tensorflow/tfjs-data';
import '../../../src/runtime/tf-extensions.ts';
import { loadMnistGlobal } from '../../../src/runtime/mnist-global.ts';

self.addEventListener('message', (event: MessageEvent<{ backend: string }>) => {
  void (async () => {
    await tf.setBackend(event.data.backend);
    const mnist = await loadMnistGlobal({ tf, fetch: (url, init) => fetch(url, init), baseUrl: new URL('/data/mnist/', self.location.origin) });
    const model = tfl.sequential();
    model.add(tfl.layers.dense({ units: 10, inputShape: [784], activation: 'softmax', kernelInitializer: 'zeros' }));
    model.compile({
      optimizer: tf.train.sgd(0.01),
      loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.sum(tfl.metrics.categoricalCrossentropy(yTrue, yPred)),
      metrics: ['accuracy'],
    });
    const batches = tfd.generator(function* () {
      for (let i = 0; i < 1000; i++) {
        const [xs, ys] = mnist.train.nextBatch(100);
        yield { xs, ys };
      }
    });
    const started = performance.now();
    await model.fitDataset(batches, { epochs: 1, batchesPerEpoch: 1000 });
    const trainMs = performance.now() - started;
    const [, accuracy] = model.evaluate(mnist.test.images, mnist.test.labels, { batchSize: 10000 }) as tf.Scalar[];
    self.postMessage({ trainMs, accuracy: (await (accuracy as tf.Scalar).data())[0], backend: tf.getBackend() });
  })();
});
