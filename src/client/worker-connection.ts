/**
 * Starts the session worker and talks to it on a private MessageChannel (see protocol.ts): the
 * worker's global channel, which cell code can reach, carries only the first message (the port).
 */
import type { BackendName, ConnectMessage, FromWorker, ToWorker } from '../runtime/protocol.ts';

export interface WorkerConnection {
  send(message: ToWorker): void;
  terminate(): void;
}

export interface ConnectOptions {
  preferredBackend?: BackendName | undefined;
  /** TensorFlow.js flags, as in its `?tfjsflags=` URL parameter. */
  tfjsFlags?: string | undefined;
}

export function connectWorker(onMessage: (message: FromWorker) => void, options: ConnectOptions = {}): WorkerConnection {
  const worker = new Worker(new URL('../worker/session-worker.ts', import.meta.url), { type: 'module', name: 'tf-facile-session' });
  const channel = new MessageChannel();
  let open = true;
  channel.port1.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    if (open) onMessage(event.data);
  });
  channel.port1.start();
  // Only load failures are read from the worker object itself; anything a cell posts there is ignored.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    if (open) onMessage({ type: 'fatal', message: event.message || 'the worker script failed to load' });
  });
  const connect: ConnectMessage = {
    type: 'connect',
    port: channel.port2,
    ...(options.preferredBackend ? { preferredBackend: options.preferredBackend } : {}),
    ...(options.tfjsFlags ? { tfjsFlags: options.tfjsFlags } : {}),
  };
  worker.postMessage(connect, [channel.port2]);
  return {
    send: (message) => channel.port1.postMessage(message),
    terminate: () => {
      open = false;
      channel.port1.close();
      worker.terminate();
    },
  };
}
