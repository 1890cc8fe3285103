/**
 * Build-time TensorFlow.js work runs one job at a time: Astro renders components concurrently,
 * and an article's clean-up (tf.disposeVariables) must never hit a figure that is mid-run.
 */
let tail: Promise<unknown> = Promise.resolve();

export function runExclusive<T>(job: () => Promise<T>): Promise<T> {
  const result = tail.then(job, job);
  tail = result.catch(() => undefined);
  return result;
}
