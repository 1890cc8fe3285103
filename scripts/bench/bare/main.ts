/**
 * The benchmark's baseline page: the article's model trained by plain TensorFlow.js, with none of
 * the site (no editor, no cell compiler, no output messages). Like the site, it trains in a worker.
 * It publishes its timings on `window.bareResult` for the benchmark to read.
 */
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
worker.postMessage({ backend: new URLSearchParams(location.search).get('backend') ?? 'webgl' });
worker.addEventListener('message', (event: MessageEvent<{ trainMs: number; accuracy: number; backend: string }>) => {
  const result = { ...event.data, firstResultMs: performance.now() };
  (window as unknown as { bareResult: typeof result }).bareResult = result;
  const status = document.getElementById('status');
  if (status) status.textContent = `accuracy ${result.accuracy.toFixed(4)} on ${result.backend}`;
});
