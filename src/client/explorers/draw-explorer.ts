/**
 * The drawing pad's controller (DrawExplorer.astro). The page only records and draws the strokes
 * (pointer events: mouse, touch and pen; or the keyboard: arrows move the pen, Space puts it down
 * or lifts it, Delete clears); the worker makes the drawing MNIST-like and reads it with the model
 * (queries.ts, `classify-drawing`), at the end of each stroke and every few moments while drawing.
 * data-prediction holds the digit read, data-strokes how many finished strokes that reading saw.
 */
import type { Point } from '../../explorables/drawing.ts';
import { formatPercent, formatTopDigits } from '../../explorables/format.ts';
import { isProblem, type DrawingAnswer, type DrawingQuestion } from '../../explorables/queries.ts';
import { THEME_EVENT } from '../theme.ts';
import type { Translate } from '../ui-strings.ts';
import type { ExplorerChannel, ExplorerHost } from './explorer-view.ts';
import {
  announcer,
  askWorker,
  describeFailure,
  drawInk,
  part,
  questionValues,
  showModelNote,
  showProbabilities,
} from './explorer-parts.ts';

/** The pad's drawing size in CSS pixels (the canvas is scaled for the screen's density). */
const PAD = 280;
/** Ink width on the pad: about MNIST's stroke for a digit as tall as most of the pad. */
const PEN_WIDTH = 20;
/** While drawing, read the drawing again at most this often. */
const WHILE_DRAWING_MS = 150;
/** Points closer than this (in pad units) to the last one add nothing. */
const MIN_STEP = 0.004;
/** One arrow key press moves the keyboard pen by one pixel of the 28 × 28 image. */
const KEY_STEP = 1 / 28;

export class DrawExplorer {
  readonly #channel: ExplorerChannel;
  readonly #host: ExplorerHost;
  readonly #t: Translate;
  readonly #root: HTMLElement;
  readonly #locale: string;
  readonly #pad: HTMLCanvasElement;
  readonly #announce: (text: string) => void;
  readonly #strokes: Point[][] = [];
  #current: Point[] | undefined;
  #pointer: number | undefined;
  /** The pad's box during a stroke (read once: it does not move while the reader draws). */
  #box: DOMRect | undefined;
  /** The ink's colour: the page's text colour, read again when the theme changes. */
  #ink = '';
  /** The keyboard pen: where it is, and whether it is down. */
  #cursor: Point = [0.5, 0.5];
  #penDown = false;
  #asking = false;
  #askAgain = false;
  #lastAsked = 0;
  #askedModel = '';

  constructor(channel: ExplorerChannel, host: ExplorerHost, t: Translate) {
    this.#channel = channel;
    this.#host = host;
    this.#t = t;
    this.#root = channel.element;
    this.#locale = document.documentElement.lang || 'en';
    this.#pad = part<HTMLCanvasElement>(this.#root, '[data-draw-pad]');
    this.#announce = announcer(this.#root.querySelector('[data-explorer-announce]'));
    const density = Math.max(1, Math.round(window.devicePixelRatio || 1));
    this.#pad.width = PAD * density;
    this.#pad.height = PAD * density;
    this.#pad.tabIndex = 0;
    const clear = part<HTMLButtonElement>(this.#root, '[data-action="clear"]');
    clear.disabled = false;
    clear.addEventListener('click', () => this.#clear());
    this.#pad.addEventListener('pointerdown', (event) => this.#pointerDown(event));
    this.#pad.addEventListener('pointermove', (event) => this.#pointerMove(event));
    this.#pad.addEventListener('pointerup', (event) => this.#pointerUp(event));
    this.#pad.addEventListener('pointercancel', (event) => this.#pointerUp(event));
    this.#pad.addEventListener('keydown', (event) => this.#key(event));
    this.#pad.addEventListener('focus', () => this.#redraw());
    this.#pad.addEventListener('blur', () => {
      this.#liftPen();
      this.#redraw();
    });
    // The ink follows the page's colours.
    const recolour = (): void => {
      this.#ink = '';
      this.#redraw();
    };
    document.addEventListener(THEME_EVENT, recolour);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', recolour);
    channel.subscribe(() => this.#modelChanged());
    host.warmUp();
    this.#redraw();
    this.#modelChanged();
  }

  // ---- drawing -------------------------------------------------------------------------------

  #pointerDown(event: PointerEvent): void {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    this.#pad.focus({ preventScroll: true });
    this.#pad.setPointerCapture(event.pointerId);
    this.#pointer = event.pointerId;
    this.#box = this.#pad.getBoundingClientRect();
    this.#current = [this.#padPoint(event)];
    this.#redraw();
  }

