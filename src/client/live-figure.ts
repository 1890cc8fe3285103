/**
 * <live-figure>: a figure that TensorFlow.js redraws in the page. Animated figures (data-program)
 * play their program in the session worker; figures of session values (data-source) redraw after
 * each run from the variable they show.
 */
import { columnToRgba, maxAbsOf } from '../figures/colormap.ts';
import type { FigureFrame, FigureProgramName } from '../figures/programs.ts';
import { frameProgress, renderFrame } from '../figures/render-svg.ts';
import type { ResultValue } from '../runtime/protocol.ts';
import type { Translate } from './ui-strings.ts';

export interface FigureHost {
  playFigure(program: FigureProgramName, onFrame: (frame: FigureFrame) => void): Promise<void>;
}

export class LiveFigureElement extends HTMLElement {
  get source(): string | undefined {
    return this.dataset['source'];
  }

  connect(host: FigureHost, t: Translate): void {
    const program = this.dataset['program'] as FigureProgramName | undefined;
    const play = this.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (!program || !play) return;
    play.hidden = false;
    play.addEventListener('click', () => {
      play.disabled = true;
      this.#status(t('figure.playing'));
      host
        .playFigure(program, (frame) => this.#drawFrame(frame))
        .catch((error: unknown) => this.#status(error instanceof Error ? error.message : String(error)))
        .finally(() => {
          play.disabled = false;
        });
    });
  }

  /** Redraws from the session's value of `source`, if the run produced one. */
  update(results: Record<string, ResultValue>): void {
    const value = this.source ? results[this.source] : undefined;
    if (value?.kind !== 'tensor') return;
    if (this.dataset['kind'] === 'weights-heatmaps') this.#drawWeights(value);
    if (this.dataset['kind'] === 'softmax-bars') this.#drawBars(value);
  }

  #drawFrame(frame: FigureFrame): void {
    const drawing = this.querySelector('[data-figure-drawing]');
    // The SVG is built from numbers only (render-svg.ts), never from reader text.
    if (drawing) drawing.innerHTML = renderFrame(frame, this.dataset['label'] ?? '');
    this.#status((this.dataset['stepLabel'] ?? '{step}').replace('{step}', String(frameProgress(frame))));
  }

  #drawWeights(weights: Extract<ResultValue, { kind: 'tensor' }>): void {
    const [pixels = 0, columns = 0] = weights.shape;
    if (pixels !== 784 || columns !== 10) return;
    const maxAbs = maxAbsOf(weights.values);
    // The baked <img> of each digit becomes a 28x28 canvas on the first live update: drawing
    // pixels is far cheaper than encoding a PNG for every digit on the main thread.
    for (const slot of this.querySelectorAll<HTMLImageElement | HTMLCanvasElement>('[data-digit]')) {
      const canvas = slot instanceof HTMLCanvasElement ? slot : this.#canvasFor(slot);
      const rgba = columnToRgba(weights.values, columns, Number(slot.dataset['digit']), pixels, maxAbs);
      canvas.getContext('2d')?.putImageData(new ImageData(rgba, 28, 28), 0, 0);
    }
    this.#showScale(maxAbs);
    this.#status(this.dataset['liveNote'] ?? '');
  }

  /** The legend's bounds: the colour scale runs from -maxAbs to +maxAbs. */
  #showScale(maxAbs: number): void {
    const format = new Intl.NumberFormat(document.documentElement.lang || 'en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const min = this.querySelector('[data-scale-min]');
    const max = this.querySelector('[data-scale-max]');
    if (min) min.textContent = `−${format.format(maxAbs)}`;
    if (max) max.textContent = `+${format.format(maxAbs)}`;
  }

  #canvasFor(image: HTMLImageElement): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.width = 28;
    canvas.height = 28;
    canvas.dataset['digit'] = image.dataset['digit'] ?? '';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', image.alt);
    image.replaceWith(canvas);
    return canvas;
  }

  #drawBars(probabilities: Extract<ResultValue, { kind: 'tensor' }>): void {
    probabilities.values.forEach((value, digit) => {
      this.querySelector<HTMLElement>(`[data-bar="${digit}"]`)?.style.setProperty('--value', String(value));
      const label = this.querySelector(`[data-value="${digit}"]`);
      if (label) label.textContent = value.toFixed(4);
    });
    this.#status(this.dataset['liveNote'] ?? '');
  }

  #status(text: string): void {
    const status = this.querySelector('[data-figure-status]');
    if (status && text) status.textContent = text;
  }
}
