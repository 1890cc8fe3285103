/**
 * The explorers' TensorFlow.js work, in the session worker (the build and unit tests run it on the
 * CPU backend): a whole test set through the model once per model, and one drawing at a time.
 */
import type * as tfCore from '@tensorflow/tfjs-core';
import { modelShapeProblem } from './model.ts';
import { predictionsOf } from './mistakes.ts';
import { CLASSES, PIXELS } from './pixels.ts';

type Tf = typeof tfCore;

export interface TensorModel {
  W: tfCore.Tensor;
  b: tfCore.Tensor;
}

/** Why these tensors cannot classify 28 × 28 images, or undefined when they can. */
export function tensorModelProblem(model: TensorModel): string | undefined {
  if (model.W.dtype !== 'float32' || model.b.dtype !== 'float32') return `W and b must hold float32 numbers`;
  return modelShapeProblem(model.W.shape, model.b.shape);
}

export interface SetEvaluation {
  /** [count, 10] probabilities, row-major. */
  probabilities: Float32Array;
  predictions: Uint8Array;
}

/**
 * softmax(x·W + b) for every image of a set (`imageBytes(i)`: 784 grey levels 0..255, as the data
 * set holds them), and the predicted digits. In batches, from the bytes: no tensor is left behind
 * and the set's own `images` tensor (31 MB) is not made for it.
 */
export async function evaluateSet(
  tf: Tf,
  count: number,
  imageBytes: (index: number) => ArrayLike<number>,
  model: TensorModel,
  batch = 2_000,
): Promise<SetEvaluation> {
  const probabilities = new Float32Array(count * CLASSES);
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    const pixels = new Float32Array(size * PIXELS);
    for (let row = 0; row < size; row++) {
      const bytes = imageBytes(start + row);
      // byte / 255 in float32, as the data set makes its images.
      for (let pixel = 0; pixel < PIXELS; pixel++) pixels[row * PIXELS + pixel] = (bytes[pixel] ?? 0) / 255;
    }
    const output = tf.tidy(() => tf.softmax(tf.add(tf.matMul(tf.tensor2d(pixels, [size, PIXELS]), model.W as tfCore.Tensor2D), model.b)));
    try {
      probabilities.set(await output.data(), start * CLASSES);
    } finally {
      output.dispose();
    }
  }
  return { probabilities, predictions: predictionsOf(probabilities) };
}
