/**
 * The session worker: owns TensorFlow.js, the backend and the reader's code for one page. The page
 * talks to it only through a private MessageChannel (src/runtime/protocol.ts), which cell code cannot
 * reach; stopping it for good means terminating it.
 */
import * as tf from '@tensorflow/tfjs-core';
import '../runtime/tf-extensions.ts';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
import { CellSession, type LazyGlobal } from '../runtime/cell-session.ts';
import { OutputBatcher, transferablesOf } from '../runtime/output-batcher.ts';
import type { ConnectMessage, FromWorker, RunEnd, TensorMemory, ToWorker } from '../runtime/protocol.ts';
import { chooseBackend } from './choose-backend.ts';
import { FIGURE_PROGRAMS, isFigureProgramName } from '../figures/programs.ts';
import { mnistLazyGlobal } from '../runtime/mnist-global.ts';
import { createCacheStorageAssetCache, loadMnistTestBytes, type Mnist } from '../mnist/index.ts';
import { applyTfjsFlags } from './tfjs-flags.ts';
import { lockWorkerGlobals } from './lock-globals.ts';
import { ExplorerQueries } from './explorer-queries.ts';
import { ExplorerTestSet } from './explorer-test-set.ts';
import { TrainingWatch } from './training-watch.ts';
import { webglContextOf, webglRendererName } from './webgl-context.ts';
import { drawingPaceFor, GPU_PACE, isSoftwareRenderer } from '../runtime/drawing-pace.ts';
import { layersExtension } from '../runtime/layers/layers-extension.ts';
import type { TfApiExtension } from '../runtime/tf-api-extension.ts';

/** The part of the worker global we use (the DOM and WebWorker type libraries cannot be mixed). */
interface WorkerScope {
  readonly location: { readonly origin: string };
  addEventListener(type: 'message', listener: (event: MessageEvent<ConnectMessage>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<ConnectMessage>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}

const scope = self as unknown as WorkerScope;

function startSession(connect: ConnectMessage): void {
  const port = connect.port;
  const post = (message: FromWorker, transfer: Transferable[] = []): void => port.postMessage(message, transfer);
  const mnistOptions = {
    fetch: (url: string, init: { signal: AbortSignal; cache?: 'no-cache' }) => fetch(url, init),
    baseUrl: new URL(`${import.meta.env.BASE_URL}data/mnist/`, scope.location.origin),
    cache: createCacheStorageAssetCache(),
    onProgress: ({ loadedBytes, totalBytes }: { loadedBytes: number; totalBytes: number }) =>
      post({ type: 'data-progress', loadedBytes, totalBytes }),
  };
  const mnist = mnistLazyGlobal({ tf, ...mnistOptions });
  let loadedMnist: Mnist | undefined;
  /** The session's download of the data set while it is under way. */
  let loadingMnist: Promise<unknown> | undefined;
  const batcher = new OutputBatcher(
    (runId, chunk) => post({ type: 'output', runId, chunk }, transferablesOf(chunk)),
    GPU_PACE.outputIntervalMs,
  );
  const watch = new TrainingWatch(tf, post);
  const session = new CellSession({
    tf,
    onOutput: (runId, event) => {
      batcher.add(runId, event);
      if (event.kind === 'progress') watch.progress(runId, event.done, event.total, session.scope);
    },
    lazyGlobals: {
      mnist: announced(
        mnist,
        (loading) => (loadingMnist = loading),
        (loaded) => {
          loadedMnist = loaded as Mnist;
          post({ type: 'data-ready' });
        },
      ),
    },
    // The layers API is a chunk of its own, fetched the first time a cell uses it.
    extensions: [
      announcedExtension(
        layersExtension(() => import('./tfjs-layers.ts')),
        post,
      ),
    ],
  });
  // The explorers' test images: the session's once a cell loaded MNIST, else the test set alone.
  const testSet = new ExplorerTestSet(
    tf,
    async () => {
      try {
        return await loadMnistTestBytes(mnistOptions);
      } finally {
        // The download is over (the explorer that asked shows a failure): the bar's progress closes.
        post({ type: 'data-ready' });
      }
    },
    () => loadedMnist,
    () => loadingMnist,
  );
  const queries = new ExplorerQueries({ tf, session, testSet, fetch: (url) => fetch(url) });

  if (connect.tfjsFlags) applyTfjsFlags(tf, connect.tfjsFlags);
  const backendReady = chooseBackend(tf, connect.preferredBackend).then(
    (choice) => {
      const gl = choice.backend === 'webgl' ? webglContextOf(tf) : undefined;
      // A lost WebGL context makes every later result wrong; the page must restart this worker.
      gl?.canvas.addEventListener('webglcontextlost', () => post({ type: 'gpu-lost' }));
      // A software WebGL draws the page's frames on the processor that trains: fewer of them.
      const softwareRendering = gl !== undefined && isSoftwareRenderer(webglRendererName(gl) ?? '');
      const pace = drawingPaceFor(softwareRendering);
      batcher.intervalMs = pace.outputIntervalMs;
      watch.gapMs = pace.watchGapMs;
      post({ type: 'ready', ...choice, ...(softwareRendering ? { softwareRendering } : {}) });
      return true;
    },
    (error: unknown) => {
      post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
      return false;
    },
  );

  const runEnd = (runId: number, outcome: Awaited<ReturnType<CellSession['run']>>): RunEnd => ({
    runId,
    results: outcome.results,
    memory: tensorMemory(),
    writes: outcome.writes,
    snapshots: outcome.snapshots,
    digests: outcome.digests,
    durationMs: outcome.durationMs,
    ...(outcome.nonFinite ? { nonFinite: outcome.nonFinite } : {}),
  });

  const finish = (runId: number, outcome: Awaited<ReturnType<CellSession['run']>>): void => {
    batcher.flush();
    if (outcome.ok) post({ type: 'done', ...runEnd(runId, outcome), ...(outcome.value === undefined ? {} : { value: outcome.value }) });
    else
      post({ type: 'failed', ...runEnd(runId, outcome), failure: outcome.failure, ...(outcome.interrupted ? { interrupted: true } : {}) });
  };

  const handle = async (message: ToWorker): Promise<void> => {
    if (message.type === 'interrupt') {
      session.interrupt();
      return;
    }
    if (message.type === 'watch') {
      watch.configure(message.names, message.everySteps);
      return;
    }
    if (!(await backendReady)) return;
    if (message.type === 'release') {
      session.releaseSnapshots(message.keys);
      post({ type: 'memory', memory: tensorMemory() });
      return;
    }
    if (message.type === 'figure') {
      await playFigure(message, session, post);
      return;
    }
    if (message.type === 'query') {
      post(await queries.answer(message));
      return;
    }
    const options = {
      shown: message.shown,
      stamp: message.stamp,
      restore: message.restore,
      snapshot: message.snapshot,
    };
    if (message.type === 'define') {
      finish(message.runId, await session.define(message.name, message.value, options));
      return;
    }
    const outcome = await session.run(message.runId, message.cellId, message.code, options);
    // A frame still being read holds copies of the watched variables: the run ends without them.
    await watch.settled();
    finish(message.runId, outcome);
  };

  port.addEventListener('message', (event: MessageEvent<ToWorker>) => void handle(event.data));
  port.start();

  /** Errors from the reader's timers and callbacks, and promises they rejected without a handler. */
  const reportUncaught = (error: unknown): void => {
    const late = session.reportUncaught(error);
    if (late) post({ type: 'late-error', ...late });
  };
  scope.addEventListener('error', (event) => {
    event.preventDefault();
    reportUncaught(event.error ?? event.message);
  });
  scope.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    reportUncaught(event.reason);
  });
}

