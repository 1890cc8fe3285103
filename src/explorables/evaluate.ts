/**
 * The explorers' TensorFlow.js work, in the session worker (the build and unit tests run it on the
 * CPU backend): a whole test set through the model once per model, and one drawing at a time.
 */
import type * as tfCore from '@tensorflow/tfjs-core';
import { modelShapeProblem } from './model.ts';
import { predictionsOf } from './mistakes.ts';

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

/** softmax(x·W + b) for every image of `images` [count, 784], and the predicted digits. */
export async function evaluateSet(tf: Tf, images: tfCore.Tensor2D, model: TensorModel): Promise<SetEvaluation> {
  const output = tf.tidy(() => tf.softmax(tf.add(tf.matMul(images, model.W as tfCore.Tensor2D), model.b)));
  try {
    const probabilities = (await output.data()) as Float32Array;
    return { probabilities, predictions: predictionsOf(probabilities) };
  } finally {
    output.dispose();
  }
}
