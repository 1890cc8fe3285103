/**
 * The article's model, y = softmax(x·W + b), on one image in plain arithmetic: what the build bakes
 * into the page and what the page computes from a training cell's values while it runs (7,850
 * multiplications, far below a millisecond). Whole test sets go through TensorFlow.js in the worker.
 */
import { CLASSES, PIXELS } from './pixels.ts';

export interface ModelValues {
  /** W [784, 10], row-major. */
  weights: ArrayLike<number>;
  /** b [10]. */
  bias: ArrayLike<number>;
}

/** Why W and b cannot classify 28 × 28 images, or undefined when they can. */
export function modelShapeProblem(weightsShape: readonly number[], biasShape: readonly number[]): string | undefined {
  const same = (shape: readonly number[], expected: readonly number[]): boolean =>
    shape.length === expected.length && shape.every((size, index) => size === expected[index]);
  if (!same(weightsShape, [PIXELS, CLASSES])) return `W has shape [${weightsShape.join(', ')}], not [${PIXELS}, ${CLASSES}]`;
  if (!same(biasShape, [CLASSES])) return `b has shape [${biasShape.join(', ')}], not [${CLASSES}]`;
  return undefined;
}

/** softmax(x·W + b) for one image of 784 values in [0, 1]. */
export function probabilitiesOf(model: ModelValues, pixels: ArrayLike<number>): number[] {
  const logits = Array.from({ length: CLASSES }, (_, digit) => model.bias[digit] ?? 0);
  for (let pixel = 0; pixel < PIXELS; pixel++) {
    const value = pixels[pixel] ?? 0;
    if (value === 0) continue;
    for (let digit = 0; digit < CLASSES; digit++)
      logits[digit] = (logits[digit] ?? 0) + value * (model.weights[pixel * CLASSES + digit] ?? 0);
  }
  return softmax(logits);
}

export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

/** The digit with the highest probability (the first one on a tie, as tf.argMax). */
export function predictionOf(probabilities: ArrayLike<number>): number {
  let best = 0;
  for (let digit = 1; digit < probabilities.length; digit++) if ((probabilities[digit] ?? 0) > (probabilities[best] ?? 0)) best = digit;
  return best;
}

/** The `count` most probable digits, most probable first: what the explorers say in words. */
export function topDigits(probabilities: readonly number[], count: number): Array<{ digit: number; probability: number }> {
  return probabilities
    .map((probability, digit) => ({ digit, probability }))
    .sort((a, b) => b.probability - a.probability || a.digit - b.digit)
    .slice(0, count);
}

/** Grey levels 0..255 as the model receives them: byte / 255. */
export function bytesToInput(bytes: ArrayLike<number>): Float32Array {
  return Float32Array.from({ length: bytes.length }, (_, index) => (bytes[index] ?? 0) / 255);
}
