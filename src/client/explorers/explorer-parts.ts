/**
 * What the three explorers share once their code has loaded: finding their parts, the model note
 * ("which model is this?"), polite announcements, bars, rows of W and 28 × 28 pictures.
 */
import { formatPercent, formatWeight } from '../../explorables/format.ts';
import { PIXELS, SIDE } from '../../explorables/pixels.ts';
import type { QueryValue } from '../../runtime/protocol.ts';
import type { Translate } from '../ui-strings.ts';
import type { ExplorerChannel, ExplorerHost } from './explorer-view.ts';

/** An answer slower than this gets a "computing" note (the worker is busy with a cell). */
const BUSY_AFTER_MS = 400;

export function part<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`explorer: missing ${selector}`);
  return element;
}

/** The cell a stamp comes from (`train#3` → `train`; stamps are made in notebook.ts). */
export function cellOfStamp(stamp: string): string {
  const end = stamp.indexOf('#');
  return end < 0 ? stamp : stamp.slice(0, end);
}

/**
 * The values of the model the explorer shows, to ask the worker about; when there are none (no
 * model, or the session lost it), the model note says so and the result is undefined.
 */
export function questionValues(channel: ExplorerChannel, host: ExplorerHost, t: Translate): QueryValue[] | undefined {
  const values = channel.queryValues(host);
  if (!values) showModelNote(channel, t, t(channel.state.model.kind === 'none' ? 'explorer.model.none' : 'explorer.model.gone'));
  return values;
}

/** Asks the worker; `onSlow` runs if the answer is slow to come (a running cell, the training say, holds the worker). */
export function askWorker(
  host: ExplorerHost,
  program: string,
  question: unknown,
  values: QueryValue[],
  onSlow: () => void,
): Promise<unknown> {
  const slow = setTimeout(onSlow, BUSY_AFTER_MS);
  return host.query(program, question, values).finally(() => clearTimeout(slow));
}

/** Which model the explorer shows, in words, and as `data-model` for tests and styles. */
export function showModelNote(channel: ExplorerChannel, t: Translate, override?: string): void {
  const { model, training, stale } = channel.state;
  const root = channel.element;
  const note = root.querySelector('[data-explorer-model]');
  let kind: string = model.kind;
  let text: string;
  if (training) {
    kind = training.stopped ? 'stopped' : 'training';
    text = training.stopped
      ? t('explorer.model.stopped', { step: training.step })
      : t('explorer.model.training', { step: training.step, total: training.total });
  } else if (model.kind === 'session') {
    const stamp = model.stamps[channel.weights] ?? model.stamps[channel.bias] ?? '';
    text = t('explorer.model.session', { cell: cellOfStamp(stamp) });
  } else {
    text = t(model.kind === 'build' ? 'explorer.model.build' : 'explorer.model.none');
  }
  if (stale && !training) text = `${t('explorer.model.stale')} ${text}`;
  root.dataset['model'] = kind;
  if (note) note.textContent = override ?? text;
}

/** Says `text` politely, once the reader has settled (a slider dragged through images says only the last). */
export function announcer(element: Element | null, delayMs = 700): (text: string) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (text) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (element) element.textContent = text;
    }, delayMs);
  };
}

/** Redraws the bars of ProbabilityBars.astro; no probabilities shows them empty. */
export function showProbabilities(
  root: ParentNode,
  locale: string,
  probabilities: readonly number[] | undefined,
  prediction?: number,
  answer?: number,
): void {
  for (let digit = 0; digit < 10; digit++) {
    const row = root.querySelector<HTMLElement>(`[data-row="${digit}"]`);
    if (!row) continue;
    const value = probabilities?.[digit];
    row.querySelector<HTMLElement>('[data-bar]')?.style.setProperty('--value', String(value ?? 0));
    const text = row.querySelector('[data-value]');
    if (text) text.textContent = value === undefined ? '…' : formatPercent(value, locale);
    row.toggleAttribute('data-predicted', prediction === digit);
    row.toggleAttribute('data-answer', answer === digit);
  }
}

/** Refills WeightRow.astro with a pixel's ten weights. */
export function showWeightRow(root: ParentNode, caption: string, locale: string, row: readonly number[] | undefined, maxAbs: number): void {
  const captionElement = root.querySelector('[data-weight-row-caption]');
  if (captionElement) captionElement.textContent = caption;
  for (let digit = 0; digit < 10; digit++) {
    const item = root.querySelector<HTMLElement>(`[data-weight="${digit}"]`);
    if (!item) continue;
    const value = row?.[digit];
    const shade = value === undefined || maxAbs === 0 ? 0 : Math.max(-1, Math.min(1, value / maxAbs));
    item.style.setProperty('--positive', Math.max(0, shade).toFixed(3));
    item.style.setProperty('--negative', Math.max(0, -shade).toFixed(3));
    const text = item.querySelector('dd');
    if (text) text.textContent = value === undefined ? '…' : formatWeight(value, locale);
  }
}

/** A baked <img> of a 28 × 28 picture becomes a canvas the first time it is redrawn (no PNG encoding in the page). */
export function canvasFor(slot: HTMLImageElement | HTMLCanvasElement): HTMLCanvasElement {
  if (slot instanceof HTMLCanvasElement) return slot;
  const canvas = document.createElement('canvas');
  canvas.width = SIDE;
  canvas.height = SIDE;
  for (const attribute of slot.getAttributeNames()) {
    if (attribute.startsWith('data-')) canvas.setAttribute(attribute, slot.getAttribute(attribute) ?? '');
  }
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', slot.alt);
  slot.replaceWith(canvas);
  return canvas;
}

/** Grey levels (0 = paper, `full` = ink) drawn as dark ink on white paper, as MNIST's figures are. */
export function drawInk(canvas: HTMLCanvasElement, values: ArrayLike<number>, full: number): void {
  const image = new ImageData(SIDE, SIDE);
  for (let pixel = 0; pixel < PIXELS; pixel++) {
    const paper = Math.round(255 * (1 - Math.min(1, Math.max(0, (values[pixel] ?? 0) / full))));
    image.data.set([paper, paper, paper, 255], pixel * 4);
  }
  canvas.getContext('2d')?.putImageData(image, 0, 0);
}

/** Colour and opacity (colormap.ts): zero is transparent, so the figure sits on the page in either theme. */
export function drawRgba(canvas: HTMLCanvasElement, rgba: Uint8ClampedArray<ArrayBuffer>): void {
  canvas.getContext('2d')?.putImageData(new ImageData(rgba, SIDE, SIDE), 0, 0);
}

/** What a failed question says: the page's words for known problems, the message otherwise. */
export function describeFailure(error: unknown, t: Translate): string {
  return t('explorer.error', { message: error instanceof Error ? error.message : String(error) });
}
