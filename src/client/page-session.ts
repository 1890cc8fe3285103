/**
 * The page's notebook session, on the main thread: it decides what runs when (NotebookPlan),
 * sends code to the worker one cell at a time, and renders what comes back. It never runs
 * reader code itself, so the page stays responsive whatever a cell does.
 */
import { NotebookPlan, type CellState } from '../runtime/notebook-plan.ts';
import { BACKENDS, type BackendName, type FromWorker, type ResultValue } from '../runtime/protocol.ts';
import type { CellHost, LiveCellElement } from './live-cell.ts';
import type { FigureHost, LiveFigureElement } from './live-figure.ts';
import type { FigureFrame, FigureProgramName } from '../figures/programs.ts';
import type { Translate } from './ui-strings.ts';
import { connectWorker, type WorkerConnection } from './worker-connection.ts';
import { formatResult } from '../runtime/format-result.ts';
import { SessionBar } from './session-bar.ts';

interface RunningCell {
  runId: number;
  cellId: string;
}

interface FigurePlayback {
  onFrame: (frame: FigureFrame) => void;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class PageSession implements CellHost, FigureHost {
  readonly #cells: ReadonlyMap<string, LiveCellElement>;
  readonly #figures: readonly LiveFigureElement[];
  readonly #playbacks = new Map<number, FigurePlayback>();
  readonly #plan: NotebookPlan;
  readonly #bar: SessionBar;
  readonly #t: Translate;
  readonly #locale: string;
  #connection: WorkerConnection | undefined;
  #running: RunningCell | undefined;
  #nextRunId = 1;
  /** The backend the reader asked for (the select, or ?backend= in the URL); automatic if unset. */
  #preferredBackend: BackendName | undefined = preferredBackendFromUrl();

  constructor(cells: readonly LiveCellElement[], figures: readonly LiveFigureElement[], controls: HTMLElement | null, t: Translate) {
    this.#cells = new Map(cells.map((cell) => [cell.cellId, cell]));
    this.#figures = figures;
    this.#plan = new NotebookPlan(
      cells.map((cell) => cell.cellId),
      (cellId, state) => this.#onStateChange(cellId, state),
    );
    this.#t = t;
    this.#locale = document.documentElement.lang || 'en';
    this.#bar = new SessionBar(controls, t, this.#locale);
    const backendSelect = controls?.querySelector<HTMLSelectElement>('[data-backend-select]');
    if (backendSelect) {
      backendSelect.hidden = false;
      backendSelect.value = this.#preferredBackend ?? '';
      backendSelect.addEventListener('change', () => this.switchBackend(asBackend(backendSelect.value)));
    }
    const runAll = controls?.querySelector<HTMLButtonElement>('[data-action="run-all"]');
    if (runAll) {
      runAll.hidden = false;
      runAll.addEventListener('click', () => this.runAll());
    }
  }

  run(cellId: string): void {
    this.#plan.requestRun(cellId);
    this.#pump();
  }

  runAll(): void {
    this.#plan.requestRunAll();
    this.#pump();
  }

  edited(cellId: string): void {
    this.#plan.edited(cellId);
  }

