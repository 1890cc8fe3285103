/**
 * The weights explorer's controller (WeightsExplorer.astro): W's ten columns as heat maps, redrawn
 * in the page from the model shown (a run's values, a training cell's every few steps), and the
 * picked pixel's row of W: pointer, arrow keys or the number box pick it; pixel 380 at first.
 */
import { formatWeight } from '../../explorables/format.ts';
import { CLASSES, PIXELS, pixelPosition, weightsRow } from '../../explorables/pixels.ts';
import { topDigits } from '../../explorables/model.ts';
import { columnToRgba, maxAbsOf } from '../../figures/colormap.ts';
import type { Translate } from '../ui-strings.ts';
import type { ExplorerChannel } from './explorer-view.ts';
import { announcer, canvasFor, drawRgba, part, showModelNote, showWeightRow } from './explorer-parts.ts';
import { pageModel, type PageModel } from './model-values.ts';
import { attachPixelPicker, type PixelPicker } from './pixel-picker.ts';

export class WeightsExplorer {
  readonly #channel: ExplorerChannel;
  readonly #t: Translate;
  readonly #root: HTMLElement;
  readonly #locale: string;
  readonly #number: HTMLInputElement;
  readonly #announce: (text: string) => void;
  readonly #picker: PixelPicker;
  #model: PageModel | undefined;
  #maxAbs = 0;
  /** The heat maps show the build's pictures until a model other than the build's comes. */
  #drawn: PageModel | undefined;
  /** Answers to earlier changes that arrive late (the model file) must not undo later ones. */
  #ticket = 0;

  constructor(channel: ExplorerChannel, t: Translate) {
    this.#channel = channel;
    this.#t = t;
    this.#root = channel.element;
    this.#locale = document.documentElement.lang || 'en';
    this.#number = part<HTMLInputElement>(this.#root, '[data-pixel-number]');
    this.#announce = announcer(this.#root.querySelector('[data-explorer-announce]'));
    this.#number.disabled = false;
    this.#picker = attachPixelPicker(
      part(this.#root, '[data-pixel-picker]'),
      t('explorer.pixel.maps'),
      Number(this.#root.dataset['pixel'] ?? 380),
      (pixel) => this.#showPixel(pixel),
    );
    this.#number.addEventListener('change', () => {
      const pixel = Math.trunc(Number(this.#number.value));
      if (Number.isFinite(pixel)) this.#picker.set(Math.min(PIXELS - 1, Math.max(0, pixel)));
    });
    channel.subscribe(() => void this.#modelChanged());
    void this.#modelChanged();
  }

  async #modelChanged(): Promise<void> {
    showModelNote(this.#channel, this.#t);
    const ticket = ++this.#ticket;
    const model = await pageModel(this.#channel);
    if (ticket !== this.#ticket) return;
    this.#model = model;
    this.#maxAbs = model ? maxAbsOf(model.weights) : 0;
    if (model && (model.source !== 'file' || this.#drawn)) this.#drawMaps(model);
    this.#root.toggleAttribute('data-live', model !== undefined);
    this.#showPixel(this.#picker.pixel, false);
  }

  #drawMaps(model: PageModel): void {
    this.#drawn = model;
    for (const slot of this.#root.querySelectorAll<HTMLImageElement | HTMLCanvasElement>('[data-digit]')) {
      const digit = Number(slot.dataset['digit']);
      drawRgba(canvasFor(slot), columnToRgba(model.weights, CLASSES, digit, PIXELS, this.#maxAbs));
    }
  }

  #showPixel(pixel: number, announce = true): void {
    const { row, column } = pixelPosition(pixel);
    this.#root.dataset['pixel'] = String(pixel);
    if (document.activeElement !== this.#number) this.#number.value = String(pixel);
    part(this.#root, '[data-pixel-position]').textContent = this.#t('explorer.pixel.position', { pixel, row, column });
    const weights = this.#model ? weightsRow(this.#model.weights, pixel) : undefined;
    showWeightRow(this.#root, this.#t('explorer.pixel.row', { pixel }), this.#locale, weights, this.#maxAbs);
    if (!announce || !weights) return;
    const top = topDigits(
      weights.map((weight) => Math.abs(weight)),
      3,
    ).map(({ digit }) => `${digit}: ${formatWeight(weights[digit] ?? 0, this.#locale)}`);
    this.#announce(this.#t('explorer.pixel.summary', { pixel, row, column, top: new Intl.ListFormat(this.#locale).format(top) }));
  }
}
