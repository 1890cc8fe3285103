/**
 * The test-image explorer's controller (TestImageExplorer.astro): the reader picks an image (slider,
 * number box, previous / next, previous / next mistake), the worker answers with the image, its
 * label and the model's probabilities, and the explorer keeps data-index, data-label and
 * data-prediction current. While a cell trains the model, the current image is read again every
 * few steps right here, from the training's values (one image: 7,850 multiplications).
 */
import { formatAccuracy, formatCount, formatPercent, formatTopDigits } from '../../explorables/format.ts';
import { bytesToInput, predictionOf, probabilitiesOf } from '../../explorables/model.ts';
import { pixelPosition, weightsRow } from '../../explorables/pixels.ts';
import { isProblem, type QueryProblem, type TestImageAnswer, type TestImageQuestion } from '../../explorables/queries.ts';
import { maxAbsOf } from '../../figures/colormap.ts';
import type { Translate } from '../ui-strings.ts';
import type { ExplorerChannel, ExplorerHost } from './explorer-view.ts';
import {
  announcer,
  askWorker,
  canvasFor,
  describeFailure,
  drawInk,
  part,
  questionValues,
  showModelNote,
  showProbabilities,
  showWeightRow,
} from './explorer-parts.ts';
import { pageModel } from './model-values.ts';
import { attachPixelPicker, type PixelPicker } from './pixel-picker.ts';

const LAST_IMAGE = 9999;

export class TestImageExplorer {
  readonly #channel: ExplorerChannel;
  readonly #host: ExplorerHost;
  readonly #t: Translate;
  readonly #root: HTMLElement;
  readonly #locale: string;
  readonly #slider: HTMLInputElement;
  readonly #number: HTMLInputElement;
  readonly #announce: (text: string) => void;
  readonly #picker: PixelPicker;
  #index: number;
  #answer: TestImageAnswer | undefined;
  #asking = false;
  #next: TestImageQuestion | undefined;
  /** The model the last question was about, to ask again when it changes (not when it only goes stale). */
  #askedModel = '';