  /** Terminating the worker is the only stop that also ends `while (true) {}`. */
  stop(): void {
    if (!this.#connection) return;
    const interrupted = this.#dropWorker(this.#t('cell.stopped'));
    this.#plan.stopped();
    if (interrupted) this.#cells.get(interrupted.cellId)?.appendOutput(this.#t('cell.stopped'));
    this.#bar.showBackend(undefined);
  }

  /** Runs the next cells on another backend: the worker restarts, so the cells that ran are stale. */
  switchBackend(backend: BackendName | undefined): void {
    this.#preferredBackend = backend;
    if (!this.#connection) return;
    const interrupted = this.#dropWorker(this.#t('session.backend.switched'));
    this.#plan.stopped();
    if (interrupted) this.#cells.get(interrupted.cellId)?.appendOutput(this.#t('cell.stopped'));
    this.#bar.showBackend(undefined);
    this.#bar.showNotice(this.#t('session.backend.switched'));
  }

  /** Plays an animated figure's program in the worker, between cell runs. */
  playFigure(program: FigureProgramName, onFrame: (frame: FigureFrame) => void): Promise<void> {
    const runId = this.#nextRunId++;
    return new Promise((resolve, reject) => {
      this.#playbacks.set(runId, { onFrame, resolve, reject });
      this.#ensureWorker().send({ type: 'figure', runId, program });
    });
  }

  /** Says something in the session bar (a share link loaded, say). */
  notify(text: string): void {
    this.#bar.showNotice(text);
  }

  /** Starts the worker ahead of the first run, e.g. when the reader shows interest in a cell. */
  warmUp(): void {
    this.#ensureWorker();
  }

  #ensureWorker(): WorkerConnection {
    this.#connection ??= connectWorker((message) => this.#onMessage(message), this.#preferredBackend);
    this.#bar.showStarting();
    return this.#connection;
  }

  #pump(): void {
    if (this.#running) return;
    const cellId = this.#plan.startNext();
    if (cellId === undefined) return;
    const cell = this.#cells.get(cellId);
    if (!cell) return;
    const runId = this.#nextRunId++;
    this.#running = { runId, cellId };
    cell.clearOutput();
    this.#ensureWorker().send({ type: 'run', runId, cellId, code: cell.code, resultNames: this.#resultNames() });
  }

  #onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.#bar.showBackend(message.backend, message.fallbackReason);
        return;
      case 'gpu-lost': {
        this.#dropWorker(this.#t('session.gpuLost'));
        const interrupted = this.#plan.lostWhileRunning();
        if (interrupted) this.#cells.get(interrupted)?.showError({ name: 'GPUError', message: this.#t('session.gpuLost') });
        this.#bar.showBackend(undefined);
        this.#bar.showNotice(this.#t('session.gpuLost'));
        return;
      }
      case 'late-error':
        this.#cells.get(message.cellId)?.showError(message.failure);
        this.#plan.failedLate(message.cellId);
        return;
      case 'data-progress':
        this.#bar.showDataProgress(message.loadedBytes, message.totalBytes);
        return;
      case 'data-ready':
        this.#bar.hideDataProgress();
        return;
      case 'figure-frame':
        // The worker plays the program the figure asked for, so the frame is of that program's kind.
        this.#playbacks.get(message.runId)?.onFrame(message.frame as FigureFrame);
        return;
      case 'figure-end': {
        const playback = this.#playbacks.get(message.runId);
        this.#playbacks.delete(message.runId);
        if (message.error === undefined) playback?.resolve();
        else playback?.reject(new Error(message.error));
        return;
      }
      case 'fatal': {
        const interrupted = this.#dropWorker(message.message);
        this.#bar.showNotice(this.#t('session.fatal', { message: message.message }));
        if (interrupted) {
          this.#cells.get(interrupted.cellId)?.showError({ name: 'Error', message: message.message });
          this.#plan.finish(interrupted.cellId, false);
        }
        return;
      }
      case 'output':
        if (message.runId === this.#running?.runId) this.#cells.get(this.#running.cellId)?.showChunk(message.chunk);
        return;
      case 'done': {
        const running = this.#takeRunning(message.runId);
        if (!running) return;
        const cell = this.#cells.get(running.cellId);
        if (message.value !== undefined) cell?.appendOutput(message.value);
        this.#showResults(message.results);
        this.#bar.showMemory(message.memory);
        this.#plan.finish(running.cellId, true);
        this.#pump();
        return;
      }
      case 'failed': {
        const running = this.#takeRunning(message.runId);
        if (!running) return;
        this.#bar.hideDataProgress();
        this.#cells.get(running.cellId)?.showError(message.failure);
        this.#plan.finish(running.cellId, false);
        this.#pump();
        return;
      }
    }
  }

  #takeRunning(runId: number): RunningCell | undefined {
    if (this.#running?.runId !== runId) return undefined;
    const running = this.#running;
    this.#running = undefined;
    return running;
  }

  /** Ends the worker and everything it was doing; returns the cell that was running, if any. */
  #dropWorker(reason: string): RunningCell | undefined {
    this.#connection?.terminate();
    this.#connection = undefined;
    const interrupted = this.#running;
    this.#running = undefined;
    this.#endPlaybacks(reason);
    return interrupted;
  }

  #onStateChange(cellId: string, state: CellState): void {
    this.#cells.get(cellId)?.setState(state);
  }

  #endPlaybacks(reason: string): void {
    for (const playback of this.#playbacks.values()) playback.reject(new Error(reason));
    this.#playbacks.clear();
  }

  /** The variables the page shows outside the cells: inline results and figures. */
  #resultNames(): string[] {
    const inline = [...document.querySelectorAll<HTMLElement>('[data-result]')].map((element) => element.dataset['result'] ?? '');
    const figures = this.#figures.map((figure) => figure.source ?? '');
    return [...new Set([...inline, ...figures].filter(Boolean))];
  }

  #showResults(results: Record<string, ResultValue>): void {
    for (const element of document.querySelectorAll<HTMLElement>('[data-result]')) {
      const result = results[element.dataset['result'] ?? ''];
      if (!result) continue;
      element.textContent = formatResult(result, this.#locale, Number(element.dataset['digits'] ?? 4));
      delete element.dataset['baked'];
    }
    for (const figure of this.#figures) figure.update(results);
  }
}

/** `?backend=wasm` forces a backend: handy to compare them, and for tests. */
function preferredBackendFromUrl(): BackendName | undefined {
  return asBackend(new URLSearchParams(location.search).get('backend'));
}

function asBackend(value: string | null): BackendName | undefined {
  return (BACKENDS as readonly string[]).includes(value ?? '') ? (value as BackendName) : undefined;
}
