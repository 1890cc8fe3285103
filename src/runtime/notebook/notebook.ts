/**
 * The notebook: what runs when, and the state of every cell, control and view. No DOM, no worker:
 * it drives a Kernel (the session that runs code) and tells a listener when states change.
 *
 * The rules (README, "How the notebook runs"):
 * - A page reads top to bottom: each node sees a name as the nearest node above it left it
 *   (graph.ts). Results depend on the code, not on the order of clicks.
 * - Run brings a cell up to date: first the nodes it depends on that are not up to date, then it;
 *   nothing else. If a name it needs was changed since by a node below (a later training step, a
 *   redefinition), its value is put back first, from a snapshot the session kept, or by running
 *   its provider again.
 * - Every run gets stamps: a node is up to date when it ran with its current code and saw the
 *   latest stamps of its up-to-date providers. Editing a node makes exactly it and its dependents
 *   out of date (stale); a failure makes its dependents wait, and nothing else.
 * - Run all runs every cell once, in page order, skipping only those that depend on a failure.
 */
import { DependencyGraph, type GraphNode } from './graph.ts';
import { snapshotKey, stampOfKey } from './stamps.ts';

export type CellState = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'stale';
export const CELL_STATES: readonly CellState[] = ['idle', 'queued', 'running', 'done', 'error', 'stale'];

export interface KernelStep {
  nodeId: string;
  kind: GraphNode['kind'];
  /** Unique for this run: the stamp of every name it defines or writes. */
  stamp: string;
  /** Names to put back to an earlier value before running: `name` from snapshot `key`. */
  restore: Array<{ name: string; key: string }>;
  /** Names this run defines whose values later nodes change: keep a copy (key: `name@stamp`). */
  snapshot: string[];
}

export interface KernelOutcome {
  ok: boolean;
  /** The run was stopped by the reader before it ended (its changes are partial). */
  interrupted?: boolean;
  /** Names it changed without defining them, seen at run time (an optimizer step on `W`). */
  writes: string[];
  /** Snapshot keys the session now holds (some values cannot be copied). */
  snapshots: string[];
  /** Digests of the values it made: equal to the last run's, they keep their stamps. */
  digests?: Record<string, string>;
  durationMs: number;
}

export interface Kernel {
  run(step: KernelStep): Promise<KernelOutcome>;
  /** Frees snapshots nobody needs any more, right after the run that made them useless. */
  release(keys: string[]): void;
}

export interface NotebookNode extends GraphNode {
  /** Names the build saw it change at run time (until it runs here, the page assumes it still does). */
  bakedWrites?: readonly string[];
  /** A build-time run of this node's original code exists (its output is in the page). */
  baked?: boolean;
  /** How long the build-time run took, to tell cheap nodes from expensive ones before any run. */
  bakedMs?: number;
}

interface RunRecord {
  version: number;
  inputs: Map<string, string>;
  outputs: Map<string, string>;
  digests: Record<string, string>;
  ok: boolean;
  interrupted: boolean;
  durationMs: number;
}

interface NodeRecord {
  spec: NotebookNode;
  /** Names the code assigns (static); run-time writes are added after each run. */
  staticWrites: readonly string[];
  version: number;
  run: RunRecord | undefined;
  /** It ran in a session that was lost: what it showed is out of date. */
  lost: boolean;
}

interface Target {
  id: string;
  /** Run it even if it is up to date (the reader pressed Run). */
  force: boolean;
}

export interface NotebookListener {
  /** Something changed: states, queue, running node. Re-read what you show. */
  changed(): void;
  /** A node is about to run (for outputs: clear, then show what comes). */
  started?(id: string): void;
  /** A node's run was recorded: what it defines or changes now carries `stamp`. */
  finished?(id: string, stamp: string): void;
}

/** What a node shows, as the page needs it. */
export type ViewState = 'fresh' | 'stale';

/** A run cheaper than this may re-run by itself when a control it depends on changes. */
export const CHEAP_RUN_MS = 500;