  constructor(channel: ExplorerChannel, host: ExplorerHost, t: Translate) {
    this.#channel = channel;
    this.#host = host;
    this.#t = t;
    this.#root = channel.element;
    this.#locale = document.documentElement.lang || 'en';
    this.#slider = part<HTMLInputElement>(this.#root, '[data-explorer-slider]');
    this.#number = part<HTMLInputElement>(this.#root, '[data-explorer-number]');
    this.#announce = announcer(this.#root.querySelector('[data-explorer-announce]'));
    this.#index = Number(this.#root.dataset['index'] ?? 0);

    for (const control of this.#root.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button')) control.disabled = false;
    this.#slider.addEventListener('input', () => this.#go(Number(this.#slider.value)));
    this.#number.addEventListener('change', () => this.#go(Number(this.#number.value)));
    this.#button('previous-image').addEventListener('click', () => this.#go(this.#index - 1));
    this.#button('next-image').addEventListener('click', () => this.#go(this.#index + 1));
    this.#button('previous-mistake').addEventListener('click', () => this.#ask({ index: this.#index, seek: 'previous-mistake' }));
    this.#button('next-mistake').addEventListener('click', () => this.#ask({ index: this.#index, seek: 'next-mistake' }));
    this.#picker = attachPixelPicker(
      part(this.#root, '[data-pixel-picker]'),
      t('explorer.pixel.digitHint'),
      Number(this.#root.dataset['pixel'] ?? 380),
      () => void this.#showPixel(),
    );
    channel.subscribe(() => this.#modelChanged());
    host.warmUp();
    this.#modelChanged();
  }

  #button(action: string): HTMLButtonElement {
    return part<HTMLButtonElement>(this.#root, `[data-action="${action}"]`);
  }

  #go(index: number): void {
    if (!Number.isFinite(index)) return;
    this.#index = Math.min(LAST_IMAGE, Math.max(0, Math.trunc(index)));
    this.#slider.value = String(this.#index);
    this.#number.value = String(this.#index);
    this.#ask({ index: this.#index });
  }

  #modelChanged(): void {
    const { model, training } = this.#channel.state;
    showModelNote(this.#channel, this.#t);
    if (training) {
      if (!training.stopped) void this.#showTrainingStep();
      return;
    }
    const identity = JSON.stringify(model);
    if (identity === this.#askedModel) return;
    this.#askedModel = identity;
    this.#ask({ index: this.#index });
  }

  /** One question at a time; while one is out, only the latest next one is kept. */
  #ask(question: TestImageQuestion): void {
    if (this.#asking) {
      this.#next = question;
      return;
    }
    const values = questionValues(this.#channel, this.#host, this.#t);
    if (!values) return;
    this.#asking = true;
    this.#root.setAttribute('aria-busy', 'true');
    askWorker(this.#host, 'test-image', question, values, () => this.#verdict(this.#t('explorer.busy')))
      .then((answer) => {
        if (isProblem(answer)) this.#showProblem(answer);
        else this.#show(answer as TestImageAnswer);
      })
      .catch((error: unknown) => this.#verdict(describeFailure(error, this.#t)))
      .finally(() => {
        this.#asking = false;
        this.#root.removeAttribute('aria-busy');
        const next = this.#next;
        this.#next = undefined;
        if (next) this.#ask(next);
      });
  }

  #show(answer: TestImageAnswer): void {
    this.#answer = answer;
    this.#index = answer.index;
    const root = this.#root;
    root.dataset['index'] = String(answer.index);
    root.dataset['label'] = String(answer.label);
    root.dataset['prediction'] = String(answer.prediction);
    root.toggleAttribute('data-live', true);
    // The slider may have moved on while the worker answered: only a newer question changes it.
    if (!this.#asking || !this.#next) {
      this.#slider.value = String(answer.index);
      this.#number.value = String(answer.index);
    }
    const canvas = canvasFor(part<HTMLImageElement | HTMLCanvasElement>(root, '[data-explorer-digit]'));
    drawInk(canvas, answer.bytes, 255);
    const alt = this.#t('explorer.testImage.alt', { index: answer.index, label: answer.label });
    canvas.setAttribute('aria-label', alt);
    part(root, '[data-explorer-caption]').textContent = this.#t('explorer.testImage.caption', { index: answer.index, label: answer.label });
    this.#showReading(answer.probabilities, answer.prediction);
    const mistakes = part(root, '[data-explorer-mistakes]');
    mistakes.textContent =
      answer.mistakes === 0
        ? this.#t('explorer.noMistake', { total: formatCount(answer.count, this.#locale) })
        : this.#t('explorer.mistakes', {
            count: formatCount(answer.mistakes, this.#locale),
            total: formatCount(answer.count, this.#locale),
            accuracy: formatAccuracy(1 - answer.mistakes / answer.count, this.#locale),
          });
    showModelNote(this.#channel, this.#t);
    void this.#showPixel();
    this.#announce(
      this.#t('explorer.testImage.summary', {
        index: answer.index,
        label: answer.label,
        prediction: answer.prediction,
        top: formatTopDigits(answer.probabilities, this.#locale),
      }),
    );
  }

  /** The bars and the verdict for the current image. */
  #showReading(probabilities: number[], prediction: number): void {
    const label = this.#answer?.label;
    showProbabilities(this.#root, this.#locale, probabilities, prediction, label);
    const percent = formatPercent(probabilities[prediction] ?? 0, this.#locale);
    this.#verdict(
      this.#t(prediction === label ? 'explorer.verdict.right' : 'explorer.verdict.wrong', { prediction, label: label ?? '?', percent }),
    );
  }

  #verdict(text: string): void {
    part(this.#root, '[data-explorer-verdict]').textContent = text;
  }

  /** While a cell trains the model: the current image read with the training's latest values. */
  async #showTrainingStep(): Promise<void> {
    const answer = this.#answer;
    const model = await pageModel(this.#channel);
    if (!answer || !model || !this.#channel.state.training) return;
    const probabilities = probabilitiesOf(model, bytesToInput(answer.bytes));
    const prediction = predictionOf(probabilities);
    this.#root.dataset['prediction'] = String(prediction);
    this.#showReading(probabilities, prediction);
    part(this.#root, '[data-explorer-mistakes]').textContent = this.#t('explorer.mistakesLater');
    void this.#showPixel();
  }

  /** The picked pixel of the digit: its value, and its row of W. */
  async #showPixel(): Promise<void> {
    const pixel = this.#picker.pixel;
    const { row, column } = pixelPosition(pixel);
    const value = ((this.#answer?.bytes[pixel] ?? 0) / 255).toFixed(2);
    part(this.#root, '[data-explorer-pixel]').textContent = this.#t('explorer.pixel.onDigit', { pixel, row, column, value });
    this.#root.dataset['pixel'] = String(pixel);
    const model = await pageModel(this.#channel);
    if (this.#picker.pixel !== pixel) return;
    showWeightRow(
      this.#root,
      this.#t('explorer.pixel.row', { pixel }),
      this.#locale,
      model ? weightsRow(model.weights, pixel) : undefined,
      model ? maxAbsOf(model.weights) : 0,
    );
  }

  #showProblem(problem: QueryProblem): void {
    if (problem.problem === 'no-mistake') {
      this.#verdict(this.#t('explorer.noMistake', { total: formatCount(LAST_IMAGE + 1, this.#locale) }));
    } else if (problem.problem === 'missing') {
      this.#verdict(this.#t('explorer.problem.missing', { name: problem.name }));
    } else {
      this.#verdict(this.#t('explorer.problem.shape', { detail: problem.detail }));
    }
  }
}
