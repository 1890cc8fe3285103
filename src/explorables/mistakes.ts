/**
 * The test images a model misreads: its prediction for each image (the argmax of its ten
 * probabilities) against the label, and the search behind "next mistake" and "previous mistake".
 */
import { CLASSES } from './pixels.ts';

/** The argmax of each row of `probabilities` ([count, classes], row-major): the predicted digits. */
export function predictionsOf(probabilities: ArrayLike<number>, classes = CLASSES): Uint8Array {
  const count = Math.floor(probabilities.length / classes);
  const predictions = new Uint8Array(count);
  for (let row = 0; row < count; row++) {
    let best = 0;
    for (let digit = 1; digit < classes; digit++) {
      if ((probabilities[row * classes + digit] ?? 0) > (probabilities[row * classes + best] ?? 0)) best = digit;
    }
    predictions[row] = best;
  }
  return predictions;
}

export function countMistakes(predictions: ArrayLike<number>, labels: ArrayLike<number>): number {
  let mistakes = 0;
  for (let index = 0; index < predictions.length; index++) if (predictions[index] !== labels[index]) mistakes++;
  return mistakes;
}

/**
 * The first image after `from` (direction 1) or before it (direction -1) that the model misreads,
 * going round the ends of the set; `from` itself comes last. Undefined when there is none.
 */
export function findMistake(
  predictions: ArrayLike<number>,
  labels: ArrayLike<number>,
  from: number,
  direction: 1 | -1,
): number | undefined {
  const count = predictions.length;
  if (count === 0) return undefined;
  const start = ((Math.trunc(from) % count) + count) % count;
  for (let step = 1; step <= count; step++) {
    const index = (((start + direction * step) % count) + count) % count;
    if (predictions[index] !== labels[index]) return index;
  }
  return undefined;
}