  #pointerMove(event: PointerEvent): void {
    if (event.pointerId !== this.#pointer || !this.#current) return;
    const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    const from = this.#current.length - 1;
    for (const each of events.length > 0 ? events : [event]) this.#addPoint(this.#padPoint(each));
    // Only the new piece of the stroke is drawn: the pad keeps what was drawn before.
    this.#drawStroke(this.#current.slice(Math.max(0, from)));
    if (performance.now() - this.#lastAsked >= WHILE_DRAWING_MS) this.#read();
  }

  #pointerUp(event: PointerEvent): void {
    if (event.pointerId !== this.#pointer || !this.#current) return;
    this.#pointer = undefined;
    this.#box = undefined;
    this.#finishStroke();
  }

  #key(event: KeyboardEvent): void {
    const moves: Record<string, Point> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const clamp = (value: number): number => Math.min(1, Math.max(0, value));
      this.#cursor = [clamp(this.#cursor[0] + move[0] * KEY_STEP), clamp(this.#cursor[1] + move[1] * KEY_STEP)];
      if (this.#penDown) this.#addPoint(this.#cursor);
      this.#redraw();
      if (this.#penDown && performance.now() - this.#lastAsked >= WHILE_DRAWING_MS) this.#read();
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      if (this.#penDown) this.#liftPen();
      else {
        this.#penDown = true;
        this.#current = [this.#cursor];
        this.#redraw();
      }
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.#clear();
    } else if (event.key === 'Escape') {
      this.#liftPen();
    }
  }

  #liftPen(): void {
    if (!this.#penDown) return;
    this.#penDown = false;
    this.#finishStroke();
  }

  #finishStroke(): void {
    if (this.#current) this.#strokes.push(this.#current);
    this.#current = undefined;
    this.#redraw();
    this.#read();
  }

  #addPoint(point: Point): void {
    const last = this.#current?.at(-1);
    if (last && Math.hypot(point[0] - last[0], point[1] - last[1]) < MIN_STEP) return;
    this.#current?.push(point);
  }

  #padPoint(event: PointerEvent): Point {
    const box = this.#box ?? this.#pad.getBoundingClientRect();
    const clamp = (value: number): number => Math.min(1, Math.max(0, value));
    return [clamp((event.clientX - box.left) / box.width), clamp((event.clientY - box.top) / box.height)];
  }

