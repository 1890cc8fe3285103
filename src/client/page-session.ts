/**
 * The page's notebook session, on the main thread: the Notebook (src/runtime/notebook) decides what
 * runs when; this class runs its steps in the session worker, shows what comes back under the cells
 * and in the views, and keeps every state on the page current. It never runs reader code itself,
 * so the page stays responsive whatever a cell does.
 */
import { Notebook, type CellState, type KernelOutcome, type KernelStep, type NotebookNode } from '../runtime/notebook/notebook.ts';
import { dependencyLine } from '../runtime/notebook/dependency-line.ts';
import { BACKENDS, type BackendName, type QueryValue, type ResultValue } from '../runtime/protocol.ts';
import type { CellHost, LiveCellElement } from './live-cell.ts';
import type { FigureHost, LiveFigureElement } from './live-figure.ts';
import type { LiveControlElement } from './live-control.ts';
import type { FigureFrame, FigureProgramName } from '../figures/programs.ts';
import type { Translate } from './ui-strings.ts';
import { SessionBar } from './session-bar.ts';
import { SessionConnection, type StepEnd } from './session-connection.ts';
import { findNonFiniteResults, nonFiniteHint } from '../runtime/non-finite.ts';
import type { SharedRunGuard } from './shared-run-guard.ts';
import { figureView, resultView, type LiveFrame, type View } from './views.ts';
import { explorerView, type ExplorerHost } from './explorers/explorer-view.ts';
import { watchEverySteps } from './explorers/watch-config.ts';

/** How long Stop waits for a cell to reach an `await` before it ends the worker. */
const STOP_GRACE_MS = 1_000;
/** A control's new value re-runs its cheap dependents once the reader pauses. */
const CONTROL_DEBOUNCE_MS = 300;

type Shown = 'baked' | 'lost' | 'nothing' | { stamp: string };

export interface PageSessionParts {
  nodes: readonly NotebookNode[];
  cells: readonly LiveCellElement[];
  figures: readonly LiveFigureElement[];
  controls: readonly LiveControlElement[];
  /** Explorers (`[data-explorer]`): views of the model W and b that the reader pokes. */
  explorers?: readonly HTMLElement[];
  bar: HTMLElement | null;
  t: Translate;
  /** Asks before cells that show shared code the reader has not run are run (shared-run-guard.ts). */
  guard?: SharedRunGuard;
}

export class PageSession implements CellHost, FigureHost, ExplorerHost {
  readonly #cells: ReadonlyMap<string, LiveCellElement>;
  readonly #controls: ReadonlyMap<string, LiveControlElement>;
  readonly #views: readonly View[];
  readonly #shown = new Map<string, Shown>();
  readonly #notebook: Notebook;
  readonly #connection: SessionConnection;
  readonly #bar: SessionBar;
  readonly #t: Translate;
  readonly #locale: string;
  readonly #cellOrder: readonly string[];
  /** Results of finished runs, by stamp, until the notebook says which views they belong to. */
  readonly #results = new Map<string, Record<string, ResultValue>>();
  readonly #runCells = new Map<number, string>();
  /** Expensive cells that wait for an explicit Run after a control changed. */
  readonly #waitingForRun = new Set<string>();
  /** Views that followed the running cell's values as it went (training you can watch). */
  readonly #liveViews = new Set<View>();
  #runningStep: { id: string; runId: number; progress?: { done: number; total: number } } | undefined;
  #stopTimer: ReturnType<typeof setTimeout> | undefined;
  #controlTimer: ReturnType<typeof setTimeout> | undefined;
  #analysis: Promise<typeof import('./cell-analysis.ts')> | undefined;
  /** Explorers' questions waiting for the notebook to finish what it runs. */
  #whenIdle: Array<() => void> = [];
  readonly #guard: SharedRunGuard | undefined;