/** The same lazy global, telling when it starts loading (the data download) and what it made. */
function announced(global: LazyGlobal, onLoading: (loading: Promise<unknown>) => void, onLoaded: (value: unknown) => void): LazyGlobal {
  return {
    ...global,
    load: async () => {
      const loading = global.load();
      onLoading(loading);
      const value = await loading;
      onLoaded(value);
      return value;
    },
  };
}

/** The same extension, telling the page while its code downloads (the session bar says so). */
function announcedExtension(extension: TfApiExtension, post: (message: FromWorker) => void): TfApiExtension {
  return {
    ...extension,
    load: async (currentRun) => {
      post({ type: 'code-loading', what: extension.name });
      try {
        return await extension.load(currentRun);
      } finally {
        post({ type: 'code-ready', what: extension.name });
      }
    },
  };
}

function tensorMemory(): TensorMemory {
  const memory = tf.memory() as ReturnType<typeof tf.memory> & { numBytesInGPU?: number };
  return {
    numTensors: memory.numTensors,
    numBytes: memory.numBytes,
    ...(memory.numBytesInGPU === undefined ? {} : { numBytesInGPU: memory.numBytesInGPU }),
  };
}

async function playFigure(
  message: Extract<ToWorker, { type: 'figure' }>,
  session: CellSession,
  post: (message: FromWorker) => void,
): Promise<void> {
  try {
    const program = message.program;
    if (!isFigureProgramName(program)) throw new Error(`unknown figure program "${program}"`);
    await session.runExclusive(() => FIGURE_PROGRAMS[program](tf, (frame) => post({ type: 'figure-frame', runId: message.runId, frame })));
    post({ type: 'figure-end', runId: message.runId });
  } catch (error) {
    post({ type: 'figure-end', runId: message.runId, error: error instanceof Error ? error.message : String(error) });
  }
}

// The page's first message hands over the private port; after it, the global channel is closed to
// everyone, cell code included.
const onConnect = (event: MessageEvent<ConnectMessage>): void => {
  const port: unknown = event.data?.port;
  if (event.data?.type !== 'connect' || !(port instanceof MessagePort)) return;
  scope.removeEventListener('message', onConnect);
  lockWorkerGlobals(self);
  startSession(event.data);
};
scope.addEventListener('message', onConnect);