export class Notebook {
  readonly #records = new Map<string, NodeRecord>();
  readonly #order: string[];
  readonly #kernel: Kernel;
  readonly #listener: NotebookListener;
  #graph: DependencyGraph;
  /** The stamp each name's current value in the session carries. */
  readonly #current = new Map<string, string>();
  readonly #snapshots = new Set<string>();
  readonly #targets: Target[] = [];
  /** Providers that must run again because a value they made was lost (no snapshot). */
  readonly #forced = new Set<string>();
  /** Cells that failed since the queue was last empty: not retried for other targets. */
  readonly #failedInBatch = new Set<string>();
  readonly #blockedBy = new Map<string, string>();
  /** Snapshot keys to drop with the next step (they are decided once a run's values are known). */
  #releases: string[] = [];
  #running: string | undefined;
  #pumping = false;
  #serial = 0;
  #generation = 0;

  constructor(nodes: readonly NotebookNode[], kernel: Kernel, listener: NotebookListener) {
    for (const node of nodes) {
      const spec = { ...node, writes: union(node.writes, node.bakedWrites ?? []) };
      this.#records.set(node.id, { spec, staticWrites: node.writes, version: 0, run: undefined, lost: false });
    }
    this.#order = nodes.map((node) => node.id);
    this.#graph = new DependencyGraph(this.#order.map((id) => this.#record(id).spec));
    this.#kernel = kernel;
    this.#listener = listener;
  }

  get graph(): DependencyGraph {
    return this.#graph;
  }

  get running(): string | undefined {
    return this.#running;
  }

  /** True from a Run until everything it planned has run (or stopped): steps are still to come. */
  get busy(): boolean {
    return this.#pumping;
  }

