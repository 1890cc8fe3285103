/**
 * The page's end of the session worker: starts it on demand, sends the notebook's steps, and turns
 * the worker's messages back into the end of each step, output for the running cell, and session
 * events. Ending the worker (stop, lost GPU, fatal error, another backend) ends every step pending.
 */
import type { BackendName, FromWorker, QueryValue, ResultValue, RunEnd, StepFields, TensorMemory, ToWorker } from '../runtime/protocol.ts';
import type { CellFailure } from '../runtime/execute-cell.ts';
import type { OutputChunk } from '../runtime/output-batcher.ts';
import { connectWorker, type WorkerConnection } from './worker-connection.ts';

export type StepEnd = ({ ok: true; value?: string } | { ok: false; failure: CellFailure; interrupted?: boolean }) & RunEnd;

/** What a step was waiting for when the session ended under it. */
export class SessionLost extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SessionLost';
  }
}

export interface SessionEvents {
  /** softwareRendering: WebGL runs without a graphics card here, so output comes once a second. */
  ready(backend: BackendName, fallbackReason?: string, softwareRendering?: boolean): void;
  output(runId: number, chunk: OutputChunk): void;
  dataProgress(loadedBytes: number, totalBytes: number): void;
  dataReady(): void;
  /** Code a cell needs is downloading (`what`: 'layers'); `codeReady` when it is there or failed. */
  codeLoading?(what: string): void;
  codeReady?(what: string): void;
  /** The worker cannot go on (no backend, a lost GPU, a crash): the session must end. */
  fatal(message: string, gpuLost: boolean): void;
  lateError(cellId: string, failure: CellFailure): void;
  memory(memory: TensorMemory): void;
  /** A running cell's watched variables at one step (see `watch` in protocol.ts). */
  watchFrame?(runId: number, frame: { step: number; total: number; values: Record<string, ResultValue> }): void;
}

/** Variables whose views follow a running cell, and how often (steps it reports with progress()). */
export interface WatchOptions {
  names: string[];
  everySteps: number;
}

interface Pending {
  resolve: (end: StepEnd) => void;
  reject: (error: Error) => void;
}

interface PendingQuery {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Playback {
  onFrame: (frame: unknown) => void;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class SessionConnection {
  readonly #events: SessionEvents;
  readonly #pending = new Map<number, Pending>();
  readonly #playbacks = new Map<number, Playback>();
  readonly #queries = new Map<number, PendingQuery>();
  #connection: WorkerConnection | undefined;
  #nextRunId = 1;
  preferredBackend: BackendName | undefined;
  readonly #tfjsFlags: string | undefined;
  readonly #watch: WatchOptions | undefined;

  constructor(
    events: SessionEvents,
    options: { preferredBackend?: BackendName | undefined; tfjsFlags?: string | undefined; watch?: WatchOptions | undefined } = {},
  ) {
    this.#events = events;
    this.preferredBackend = options.preferredBackend;
    this.#tfjsFlags = options.tfjsFlags;
    this.#watch = options.watch;
  }

  get started(): boolean {
    return this.#connection !== undefined;
  }

  /** Starts the worker if it is not running (ahead of the first run, when the reader shows interest). */
  start(): void {
    if (this.#connection) return;
    this.#connection = connectWorker((message) => this.#onMessage(message), {
      preferredBackend: this.preferredBackend,
      tfjsFlags: this.#tfjsFlags,
    });
    if (this.#watch && this.#watch.names.length > 0) this.#send({ type: 'watch', ...this.#watch });
  }

  nextRunId(): number {
    return this.#nextRunId++;
  }

  /** Runs a cell's code or sets a control's variable; resolves when the worker says the run ended. */
  step(
    message: ({ type: 'run'; cellId: string; code: string } | { type: 'define'; name: string; value: unknown }) & StepFields,
  ): Promise<StepEnd> {
    this.start();
    return new Promise((resolve, reject) => {
      this.#pending.set(message.runId, { resolve, reject });
      this.#send(message);
    });
  }

  /** Frees snapshots in the worker; nothing to free when no worker runs. */
  release(keys: string[]): void {
    if (this.#connection) this.#send({ type: 'release', keys });
  }

  interrupt(): void {
    if (this.#connection) this.#send({ type: 'interrupt' });
  }

  /** Plays an animated figure's program in the worker, between cell runs. */
  playFigure(program: string, onFrame: (frame: unknown) => void): Promise<void> {
    this.start();
    const runId = this.nextRunId();
    return new Promise((resolve, reject) => {
      this.#playbacks.set(runId, { onFrame, resolve, reject });
      this.#send({ type: 'figure', runId, program });
    });
  }

  /** Asks an explorer program a question in the worker (between cell runs); resolves with its answer. */
  query(program: string, args: unknown, values: QueryValue[]): Promise<unknown> {
    this.start();
    const runId = this.nextRunId();
    return new Promise((resolve, reject) => {
      this.#queries.set(runId, { resolve, reject });
      this.#send({ type: 'query', runId, program, args, values });
    });
  }

  /** Ends the worker and everything pending on it. */
  end(reason: string): void {
    this.#connection?.terminate();
    this.#connection = undefined;
    const error = new SessionLost(reason);
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
    for (const playback of this.#playbacks.values()) playback.reject(error);
    this.#playbacks.clear();
    for (const query of this.#queries.values()) query.reject(error);
    this.#queries.clear();
  }

  #send(message: ToWorker): void {
    this.#connection?.send(message);
  }

  #onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.#events.ready(message.backend, message.fallbackReason, message.softwareRendering);
        return;
      case 'output':
        this.#events.output(message.runId, message.chunk);
        return;
      case 'done':
      case 'failed': {
        const pending = this.#pending.get(message.runId);
        this.#pending.delete(message.runId);
        pending?.resolve(message.type === 'done' ? { ...message, ok: true } : { ...message, ok: false });
        return;
      }
      case 'data-progress':
        this.#events.dataProgress(message.loadedBytes, message.totalBytes);
        return;
      case 'data-ready':
        this.#events.dataReady();
        return;
      case 'code-loading':
        this.#events.codeLoading?.(message.what);
        return;
      case 'code-ready':
        this.#events.codeReady?.(message.what);
        return;
      case 'memory':
        this.#events.memory(message.memory);
        return;
      case 'gpu-lost':
        this.#events.fatal('', true);
        return;
      case 'fatal':
        this.#events.fatal(message.message, false);
        return;
      case 'late-error':
        this.#events.lateError(message.cellId, message.failure);
        return;
      case 'figure-frame':
        this.#playbacks.get(message.runId)?.onFrame(message.frame);
        return;
      case 'query-result': {
        const query = this.#queries.get(message.runId);
        this.#queries.delete(message.runId);
        if (message.error === undefined) query?.resolve(message.result);
        else query?.reject(new Error(message.error));
        return;
      }
      case 'watch-frame':
        this.#events.watchFrame?.(message.runId, message);
        return;
      case 'figure-end': {
        const playback = this.#playbacks.get(message.runId);
        this.#playbacks.delete(message.runId);
        if (message.error === undefined) playback?.resolve();
        else playback?.reject(new Error(message.error));
        return;
      }
    }
  }
}