  constructor(parts: PageSessionParts) {
    this.#t = parts.t;
    this.#guard = parts.guard;
    this.#locale = document.documentElement.lang || 'en';
    this.#cells = new Map(parts.cells.map((cell) => [cell.cellId, cell]));
    this.#controls = new Map(parts.controls.map((control) => [control.node, control]));
    const views = [
      ...[...document.querySelectorAll<HTMLElement>('[data-result][data-node]')].map((element) =>
        resultView(element, this.#locale, parts.t),
      ),
      ...parts.figures.map((figure) => figureView(figure, parts.t)),
      ...(parts.explorers ?? []).map((element) => explorerView(element, parts.t, this)),
    ];
    this.#views = views.filter((view): view is View => view !== undefined);
    for (const view of this.#views) this.#shown.set(view.node, view.element.hasAttribute('data-baked') ? 'baked' : 'nothing');
    // Nodes the page has elements for; a cell without its element cannot run (and should not exist).
    const known = new Set([...this.#cells.keys(), ...this.#controls.keys(), ...this.#views.map((view) => view.node)]);
    const nodes = parts.nodes.filter((node) => known.has(node.id));
    // A cell the build did not describe (an old page, say) still runs, on its own, in page order.
    for (const id of this.#cells.keys()) {
      if (!nodes.some((node) => node.id === id)) nodes.push({ id, kind: 'cell', defines: [], reads: [], writes: [] });
    }
    this.#cellOrder = nodes.filter((node) => node.kind === 'cell').map((node) => node.id);
    this.#notebook = new Notebook(
      nodes,
      { run: (step) => this.#runStep(step), release: (keys) => this.#connection.release(keys) },
      {
        changed: () => this.#render(),
        started: (id) => this.#cells.get(id)?.beginRun(),
        finished: (id, stamp) => this.#finished(id, stamp),
      },
    );
    this.#connection = new SessionConnection(
      {
        ready: (backend, reason, software) => this.#bar.showBackend(backend, reason, software),
        output: (runId, chunk) => {
          const cellId = this.#runCells.get(runId);
          if (cellId === undefined) return;
          this.#cells.get(cellId)?.showChunk(chunk);
          if (chunk.progress && this.#runningStep?.runId === runId) {
            this.#runningStep.progress = chunk.progress;
            this.#renderActivity();
          }
        },
        dataProgress: (loadedBytes, totalBytes) => {
          this.#bar.showDataProgress(loadedBytes, totalBytes);
          this.#renderActivity();
        },
        dataReady: () => {
          this.#bar.hideDataProgress();
          this.#renderActivity();
        },
        codeLoading: (what) => this.#bar.showCodeLoading(what),
        codeReady: () => this.#bar.showCodeLoading(undefined),
        fatal: (message, gpuLost) =>
          gpuLost
            ? this.#loseSession(this.#t('session.gpuLost'), 'GPUError')
            : this.#loseSession(this.#t('session.fatal', { message }), 'SessionError'),
        lateError: (cellId, failure) => {
          this.#cells.get(cellId)?.showError(failure);
          this.#notebook.failedLate(cellId);
        },
        memory: (memory) => this.#bar.showMemory(memory),
        watchFrame: (runId, frame) => this.#showFrame(runId, frame),
      },
      {
        preferredBackend: preferredBackendFromUrl(),
        tfjsFlags: new URLSearchParams(location.search).get('tfjsflags') ?? undefined,
        watch: {
          names: [...new Set(this.#views.filter((view) => view.live).flatMap((view) => view.names))],
          everySteps: watchEverySteps(location.search),
        },
      },
    );
    this.#bar = new SessionBar(parts.bar, parts.t, this.#locale);
    this.#wireBar(parts.bar);
    for (const control of parts.controls) control.connect(() => this.#controlChanged(control.node), parts.t);
    this.#render();
  }

  run(cellId: string): void {
    const willRun = this.#notebook.graph.closureOf(cellId).filter((id) => this.#cells.has(id));
    void (this.#guard?.confirmRun(cellId, willRun) ?? Promise.resolve(true)).then((go) => {
      if (!go) return;
      this.#waitingForRun.delete(cellId);
      void this.#notebook.run(cellId);
    });
  }

  runAll(): void {
    void (this.#guard?.confirmRunAll() ?? Promise.resolve(true)).then((go) => {
      if (!go) return;
      this.#waitingForRun.clear();
      void this.#notebook.runAll();
    });
  }

  /** The reader changed a cell's code: it and what depends on it are out of date at once; the new graph follows. */
  edited(cellId: string): void {
    this.#notebook.edited(cellId);
    this.#analysis ??= import('./cell-analysis.ts');
    void this.#analysis.then(({ analyzeOrUndefined }) => {
      const analysis = analyzeOrUndefined(this.#cells.get(cellId)?.code ?? '');
      if (analysis) this.#notebook.updateAnalysis(cellId, analysis);
    });
  }

  /**
   * Stop: what is queued is dropped; the running cell stops at its next `await` (the training loop
   * has one every few steps) and the session keeps its variables. A cell that does not get there
   * within a second (`while (true) {}`) ends the worker, and the cells that had run are stale.
   */
  stop(): void {
    this.#notebook.cancelQueued();
    const running = this.#runningStep;
    if (!running) return;
    this.#connection.interrupt();
    clearTimeout(this.#stopTimer);
    this.#stopTimer = setTimeout(() => {
      if (this.#runningStep?.runId === running.runId) this.#loseSession(this.#t('cell.stopped'), 'stopped');
    }, STOP_GRACE_MS);
  }

  /** Runs the next cells on another backend: the worker restarts, so the cells that ran are stale. */
  switchBackend(backend: BackendName | undefined): void {
    this.#connection.preferredBackend = backend;
    if (!this.#connection.started) return;
    this.#loseSession(this.#t('session.backend.switched'), 'backend');
  }

  playFigure(program: FigureProgramName, onFrame: (frame: FigureFrame) => void): Promise<void> {
    // The worker plays the program the figure asked for, so each frame is of that program's kind.
    return this.#connection.playFigure(program, (frame) => onFrame(frame as FigureFrame));
  }

  /** Says something in the session bar (a share link loaded, say). */
  notify(text: string): void {
    this.#bar.showNotice(text);
  }

  /** Starts the worker ahead of the first run, e.g. when the reader shows interest in a cell. */
  warmUp(): void {
    if (!this.#connection.started) this.#bar.showStarting();
    this.#connection.start();
  }

  // ---- explorers ---------------------------------------------------------------------------------

  /** The stamp of `name` a view at `node` should show (undefined until its provider has run). */
  expectedStamp(node: string, name: string): string | undefined {
    return this.#notebook.expectedStamp(node, name);
  }

  /** The snapshot key to ask the worker for `name` as run `stamp` left it, while the session holds it. */
  heldKey(name: string, stamp: string): string | undefined {
    return this.#notebook.heldKey(name, stamp);
  }

  /**
   * An explorer's question, answered in the worker (starting it if needed) once the notebook has
   * nothing left to run: between two cells of a Run it would delay the cells the reader asked for
   * (on a cold page, with a second download of the test set), and their end changes the model the
   * explorer shows anyway.
   */
  async query(program: string, args: unknown, values: QueryValue[]): Promise<unknown> {
    if (!this.#connection.started) this.#bar.showStarting();
    if (this.#notebook.busy) await new Promise<void>((resolve) => this.#whenIdle.push(resolve));
    return this.#connection.query(program, args, values);
  }

  /** A running cell's values every few steps: to the views whose variables it provides. */
  #showFrame(runId: number, frame: LiveFrame): void {
    const cellId = this.#runCells.get(runId);
    if (cellId === undefined) return;
    for (const view of this.#views) {
      if (!view.live) continue;
      const inputs = this.#notebook.graph.inputsOf(view.node);
      if (!view.names.some((name) => name in frame.values && inputs.get(name) === cellId)) continue;
      view.live(frame);
      this.#liveViews.add(view);
    }
  }

  /** The run those views followed ended without final values: what they show is out of date. */
  #dropLiveViews(): void {
    for (const view of this.#liveViews) {
      view.live?.(undefined);
      this.#shown.set(view.node, 'lost');
    }
    this.#liveViews.clear();
  }

  // ---- running a step ------------------------------------------------------------------------

  async #runStep(step: KernelStep): Promise<KernelOutcome> {
    const runId = this.#connection.nextRunId();
    const fields = {
      runId,
      stamp: step.stamp,
      restore: step.restore,
      snapshot: step.snapshot,
      shown: [...new Set(this.#views.flatMap((view) => view.names))],
    };
    if (!this.#connection.started) this.#bar.showStarting();
    this.#runningStep = { id: step.nodeId, runId };
    this.#runCells.set(runId, step.nodeId);
    this.#renderActivity();
    let end: StepEnd;
    try {
      if (step.kind === 'control') {
        const control = this.#controls.get(step.nodeId);
        end = await this.#connection.step({ type: 'define', name: control?.name ?? '', value: control?.value ?? null, ...fields });
      } else {
        const cell = this.#cells.get(step.nodeId);
        end = await this.#connection.step({ type: 'run', cellId: step.nodeId, code: cell?.code ?? '', ...fields });
      }
    } finally {
      this.#runCells.delete(runId);
      if (this.#runningStep?.runId === runId) this.#runningStep = undefined;
      clearTimeout(this.#stopTimer);
    }
    this.#showEnd(step, end);
    return {
      ok: end.ok,
      ...(!end.ok && end.interrupted ? { interrupted: true } : {}),
      writes: end.writes,
      snapshots: end.snapshots,
      digests: end.digests,
      durationMs: end.durationMs,
    };
  }

  #showEnd(step: KernelStep, end: StepEnd): void {
    const cell = this.#cells.get(step.nodeId);
    this.#bar.showMemory(end.memory);
    if (end.ok) {
      if (end.value !== undefined) cell?.appendOutput(end.value);
      this.#results.set(step.stamp, end.results);
      this.#warnNonFinite(cell, end);
    } else if (end.interrupted) {
      this.#dropLiveViews();
      cell?.appendOutput(this.#t('cell.interrupted'));
    } else {
      this.#dropLiveViews();
      this.#bar.hideDataProgress();
      cell?.showError(end.failure);
    }
  }

  /** NaN or Infinity in what the cell printed, returned, or gave the prose: said in the cell. */
  #warnNonFinite(cell: LiveCellElement | undefined, end: StepEnd): void {
    if (!cell) return;
    const inResults = findNonFiniteResults(end.results);
    const names = Object.keys(inResults);
    const found = [end.nonFinite, ...Object.values(inResults)].filter((item) => item !== undefined);
    if (found.length === 0) return;
    const nan = found.some((item) => item.nan);
    const infinity = found.some((item) => item.infinity);
    cell.showNumberWarning({
      nan,
      infinity,
      hint: nonFiniteHint({ nan, infinity }, cell.code),
      where: [...(end.nonFinite?.where ?? []), ...names],
    });
  }

  /** The notebook recorded a run: its values go to the views that show them from there. */
  #finished(_id: string, stamp: string): void {
    const results = this.#results.get(stamp);
    this.#results.clear();
    // A view that followed the run shows its final values, even where they equal the last run's
    // (the values keep that run's stamp): it was showing a step of the way.
    const live = new Set(this.#liveViews);
    this.#liveViews.clear();
    if (!results) return;
    for (const view of this.#views) {
      const fresh = view.names.filter(
        (name) => name in results && (this.#notebook.expectedStamp(view.node, name) === stamp || live.has(view)),
      );
      if (fresh.length === 0) continue;
      view.show(results);
      this.#shown.set(view.node, { stamp: this.#notebook.expectedStamp(view.node, fresh[0] as string) ?? stamp });
    }
  }

  /**
   * One way to end a session (a stop that did not stop, a lost GPU, a fatal error, another backend):
   * the worker and its values go, every cell and view that showed them is out of date, progress
   * bars close, and the next run starts a fresh session.
   */
  #loseSession(reason: string, cause: 'stopped' | 'backend' | 'GPUError' | 'SessionError'): void {
    const interrupted = this.#runningStep;
    this.#runningStep = undefined;
    this.#connection.end(reason);
    this.#dropLiveViews();
    this.#notebook.sessionLost();
    for (const view of this.#views)
      if (this.#shown.get(view.node) !== 'nothing' && this.#shown.get(view.node) !== 'baked') this.#shown.set(view.node, 'lost');
    const cell = interrupted ? this.#cells.get(interrupted.id) : undefined;
    if (cause === 'stopped' || cause === 'backend') cell?.appendOutput(reason);
    else cell?.showError({ name: cause, message: reason });
    for (const cell of this.#cells.values()) cell.closeProgress();
    this.#bar.hideDataProgress();
    this.#bar.showCodeLoading(undefined);
    this.#bar.hideMemory();
    this.#bar.showBackend(undefined);
    if (cause !== 'stopped') this.#bar.showNotice(reason);
    this.#render();
  }

  // ---- controls --------------------------------------------------------------------------------

  #controlChanged(node: string): void {
    this.#notebook.edited(node);
    clearTimeout(this.#controlTimer);
    this.#controlTimer = setTimeout(() => {
      const cheap = new Set(this.#notebook.cheapDependents(node));
      for (const id of this.#notebook.graph.downstreamOf(node)) {
        if (!this.#cells.has(id)) continue;
        if (cheap.has(id)) void this.#notebook.update(id);
        else this.#waitingForRun.add(id);
      }
      this.#render();
    }, CONTROL_DEBOUNCE_MS);
  }

  // ---- what the page shows -----------------------------------------------------------------------

  #render(): void {
    const running = this.#notebook.running;
    const graph = this.#notebook.graph;
    for (const [id, cell] of this.#cells) {
      const state: CellState = this.#notebook.state(id);
      cell.setState(state);
      cell.showWaitingFor(state === 'queued' && running && running !== id ? { id: running, label: running } : undefined);
      cell.showBlockedBy(state === 'running' ? undefined : this.#notebook.blockedBy(id));
      if (state === 'done' || state === 'running') this.#waitingForRun.delete(id);
      cell.setWaitingForRun(this.#waitingForRun.has(id));
      cell.showDependencies(dependencyLine(graph, id, (other) => this.#cells.has(other)));
    }
    for (const view of this.#views) view.setStale(this.#notebook.viewState(view.node, this.#shown.get(view.node) ?? 'nothing') === 'stale');
    this.#renderActivity();
    if (!this.#notebook.busy && this.#whenIdle.length > 0) {
      const waiting = this.#whenIdle;
      this.#whenIdle = [];
      for (const resolve of waiting) resolve();
    }
  }

  #renderActivity(): void {
    // The download is the bar's own (showDataProgress): it says it before the cell that waits for it.
    const running = this.#runningStep;
    if (running && this.#cells.has(running.id)) {
      this.#bar.showActivity({
        kind: 'running',
        cellId: running.id,
        label: running.id,
        position: this.#cellOrder.indexOf(running.id) + 1,
        count: this.#cellOrder.length,
        queued: this.#notebook.queue.length,
        ...(running.progress ? { step: running.progress } : {}),
      });
    } else {
      this.#bar.showActivity(undefined);
    }
  }

  #wireBar(root: HTMLElement | null): void {
    const backendSelect = root?.querySelector<HTMLSelectElement>('[data-backend-select]');
    if (backendSelect) {
      backendSelect.hidden = false;
      backendSelect.value = this.#connection.preferredBackend ?? '';
      backendSelect.addEventListener('change', () => this.switchBackend(asBackend(backendSelect.value)));
    }
    const runAll = root?.querySelector<HTMLButtonElement>('[data-action="run-all"]');
    if (runAll) {
      runAll.hidden = false;
      runAll.addEventListener('click', () => this.runAll());
    }
    this.#bar.onStopAll(() => this.stop());
  }
}

/** `?backend=wasm` forces a backend: handy to compare them, and for tests. */
function preferredBackendFromUrl(): BackendName | undefined {
  return asBackend(new URLSearchParams(location.search).get('backend'));
}

function asBackend(value: string | null): BackendName | undefined {
  return (BACKENDS as readonly string[]).includes(value ?? '') ? (value as BackendName) : undefined;
}