  /** Brings `id` up to date, running it even if it already is. */
  run(id: string): Promise<void> {
    this.#record(id);
    if (this.#running !== id && !this.#targets.some((target) => target.id === id)) this.#targets.push({ id, force: true });
    return this.#pump();
  }

  /** Brings `id` up to date, running nothing if it already is (a control changed, say). */
  update(id: string): Promise<void> {
    this.#record(id);
    if (this.#running !== id && !this.#targets.some((target) => target.id === id)) this.#targets.push({ id, force: false });
    return this.#pump();
  }

  /** Runs every cell once, in page order. */
  runAll(): Promise<void> {
    for (const id of this.#order) {
      if (this.#record(id).spec.kind === 'view') continue;
      if (this.#running !== id && !this.#targets.some((target) => target.id === id)) this.#targets.push({ id, force: true });
    }
    this.#targets.sort((a, b) => this.#graph.position(a.id) - this.#graph.position(b.id));
    return this.#pump();
  }

  /** The node's code or value changed: it and its dependents are out of date. */
  edited(id: string, analysis?: Pick<GraphNode, 'defines' | 'reads' | 'writes' | 'functions'>): void {
    const record = this.#record(id);
    record.version++;
    if (analysis) this.#setAnalysis(record, analysis);
    this.#listener.changed();
  }

  /** The analysis of an edited node arrived (it is computed off the edit, in the browser). */
  updateAnalysis(id: string, analysis: Pick<GraphNode, 'defines' | 'reads' | 'writes' | 'functions'>): void {
    this.#setAnalysis(this.#record(id), analysis);
    this.#listener.changed();
  }

  /** A node that had finished failed afterwards (an error thrown by one of its timers). */
  failedLate(id: string): void {
    const run = this.#record(id).run;
    if (!run?.ok) return;
    run.ok = false;
    this.#listener.changed();
  }

  /** Cancels what is queued (the running node finishes or is interrupted by the kernel). */
  cancelQueued(): void {
    this.#targets.splice(0);
    this.#forced.clear();
    this.#listener.changed();
  }

  /** The session's values are gone (stop, lost GPU, fatal error, another backend). */
  sessionLost(): void {
    this.#generation++;
    this.#targets.splice(0);
    this.#forced.clear();
    this.#failedInBatch.clear();
    this.#blockedBy.clear();
    for (const record of this.#records.values()) {
      if (record.run || record.lost || this.#running === record.spec.id) record.lost = true;
      record.run = undefined;
    }
    this.#running = undefined;
    this.#pumping = false;
    this.#current.clear();
    this.#snapshots.clear();
    this.#releases = [];
    this.#listener.changed();
  }

  // ---- what the page shows ------------------------------------------------------------------

  state(id: string): CellState {
    const record = this.#record(id);
    if (this.#running === id) return 'running';
    if (this.#plannedRuns().has(id)) return 'queued';
    const run = record.run;
    if (run) {
      if (run.ok && this.isUpToDate(id)) return 'done';
      if (!run.ok && !run.interrupted && run.version === record.version && this.#sawLatestInputs(id, run)) return 'error';
      return 'stale';
    }
    if (record.lost) return 'stale';
    if (record.spec.baked && !this.isBakedUpToDate(id)) return 'stale';
    if (!record.spec.baked && record.version > 0) return 'stale';
    return 'idle';
  }

  /** Up to date in this session: ran with its current code and saw its providers' latest values. */
  isUpToDate(id: string, seen = new Map<string, boolean>()): boolean {
    const known = seen.get(id);
    if (known !== undefined) return known;
    seen.set(id, false);
    const record = this.#record(id);
    const run = record.run;
    const result =
      run !== undefined &&
      run.ok &&
      run.version === record.version &&
      [...this.#graph.inputsOf(id)].every(
        ([name, provider]) => this.isUpToDate(provider, seen) && run.inputs.get(name) === this.#latestOutput(provider, name),
      );
    seen.set(id, result);
    return result;
  }

  /** What the build computed for this node still matches its code and its providers' code. */
  isBakedUpToDate(id: string, seen = new Set<string>()): boolean {
    if (seen.has(id)) return true;
    seen.add(id);
    const record = this.#record(id);
    if (record.version !== 0) return false;
    if (record.spec.kind === 'cell' && !record.spec.baked) return false;
    return this.#graph.providersOf(id).every((provider) => this.isBakedUpToDate(provider, seen));
  }

  /**
   * Whether a view (an inline value, a figure) that shows `name` is out of date. `shows` is what
   * it shows: the build's value, a stamp of this session, or a value from a lost session.
   */
  viewState(id: string, shows: 'baked' | 'lost' | 'nothing' | { stamp: string }): ViewState {
    if (shows === 'nothing') return 'fresh';
    if (shows === 'lost') return 'stale';
    const providers = this.#graph.providersOf(id);
    if (shows === 'baked') return providers.every((provider) => this.isBakedUpToDate(provider)) ? 'fresh' : 'stale';
    const fresh = [...this.#graph.inputsOf(id)].every(
      ([name, provider]) => this.isUpToDate(provider) && this.#latestOutput(provider, name) === shows.stamp,
    );
    return fresh ? 'fresh' : 'stale';
  }

  /** The stamp of `name` that a view at `id` should show, if its provider has run. */
  expectedStamp(id: string, name: string): string | undefined {
    const provider = this.#graph.inputsOf(id).get(name);
    return provider === undefined ? undefined : this.#latestOutput(provider, name);
  }

  /**
   * The snapshot key of `name` as run `stamp` left it, if the session still holds that value (as its
   * current value or as a copy); undefined once it is gone. What an explorer asks the worker for:
   * the worker takes the copy if there is one, else the current value.
   */
  heldKey(name: string, stamp: string): string | undefined {
    const key = snapshotKey(name, stamp);
    return this.#current.get(name) === stamp || this.#snapshots.has(key) ? key : undefined;
  }

  /** The failed node that kept `id` from running, if one did. */
  blockedBy(id: string): string | undefined {
    return this.#blockedBy.get(id);
  }

  /** Nodes queued to run, in the order they will run (an estimate: values lost on the way add runs). */
  get queue(): string[] {
    return [...this.#plannedRuns()].sort((a, b) => this.#graph.position(a) - this.#graph.position(b));
  }

  /**
   * How expensive running it again is: the build's time (the same on every machine) for the
   * article's code, else the last run's here.
   */
  costOf(id: string): number | undefined {
    const record = this.#record(id);
    if (record.spec.bakedMs !== undefined && record.version === 0) return record.spec.bakedMs;
    return record.run?.durationMs ?? record.spec.bakedMs;
  }

  /** Cells below a changed control that are cheap to bring up to date (they may re-run by themselves). */
  cheapDependents(id: string): string[] {
    return this.#graph.downstreamOf(id).filter((dependent) => {
      const node = this.#record(dependent).spec;
      if (node.kind !== 'cell') return false;
      return this.#graph
        .closureOf(dependent)
        .filter((upstream) => !this.isUpToDate(upstream) && this.#record(upstream).spec.kind === 'cell')
        .every((upstream) => (this.costOf(upstream) ?? Infinity) < CHEAP_RUN_MS);
    });
  }

  // ---- running -------------------------------------------------------------------------------

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    const generation = this.#generation;
    this.#listener.changed();
    try {
      while (this.#targets.length > 0 && generation === this.#generation) {
        const target = this.#targets[0] as Target;
        const step = this.#nextStep(target);
        if (step === 'blocked' || step === undefined) {
          this.#targets.shift();
          continue;
        }
        await this.#execute(step.id, step.restores, generation);
        if (step.id === target.id) this.#targets.shift();
      }
    } finally {
      // After a lost session, a new pump may already be running: leave it alone.
      if (generation === this.#generation) {
        this.#pumping = false;
        this.#failedInBatch.clear();
        this.#forced.clear();
        this.#listener.changed();
      }
    }
  }

  /** The next node to run for `target`, with the values to put back first. */
  #nextStep(target: Target): { id: string; restores: Array<{ name: string; key: string }> } | 'blocked' | undefined {
    for (let attempt = 0; attempt <= this.#order.length; attempt++) {
      let restart = false;
      for (const id of this.#graph.closureOf(target.id)) {
        const record = this.#record(id);
        if (record.spec.kind === 'view') continue;
        const mustRun = (id === target.id && target.force) || this.#forced.has(id) || !this.isUpToDate(id);
        if (!mustRun) continue;
        if (this.#failedInBatch.has(id)) {
          this.#blockedBy.set(target.id, id);
          return 'blocked';
        }
        const restores: Array<{ name: string; key: string }> = [];
        for (const [name, provider] of this.#graph.inputsOf(id)) {
          const expected = this.#latestOutput(provider, name);
          if (expected === undefined || this.#current.get(name) === expected) continue;
          const key = snapshotKey(name, expected);
          if (this.#snapshots.has(key)) {
            restores.push({ name, key });
          } else {
            // The value is gone (a later node changed it and it could not be copied): make it again.
            this.#forced.add(provider);
            restart = true;
            break;
          }
        }
        if (restart) break;
        this.#blockedBy.delete(target.id);
        return { id, restores };
      }
      if (!restart) return undefined;
    }
    return 'blocked';
  }

  async #execute(id: string, restores: Array<{ name: string; key: string }>, generation: number): Promise<void> {
    const record = this.#record(id);
    const stamp = `${id}#${++this.#serial}`;
    const inputs = new Map<string, string>();
    for (const [name, provider] of this.#graph.inputsOf(id)) {
      const expected = this.#latestOutput(provider, name);
      if (expected !== undefined) inputs.set(name, expected);
    }
    const previous = record.run;
    const snapshot = this.#graph.outputsOf(id).filter((name) => this.#graph.producerCount(name) > 1);
    this.#running = id;
    this.#forced.delete(id);
    this.#listener.started?.(id);
    this.#listener.changed();
    const version = record.version;
    let outcome: KernelOutcome;
    try {
      outcome = await this.#kernel.run({ nodeId: id, kind: record.spec.kind, stamp, restore: restores, snapshot });
    } catch {
      // The session was lost while this ran; sessionLost() has reset everything.
      return;
    }
    if (generation !== this.#generation) return;
    this.#running = undefined;
    for (const { name, key } of restores) this.#current.set(name, stampOfKey(name, key));
    for (const key of outcome.snapshots) this.#snapshots.add(key);
    const digests = outcome.ok ? (outcome.digests ?? {}) : {};
    // Names it changed at run time join its writes, for the graph (they are its outputs from now on).
    const observed = outcome.writes.filter((name) => !record.spec.defines.includes(name));
    record.spec = { ...record.spec, writes: union(record.staticWrites, observed) };
    if (
      observed.some((name) => !previous?.outputs.has(name)) ||
      (previous && [...previous.outputs.keys()].some((name) => !record.spec.defines.includes(name) && !observed.includes(name)))
    ) {
      this.#rebuildGraph();
    }
    // A run that failed or was stopped may have changed any name it defines or writes: their
    // values carry a stamp nobody expects, so a node that needs them gets them back first.
    const outputs = new Map<string, string>();
    const outputStamp = outcome.interrupted ? `${stamp}:partial` : outcome.ok ? stamp : `${stamp}:failed`;
    for (const name of new Set([...record.spec.defines, ...observed])) {
      // The same value as its last run made (same digest): it keeps that run's stamp, and what uses
      // it stays up to date. Its older copy stays; the new one is dropped.
      const old = previous?.ok ? previous.outputs.get(name) : undefined;
      const same = old !== undefined && digests[name] !== undefined && previous?.digests[name] === digests[name];
      const stampOfName = same ? old : outputStamp;
      if (same) this.#dropSnapshot(snapshotKey(name, outputStamp));
      else if (old !== undefined) this.#dropSnapshot(snapshotKey(name, old));
      outputs.set(name, stampOfName);
      this.#current.set(name, stampOfName);
    }
    for (const [name, old] of previous?.outputs ?? []) if (!outputs.has(name)) this.#dropSnapshot(snapshotKey(name, old));
    // Freed now, not with the next run: the copies of a training's weights are megabytes.
    if (this.#releases.length > 0) this.#kernel.release(this.#releases.splice(0));
    record.run = {
      version,
      inputs,
      outputs,
      digests,
      ok: outcome.ok,
      interrupted: outcome.interrupted ?? false,
      durationMs: outcome.durationMs,
    };
    record.lost = false;
    if (!outcome.ok) {
      this.#failedInBatch.add(id);
      if (outcome.interrupted) this.#targets.splice(0);
    }
    this.#listener.finished?.(id, outputStamp);
    this.#listener.changed();
  }

  #dropSnapshot(key: string): void {
    if (this.#snapshots.delete(key)) this.#releases.push(key);
  }

  /** Records a value a view now shows, and says which stamp that is. */
  latestStampOf(id: string, name: string): string | undefined {
    return this.#latestOutput(id, name);
  }

  #latestOutput(provider: string, name: string): string | undefined {
    return this.#records.get(provider)?.run?.outputs.get(name);
  }

  #sawLatestInputs(id: string, run: RunRecord): boolean {
    return [...this.#graph.inputsOf(id)].every(([name, provider]) => run.inputs.get(name) === this.#latestOutput(provider, name));
  }

  /** The nodes that pending targets will run (without the values lost on the way). */
  #plannedRuns(): Set<string> {
    const planned = new Set<string>();
    for (const [index, target] of this.#targets.entries()) {
      for (const id of this.#graph.closureOf(target.id)) {
        if (id === this.#running || this.#record(id).spec.kind === 'view') continue;
        const forcedTarget = id === target.id && target.force && !(index === 0 && this.#running === id);
        if (forcedTarget || this.#forced.has(id) || !this.isUpToDate(id) || planned.has(id)) planned.add(id);
      }
    }
    return planned;
  }

  /** New static analysis; the writes seen at run time (or by the build) stay until the next run. */
  #setAnalysis(record: NodeRecord, analysis: Pick<GraphNode, 'defines' | 'reads' | 'writes' | 'functions'>): void {
    const observed = record.spec.writes.filter((name) => !record.staticWrites.includes(name));
    record.staticWrites = analysis.writes;
    record.spec = { ...record.spec, ...analysis, writes: union(analysis.writes, observed) };
    this.#rebuildGraph();
  }

  #rebuildGraph(): void {
    this.#graph = new DependencyGraph(this.#order.map((id) => this.#record(id).spec));
  }

  #record(id: string): NodeRecord {
    const record = this.#records.get(id);
    if (!record) throw new Error(`Unknown node: ${id}`);
    return record;
  }
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