  #clear(): void {
    this.#strokes.splice(0);
    this.#current = undefined;
    this.#penDown = false;
    this.#redraw();
    this.#read();
  }

  /** The pad's 2D context, in pad units, with the pen set up. */
  #context(): CanvasRenderingContext2D | undefined {
    const context = this.#pad.getContext('2d');
    if (!context) return undefined;
    const scale = this.#pad.width / PAD;
    context.setTransform(scale, 0, 0, scale, 0, 0);
    this.#ink ||= getComputedStyle(this.#pad).color;
    context.strokeStyle = this.#ink;
    context.lineWidth = PEN_WIDTH;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    return context;
  }

  /** Draws a stroke, or a piece of one (a single point is a dot: a zero-length segment with round caps). */
  #drawStroke(points: readonly Point[]): void {
    const context = this.#context();
    const [first, ...rest] = points;
    if (!context || !first) return;
    context.beginPath();
    context.moveTo(first[0] * PAD, first[1] * PAD);
    for (const [x, y] of rest.length > 0 ? rest : [first]) context.lineTo(x * PAD, y * PAD);
    context.stroke();
  }

  #redraw(): void {
    const context = this.#context();
    if (!context) return;
    context.clearRect(0, 0, PAD, PAD);
    for (const stroke of this.#current ? [...this.#strokes, this.#current] : this.#strokes) this.#drawStroke(stroke);
    // The keyboard pen, while the pad has the focus.
    if (document.activeElement === this.#pad && this.#pointer === undefined) {
      context.lineWidth = 2;
      context.beginPath();
      context.arc(this.#cursor[0] * PAD, this.#cursor[1] * PAD, PEN_WIDTH / 2 + 3, 0, 2 * Math.PI);
      context.stroke();
    }
  }

  // ---- reading -------------------------------------------------------------------------------

  #modelChanged(): void {
    showModelNote(this.#channel, this.#t);
    const { model, training } = this.#channel.state;
    if (training) return;
    const identity = JSON.stringify(model);
    if (identity === this.#askedModel) return;
    this.#askedModel = identity;
    if (this.#strokes.length > 0) this.#read();
  }

  /** Asks the worker to read the drawing; one question at a time, then the latest drawing again. */
  #read(): void {
    const strokes = this.#current ? [...this.#strokes, this.#current] : [...this.#strokes];
    const finished = this.#strokes.length;
    if (strokes.length === 0) {
      this.#showEmpty();
      return;
    }
    if (this.#asking) {
      this.#askAgain = true;
      return;
    }
    const values = questionValues(this.#channel, this.#host, this.#t);
    if (!values) return;
    this.#asking = true;
    this.#lastAsked = performance.now();
    const question: DrawingQuestion = { strokes };
    askWorker(this.#host, 'classify-drawing', question, values, () => this.#verdict(this.#t('explorer.busy')))
      .then((answer) => {
        // The reader cleared the pad meanwhile: that answer is about nothing on the screen.
        if (this.#strokes.length === 0 && !this.#current) return;
        if (isProblem(answer)) {
          this.#verdict(
            answer.problem === 'missing'
              ? this.#t('explorer.problem.missing', { name: answer.name })
              : this.#t('explorer.problem.shape', { detail: answer.problem === 'shape' ? answer.detail : '' }),
          );
        } else {
          this.#show(answer as DrawingAnswer, finished);
        }
      })
      .catch((error: unknown) => this.#verdict(describeFailure(error, this.#t)))
      .finally(() => {
        this.#asking = false;
        if (this.#askAgain) {
          this.#askAgain = false;
          this.#read();
        }
      });
  }

  #show(answer: DrawingAnswer, finishedStrokes: number): void {
    if (answer.empty) {
      this.#showEmpty();
      return;
    }
    drawInk(part<HTMLCanvasElement>(this.#root, '[data-draw-preview]'), answer.pixels, 1);
    showProbabilities(this.#root, this.#locale, answer.probabilities, answer.prediction);
    const percent = formatPercent(answer.probabilities[answer.prediction] ?? 0, this.#locale);
    this.#verdict(this.#t('explorer.draw.reads', { prediction: answer.prediction, percent }));
    this.#root.dataset['prediction'] = String(answer.prediction);
    this.#root.dataset['strokes'] = String(finishedStrokes);
    this.#announce(
      this.#t('explorer.draw.summary', { prediction: answer.prediction, top: formatTopDigits(answer.probabilities, this.#locale) }),
    );
  }

  #showEmpty(): void {
    drawInk(part<HTMLCanvasElement>(this.#root, '[data-draw-preview]'), [], 1);
    showProbabilities(this.#root, this.#locale, undefined);
    this.#verdict(this.#t('explorer.draw.empty'));
    delete this.#root.dataset['prediction'];
    this.#root.dataset['strokes'] = '0';
  }

  #verdict(text: string): void {
    part(this.#root, '[data-explorer-verdict]').textContent = text;
  }
}
