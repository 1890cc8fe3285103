/**
 * The baseline's training: the same data, the same model and the same 1000 steps of 100 images
 * as the article's training cell, reading the loss back as often (every 10 steps), written as a
 * reader would write it in a plain TensorFlow.js project.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
import '../../../src/runtime/tf-extensions.ts';
import { loadMnistGlobal } from '../../../src/runtime/mnist-global.ts';

self.addEventListener('message', (event: MessageEvent<{ backend: string }>) => {
  void (async () => {
    const entered = performance.now();
    await tf.setBackend(event.data.backend);
    const backendReady = performance.now();
    const mnist = await loadMnistGlobal({ tf, fetch: (url, init) => fetch(url, init), baseUrl: new URL('/data/mnist/', self.location.origin) });
    const W = tf.variable(tf.zeros([784, 10]));
    const b = tf.variable(tf.zeros([10]));
    const model = (x: tf.Tensor2D) => tf.softmax(tf.add(tf.matMul(x, W), b));
    const crossEntropy = (x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar => tf.neg(tf.sum(tf.mul(y, tf.log(model(x)))));
    const optimizer = tf.train.sgd(0.01);
    const started = performance.now();
    const dataMs = started - backendReady;
    for (let i = 0; i < 1000; i++) {
      const [xs, ys] = mnist.train.nextBatch(100);
      const cost = optimizer.minimize(() => crossEntropy(xs, ys), i % 10 === 0 || i === 999);
      if (cost) {
        await cost.data();
        cost.dispose();
      }
      xs.dispose();
      ys.dispose();
    }
    const trained = performance.now();
    const trainMs = trained - started;
    const accuracy = tf.tidy(() =>
      tf.mean(tf.cast(tf.equal(tf.argMax(model(mnist.test.images), 1), tf.argMax(mnist.test.labels, 1)), 'float32')).dataSync()[0],
    );
    const evaluateMs = performance.now() - trained;
    self.postMessage({ trainMs, accuracy, backend: tf.getBackend(), backendMs: backendReady - entered, dataMs, evaluateMs });
  })();
});
