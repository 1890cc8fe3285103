/**
 * "Training you can watch": while a cell runs, every N steps it reports with progress(), the
 * watched variables it changed since the last look (tf.Variables such as W and b) are copied and
 * sent to the page, which redraws the views of them. Copying is a reference to the variable's
 * current data (free on WebGL), read back asynchronously; one read at a time, so a slow read skips
 * frames instead of slowing the cell. The page picks N (measured: README, Measurements); where WebGL
 * renders in software, frames are also kept a least time apart (drawing-pace.ts): at every N steps
 * past that time.
 */
import type * as tfCore from '@tensorflow/tfjs-core';
import type { FromWorker, ResultValue } from '../runtime/protocol.ts';

type Tf = typeof tfCore;

export class TrainingWatch {
  readonly #tf: Tf;
  readonly #post: (message: FromWorker) => void;
  #names: string[] = [];
  #everySteps = 0;
  #runId: number | undefined;
  /** The data of each watched variable at the last look, to tell what the cell changed. */
  #seen = new Map<string, object>();
  /** The frame being read, if one is. */
  #reading: Promise<void> | undefined;
  #gapMs = 0;
  /** When the last frame of this run was taken, in `#now()`'s clock. */
  #lastFrameAt = 0;
  readonly #now: () => number;

  constructor(tf: Tf, post: (message: FromWorker) => void, now: () => number = () => performance.now()) {
    this.#tf = tf;
    this.#post = post;
    this.#now = now;
  }

  /** The least time between two frames; 0 (the default): every N steps. */
  set gapMs(gapMs: number) {
    this.#gapMs = Math.max(0, gapMs);
  }

  configure(names: readonly string[], everySteps: number): void {
    this.#names = [...names];
    this.#everySteps = Number.isInteger(everySteps) && everySteps > 0 ? everySteps : 0;
  }

  /** A cell of run `runId` reported progress(done, total); `scope` holds the session's variables. */
  progress(runId: number, done: number, total: number, scope: Readonly<Record<string, unknown>>): void {
    if (this.#everySteps === 0 || this.#names.length === 0) return;
    if (runId !== this.#runId) {
      this.#runId = runId;
      this.#seen = new Map(this.#variables(scope).map(([name, variable]) => [name, dataIdOf(variable)]));
      // A run's first frame comes at its first N steps, however soon: a short training shows one.
      this.#lastFrameAt = Number.NEGATIVE_INFINITY;
      return;
    }
    // The last step's values come with the end of the run.
    if (done % this.#everySteps !== 0 || done >= total || this.#reading) return;
    if (this.#gapMs > 0 && this.#now() - this.#lastFrameAt < this.#gapMs) return;
    const changed = this.#variables(scope).filter(([name, variable]) => this.#seen.get(name) !== dataIdOf(variable));
    if (changed.length === 0) return;
    for (const [name, variable] of changed) this.#seen.set(name, dataIdOf(variable));
    this.#lastFrameAt = this.#now();
    const tf = this.#tf;
    // kept: the cell's scope (or a tidy it calls progress() in) must not free them before they are read.
    const copies = changed.map(([name, variable]) => [name, tf.keep(variable.clone())] as const);
    this.#reading = Promise.all(copies.map(([, copy]) => copy.data()))
      .then((data) => {
        const values: Record<string, ResultValue> = {};
        copies.forEach(
          ([name, copy], index) => (values[name] = { kind: 'tensor', shape: [...copy.shape], values: Array.from(data[index] ?? []) }),
        );
        this.#post({ type: 'watch-frame', runId, step: done, total, values });
      })
      .catch(() => undefined)
      .finally(() => {
        tf.dispose(copies.map(([, copy]) => copy));
        this.#reading = undefined;
      });
  }

  /** Resolves once no frame is being read: a run's end counts the session's tensors without its copies. */
  settled(): Promise<void> {
    return this.#reading ?? Promise.resolve();
  }

  #variables(scope: Readonly<Record<string, unknown>>): Array<[string, tfCore.Variable]> {
    const tf = this.#tf;
    return this.#names.flatMap((name): Array<[string, tfCore.Variable]> => {
      const value = scope[name];
      return value instanceof tf.Variable && !value.isDisposed ? [[name, value]] : [];
    });
  }
}

function dataIdOf(tensor: tfCore.Tensor): object {
  return (tensor as unknown as { dataId: object }).dataId;
}
