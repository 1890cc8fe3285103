/**
 * `tf.fitCallbacks()`: the callback that shows `model.fit` and `model.fitDataset` under the cell
 * that trains, the way the article's training cell shows its loop: a progress bar per batch
 * (`progress(done, total)`), and curves of the loss and metrics (`plot('loss', step, value)`,
 * `plot('acc', ...)`) every few batches, about a hundred points in all. The values are read back
 * without waiting for them (the GPU keeps its queue full, as in a fit without callbacks) and drawn
 * in order as they arrive; the fit ends once the last one is drawn. It also makes Stop work:
 * a fit awaits inside TensorFlow.js, where the cell's own `await` checkpoints cannot see, so the
 * callback ends training at the next batch once the reader pressed Stop, and lets the event loop
 * turn now and then so that the Stop message gets in at all.
 *
 * It reads the running cell's hooks when an event comes, not when it is made: a callback made in
 * one cell and used by a fit in another reports to the cell that trains.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { CurrentRun } from '../tf-api-extension.ts';
import { nextMacrotask } from './next-macrotask.ts';

export interface FitCallbackOptions {
  /** A progress bar under the cell (default true). */
  progress?: boolean;
  /** Curves of the loss and metrics under the cell (default true). */
  plot?: boolean;
  /** Plot every this many batches (default: about 100 points over the whole training). */
  plotEvery?: number;
}

/** Points on a curve when the caller does not say: as many as the article's training cell draws. */
const POINTS_PER_CURVE = 100;
/** How often the training lets the worker handle messages (Stop), at most. */
const YIELD_EVERY_MS = 100;
/** Entries of a batch's logs that are not values to plot. */
const NOT_PLOTTED = new Set(['batch', 'size']);

/** The parameters LayersModel.fit and fitDataset give their callbacks (tfjs-layers' configureCallbacks). */
interface FitParams {
  epochs?: number;
  initialEpoch?: number | null;
  steps?: number | null;
  samples?: number | null;
  batchSize?: number | null;
}

type TensorValue = { data(): Promise<ArrayLike<number>>; clone(): TensorValue; dispose(): void };
type LogValue = number | TensorValue;
type Logs = Record<string, LogValue | undefined>;

/** The class of the callbacks, made from the loaded `tf.Callback` (the layers code is not there before). */
export type FitCallbackClass = new (
  currentRun: CurrentRun,
  options?: FitCallbackOptions,
) => tfl.Callback & { readonly isFitCallback: true };

export function defineFitCallback(Callback: typeof tfl.Callback): FitCallbackClass {
  return class FitCallback extends Callback {
    readonly isFitCallback = true as const;
    readonly #currentRun: CurrentRun;
    readonly #progress: boolean;
    readonly #plot: boolean;
    readonly #plotEvery: number | undefined;
    #total: number | undefined;
    #epochs = 1;
    #every = 1;
    #step = 0;
    #lastYield = 0;
    /** The points read back so far, drawn in order: each read chains on this. */
    #drawn: Promise<void> = Promise.resolve();

    constructor(currentRun: CurrentRun, options: FitCallbackOptions = {}) {
      super();
      this.#currentRun = currentRun;
      this.#progress = options.progress ?? true;
      this.#plot = options.plot ?? true;
      this.#plotEvery = options.plotEvery !== undefined && options.plotEvery >= 1 ? Math.floor(options.plotEvery) : undefined;
    }

    override async onTrainBegin(): Promise<void> {
      const params = this.params as FitParams;
      this.#epochs = Math.max(1, (params.epochs ?? 1) - (params.initialEpoch ?? 0));
      // fitDataset knows its batches per epoch (`steps`); fit on tensors knows samples and batch size.
      const perEpoch = params.steps ?? (params.samples && params.batchSize ? Math.ceil(params.samples / params.batchSize) : undefined);
      this.#total = perEpoch ? perEpoch * this.#epochs : undefined;
      this.#every = this.#plotEvery ?? (this.#total ? Math.max(1, Math.round(this.#total / POINTS_PER_CURVE)) : 10);
      this.#step = 0;
      this.#lastYield = Date.now();
      this.#drawn = Promise.resolve();
    }

    override async onTrainEnd(): Promise<void> {
      // The cell ends after its fit: every point read so far is drawn under it first.
      await this.#drawn;
    }

    override async onBatchEnd(_batch: number, logs?: Logs): Promise<void> {
      this.#step += 1;
      if (this.#stopIfAsked()) return;
      const run = this.#currentRun();
      if (this.#progress && this.#total !== undefined) run?.progress(this.#step, this.#total);
      // The first batch too: a curve starts where training starts.
      const plotNow = this.#step === 1 || this.#step % this.#every === 0 || this.#step === this.#total;
      if (this.#plot && plotNow) this.#plotLogs(logs, (key) => !key.startsWith('val_'));
      // The batch's own awaits may never reach the event loop (CPU and WASM backends): give it a turn.
      if (Date.now() - this.#lastYield >= YIELD_EVERY_MS) {
        await nextMacrotask();
        this.#lastYield = Date.now();
        this.#stopIfAsked();
      }
    }

    override async onEpochEnd(epoch: number, logs?: Logs): Promise<void> {
      if (this.#stopIfAsked()) return;
      // Without a number of batches (a dataset of unknown size), progress and curves go by epoch.
      const byEpoch = this.#total === undefined;
      if (this.#progress && byEpoch) this.#currentRun()?.progress(epoch + 1, this.#epochs);
      // Validation values exist only at an epoch's end.
      if (this.#plot) this.#plotLogs(logs, (key) => byEpoch || key.startsWith('val_'));
    }

    /** Stop pressed: training ends after this batch (the fit returns, and the cell stops at its `await`). */
    #stopIfAsked(): boolean {
      if (!this.#currentRun()?.stopRequested()) return false;
      this.model.stopTraining = true;
      return true;
    }

    /** Reads the logs' values back without waiting (copies: the fit frees its logs after this batch), then draws them. */
    #plotLogs(logs: Logs | undefined, wanted: (key: string) => boolean): void {
      const run = this.#currentRun();
      if (!run) return;
      const step = this.#step;
      const entries = Object.entries(logs ?? {}).filter(
        (entry): entry is [string, LogValue] => entry[1] !== undefined && !NOT_PLOTTED.has(entry[0]) && wanted(entry[0]),
      );
      const copies = entries.map(([, value]) => (typeof value === 'number' ? value : value.clone()));
      const read = Promise.all(copies.map(async (value) => (typeof value === 'number' ? value : ((await value.data())[0] ?? NaN))));
      this.#drawn = Promise.all([this.#drawn, read])
        .then(([, values]) => {
          // Stop pressed, or the run over (a fit that failed): nothing more to draw for this cell.
          if (this.#currentRun() !== run || run.stopRequested()) return;
          entries.forEach(([key], index) => run.plot(key, step, values[index] ?? NaN));
        })
        .catch(() => undefined)
        .finally(() => copies.forEach((copy) => (typeof copy === 'number' ? undefined : copy.dispose())));
    }
  };
}
