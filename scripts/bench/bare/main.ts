/**
 * The benchmark's baseline page: the article's model trained by plain TensorFlow.js, with none of
 * the site (no editor, no cell compiler, no output messages); with `?variant=keras`, the same
 * model written with the layers API, as the appendix's cell writes it. Like the site, it trains in
 * a worker. It publishes its timings on `window.bareResult` for the benchmark to read: the
 * training's, and the backend's start, the data's load and the evaluation's, to compare with the
 * site's phases.
 */
const parameters = new URLSearchParams(location.search);
// `?variant=keras`: the appendix's Keras-style cell (keras-worker.ts) rather than the article's loop.
const worker =
  parameters.get('variant') === 'keras'
    ? new Worker(new URL('./keras-worker.ts', import.meta.url), { type: 'module' })
    : new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
worker.postMessage({ backend: parameters.get('backend') ?? 'webgl' });
worker.addEventListener('message', (event: MessageEvent<{ trainMs: number; accuracy: number; backend: string }>) => {
  const result = { ...event.data, firstResultMs: performance.now() };
  (window as unknown as { bareResult: typeof result }).bareResult = result;
  const status = document.getElementById('status');
  if (status) status.textContent = `accuracy ${result.accuracy.toFixed(4)} on ${result.backend}`;
});
