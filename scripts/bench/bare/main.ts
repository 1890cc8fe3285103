/**
 * The benchmark's baseline page: the article's model trained by plain TensorFlow.js, with none of
 * the site (no editor, no cell compiler, no output messages); with `?variant=keras`, the same
 * model written with the layers API, as the appendix's cell writes it. Like the site, it trains in
 * a worker. It publishes its timings on `window.bareResult` for the benchmark to read.
 */
const parameters = new URLSearchParams(location.search);
// `?variant=keras`: the appendix's Keras-style cell (keras-worker.ts) rather than the article's loop.
const worker =
  parameters.get('variant') === 'keras'
    ? new Worker(new URL('./keras-worker.ts', import.meta.url), { type: 'module' })
    : new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
worker.postMessage({ backend: parameters.get('backend') ?? 'webgl' });
worker.addEventListener('message', (event: MessageEvent<{ trainMs: number; accuracy: number; backend: string; enteredAt: number }>) => {
  // enteredAt is in the worker's clock: as milliseconds since this page's navigation, like firstResultMs.
  const result = { ...event.data, workerEnteredMs: event.data.enteredAt - performance.timeOrigin, firstResultMs: performance.now() };
  (window as unknown as { bareResult: typeof result }).bareResult = result;
  const status = document.getElementById('status');
  if (status) status.textContent = `accuracy ${result.accuracy.toFixed(4)} on ${result.backend}`;
});
