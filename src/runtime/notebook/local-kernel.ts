/**
 * A kernel that runs the notebook's steps in this process, on a CellSession: what the build uses to
 * run an article (Node, CPU backend) and what tests use to check the notebook's rules. The browser
 * uses the same session behind a worker instead (src/worker).
 */
import type { CellSession, RunOutcome } from '../cell-session.ts';
import type { Kernel, KernelOutcome, KernelStep } from './notebook.ts';

/** What a node runs: a cell's code, or a control's value. */
export type NodeSource = { kind: 'cell'; code: string } | { kind: 'control'; name: string; value: unknown };

export interface LocalRun {
  id: string;
  runId: number;
  outcome: RunOutcome;
}

export class LocalKernel implements Kernel {
  readonly #session: CellSession;
  readonly #sources: Map<string, NodeSource>;
  readonly #shown: readonly string[];
  readonly #onRun: (run: LocalRun) => void;
  #nextRunId = 1;

  constructor(session: CellSession, sources: Map<string, NodeSource>, shown: readonly string[], onRun: (run: LocalRun) => void = () => {}) {
    this.#session = session;
    this.#sources = sources;
    this.#shown = shown;
    this.#onRun = onRun;
  }

  /** The run id the next step will get (outputs are tagged with it). */
  get nextRunId(): number {
    return this.#nextRunId;
  }

  async run(step: KernelStep): Promise<KernelOutcome> {
    const source = this.#sources.get(step.nodeId);
    if (!source) throw new Error(`nothing to run for ${step.nodeId}`);
    const runId = this.#nextRunId++;
    const options = { shown: this.#shown, stamp: step.stamp, restore: step.restore, snapshot: step.snapshot };
    const outcome =
      source.kind === 'cell'
        ? await this.#session.run(runId, step.nodeId, source.code, options)
        : await this.#session.define(source.name, source.value, options);
    this.#onRun({ id: step.nodeId, runId, outcome });
    return {
      ok: outcome.ok,
      ...(!outcome.ok && outcome.interrupted ? { interrupted: true } : {}),
      writes: outcome.writes,
      snapshots: outcome.snapshots,
      digests: outcome.digests,
      durationMs: outcome.durationMs,
    };
  }

  release(keys: string[]): void {
    this.#session.releaseSnapshots(keys);
  }
}
