/** Starts the session worker and types the messages to and from it. */
import type { BackendName, FromWorker, ToWorker } from '../runtime/protocol.ts';

export interface WorkerConnection {
  send(message: ToWorker): void;
  terminate(): void;
}

export function connectWorker(onMessage: (message: FromWorker) => void, preferredBackend?: BackendName): WorkerConnection {
  const worker = new Worker(new URL('../worker/session-worker.ts', import.meta.url), { type: 'module', name: 'tf-facile-session' });
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onMessage(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onMessage({ type: 'fatal', message: event.message || 'the worker script failed to load' });
  });
  const send = (message: ToWorker): void => worker.postMessage(message);
  send(preferredBackend ? { type: 'start', preferredBackend } : { type: 'start' });
  return { send, terminate: () => worker.terminate() };
}
