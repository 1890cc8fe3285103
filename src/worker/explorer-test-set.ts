/**
 * The 10,000 test images the explorers look at: the session's own `mnist.test` once a cell has
 * loaded the data set, and before that the test set alone (two of MNIST's four files), so that the
 * explorers work before any cell ran without downloading the 55,000 training images.
 */
import { createMnistTestSet, type DataSet, type Mnist, type MnistSplitBytes, type TfCore } from '../mnist/index.ts';
import { MNIST_SEED } from '../runtime/mnist-global.ts';

export class ExplorerTestSet {
  readonly #tf: TfCore;
  readonly #loadBytes: () => Promise<MnistSplitBytes>;
  readonly #sessionMnist: () => Mnist | undefined;
  readonly #sessionLoading: () => Promise<unknown> | undefined;
  #loading: Promise<DataSet> | undefined;
  #own: DataSet | undefined;

  /**
   * `sessionMnist`: the session's data set once loaded; `sessionLoading`: its download while one
   * is under way (a cell asked for `mnist`), which brings the test set too.
   */
  constructor(
    tf: TfCore,
    loadBytes: () => Promise<MnistSplitBytes>,
    sessionMnist: () => Mnist | undefined,
    sessionLoading: () => Promise<unknown> | undefined = () => undefined,
  ) {
    this.#tf = tf;
    this.#loadBytes = loadBytes;
    this.#sessionMnist = sessionMnist;
    this.#sessionLoading = sessionLoading;
  }

  /**
   * Makes sure test images are at hand: the session's, waiting for its download if a cell started
   * one (downloading the same files twice at once would slow that cell down), else the test set
   * alone, downloaded once.
   */
  async ready(): Promise<void> {
    if (this.#sessionMnist() || this.#own) return;
    const sessionLoading = this.#loading ? undefined : this.#sessionLoading();
    if (sessionLoading) {
      // A failed session download leaves us to download the test set on our own.
      await sessionLoading.catch(() => undefined);
      if (this.#sessionMnist()) return;
    }
    this.#loading ??= this.#loadBytes().then((bytes) => createMnistTestSet(this.#tf, bytes, { seed: MNIST_SEED }));
    try {
      this.#own = await this.#loading;
    } catch (error) {
      // The next question tries again.
      this.#loading = undefined;
      throw error;
    }
  }

  /** The set to read now, between cell runs: our own copy goes once the session has its own. */
  current(): DataSet {
    const mnist = this.#sessionMnist();
    if (mnist) {
      this.#own?.dispose();
      this.#own = undefined;
      this.#loading = undefined;
      return mnist.test;
    }
    if (!this.#own) throw new Error('the MNIST test set is not loaded');
    return this.#own;
  }
}
