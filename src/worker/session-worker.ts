/**
 * The session worker: owns TensorFlow.js, the backend and the reader's code for one page. The
 * page talks to it only through messages (src/runtime/protocol.ts); stopping it means terminating it.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfTypes from '@tensorflow/tfjs-core';
import '../runtime/tf-extensions.ts';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
import { CellSession } from '../runtime/cell-session.ts';
import { OutputBatcher } from '../runtime/output-batcher.ts';
import type { FromWorker, TensorMemory, ToWorker } from '../runtime/protocol.ts';
import { chooseBackend } from './choose-backend.ts';
import { FIGURE_PROGRAMS, isFigureProgramName } from '../figures/programs.ts';
import { loadMnistGlobal } from '../runtime/mnist-global.ts';
import { createCacheStorageAssetCache } from '../mnist/index.ts';

/** The part of the worker global we use (the DOM and WebWorker type libraries cannot be mixed). */
interface WorkerScope {
  readonly location: { readonly origin: string };
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
const post = (message: FromWorker): void => scope.postMessage(message);

const batcher = new OutputBatcher((runId, chunk) => post({ type: 'output', runId, chunk }));
const session = new CellSession({
  tf,
  onOutput: (runId, event) => batcher.add(runId, event),
  lazyGlobals: {
    mnist: async () => {
      const mnist = await loadMnistGlobal({
        tf,
        fetch: (url, init) => fetch(url, init),
        baseUrl: new URL(`${import.meta.env.BASE_URL}data/mnist/`, scope.location.origin),
        cache: createCacheStorageAssetCache(),
        onProgress: ({ loadedBytes, totalBytes }) => post({ type: 'data-progress', loadedBytes, totalBytes }),
      });
      post({ type: 'data-ready' });
      return mnist;
    },
  },
});
let backendReady: Promise<boolean> | undefined;

function start(message: Extract<ToWorker, { type: 'start' }>): Promise<boolean> {
  backendReady ??= chooseBackend(tf, message.preferredBackend).then(
    (choice) => {
      if (choice.backend === 'webgl') {
        watchForContextLoss();
        warmUpShaders();
      }
      post({ type: 'ready', ...choice });
      return true;
    },
    (error: unknown) => {
      post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
      return false;
    },
  );
  return backendReady;
}

function tensorMemory(): TensorMemory {
  const memory = tf.memory() as ReturnType<typeof tf.memory> & { numBytesInGPU?: number };
  return {
    numTensors: memory.numTensors,
    numBytes: memory.numBytes,
    ...(memory.numBytesInGPU === undefined ? {} : { numBytesInGPU: memory.numBytesInGPU }),
  };
}

/**
 * Compiles the WebGL programs of the article's model (matMul, add, softmax, log and their
 * gradients) while the reader is still reading: the worker starts when a cell is hovered or
 * focused, so the first real run does not pay for shader compilation.
 */
function warmUpShaders(): void {
  tf.tidy(() => {
    const x = tf.zeros([100, 784]);
    const w = tf.zeros([784, 10]);
    const f = (weights: tfTypes.Tensor) =>
      tf.neg(tf.sum(tf.mul(tf.ones([100, 10]), tf.log(tf.softmax(tf.add(tf.matMul(x, weights), tf.zeros([10])))))));
    tf.grad(f)(w).dataSync();
  });
}

/** A lost WebGL context makes every later result wrong; the page must restart this worker. */
function watchForContextLoss(): void {
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: { canvas?: EventTarget } } };
  backend.gpgpu?.gl?.canvas?.addEventListener('webglcontextlost', () => post({ type: 'gpu-lost' }));
}

async function run(message: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  if (!(await (backendReady ?? start({ type: 'start' })))) return;
  const outcome = await session.run(message.runId, message.cellId, message.code, message.resultNames);
  batcher.flush();
  if (outcome.ok) {
    post({
      type: 'done',
      runId: message.runId,
      results: outcome.results,
      memory: tensorMemory(),
      ...(outcome.value === undefined ? {} : { value: outcome.value }),
    });
  } else {
    post({ type: 'failed', runId: message.runId, failure: outcome.failure });
  }
}

async function playFigure(message: Extract<ToWorker, { type: 'figure' }>): Promise<void> {
  if (!(await (backendReady ?? start({ type: 'start' })))) return;
  try {
    const program = message.program;
    if (!isFigureProgramName(program)) throw new Error(`unknown figure program "${program}"`);
    await session.runExclusive(() => FIGURE_PROGRAMS[program](tf, (frame) => post({ type: 'figure-frame', runId: message.runId, frame })));
    post({ type: 'figure-end', runId: message.runId });
  } catch (error) {
    post({ type: 'figure-end', runId: message.runId, error: error instanceof Error ? error.message : String(error) });
  }
}

/** Errors from the reader's timers and callbacks, and promises they rejected without a handler. */
function reportUncaught(error: unknown): void {
  const late = session.reportUncaught(error);
  if (late) post({ type: 'late-error', ...late });
}

scope.addEventListener('error', (event) => {
  event.preventDefault();
  reportUncaught(event.error ?? event.message);
});
scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  reportUncaught(event.reason);
});

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'start') void start(message);
  else if (message.type === 'figure') void playFigure(message);
  else void run(message);
});
