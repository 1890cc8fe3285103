/** The progress bar under a cell (what `progress(done, total)` reports): a `<progress>` and its text. */
import type { Translate } from '../ui-strings.ts';

export class ProgressBar {
  readonly #container: HTMLElement;
  readonly #t: Translate;

  /** `container` is the cell's `[data-progress]`. */
  constructor(container: HTMLElement, t: Translate) {
    this.#container = container;
    this.#t = t;
  }

  show({ done, total }: { done: number; total: number }): void {
    this.#container.hidden = false;
    const bar = this.#container.querySelector('progress');
    if (bar) bar.value = total > 0 ? Math.min(1, done / total) : 0;
    const text = this.#container.querySelector('[data-progress-text]');
    if (text) text.textContent = this.#t('cell.progress', { done, total });
  }

  /** A new run, or a run that will not finish (the session ended). */
  hide(): void {
    this.#container.hidden = true;
  }
}
