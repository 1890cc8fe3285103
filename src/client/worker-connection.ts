/** Starts the session worker and types the messages to and from it. */
import type { BackendName, FromWorker, ToWorker } from '../runtime/protocol.ts';
// Only the worker's URL (Vite builds the worker as its own entry), none of its code.
// eslint-disable-next-line no-restricted-imports
import sessionWorkerUrl from '../worker/session-worker.ts?worker&url';

export interface WorkerConnection {
  send(message: ToWorker): void;
  terminate(): void;
}

/**
 * The worker's URL, carrying the page's `?tfjsflags=` on: TensorFlow.js reads its flags from the
 * URL of the context it runs in, which for the worker is the worker's own URL. So anyone can
 * reproduce a device's quirk, e.g. `?tfjsflags=WEBGL_FORCE_F16_TEXTURES:true` for half-float GPUs.
 */
export function workerUrl(pageSearch: string, base: string = location.href): URL {
  const url = new URL(sessionWorkerUrl, base);
  const flags = new URLSearchParams(pageSearch).get('tfjsflags');
  if (flags) url.searchParams.set('tfjsflags', flags);
  return url;
}

export function connectWorker(onMessage: (message: FromWorker) => void, preferredBackend?: BackendName): WorkerConnection {
  const worker = new Worker(workerUrl(location.search), { type: 'module', name: 'tf-facile-session' });
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onMessage(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onMessage({ type: 'fatal', message: event.message || 'the worker script failed to load' });
  });
  const send = (message: ToWorker): void => worker.postMessage(message);
  send(preferredBackend ? { type: 'start', preferredBackend } : { type: 'start' });
  return { send, terminate: () => worker.terminate() };
}
