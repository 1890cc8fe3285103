/**
 * Training you can watch: while a cell trains W and b, the views of them (weights heat maps,
 * explorers) redraw every N steps the cell reports with progress(). N = 50 (20 pictures over the
 * article's 1000 steps) keeps the training within 10% of its time without them (measured:
 * README, Measurements).
 */
export const WATCH_EVERY_STEPS = 50;

/** `?watch=25` sets N for this visit and `?watch=0` turns watching off: what the benchmark compares. */
export function watchEverySteps(search: string): number {
  const value = new URLSearchParams(search).get('watch');
  if (value === null || value.trim() === '') return WATCH_EVERY_STEPS;
  const steps = Number(value);
  return Number.isInteger(steps) && steps >= 0 ? steps : WATCH_EVERY_STEPS;
}
