/**
 * Views: the page's elements that show session variables outside the cells — inline values
 * (`[data-result]`) and figures of session variables (`<live-figure data-source>`). Each is a node of
 * the notebook (`data-node`): it shows the value its provider made, and says when that value is out
 * of date (`data-state="stale"`, with a visible, translated mark).
 */
import { formatDifference, formatResult, resultFormatOf } from '../runtime/format-result.ts';
import type { ResultValue } from '../runtime/protocol.ts';
import type { LiveFigureElement } from './live-figure.ts';
import type { Translate } from './ui-strings.ts';

export interface View {
  readonly node: string;
  readonly element: HTMLElement;
  /** The variables it shows. */
  readonly names: readonly string[];
  show(results: Record<string, ResultValue>): void;
  /** Out of date: keep what is shown (never blank it) and say so. */
  setStale(stale: boolean): void;
  /**
   * While the cell that provides its variables runs (training you can watch): their values every
   * few steps; undefined when that run ended without values (stopped, failed, session lost).
   */
  live?(frame: LiveFrame | undefined): void;
}

export interface LiveFrame {
  values: Record<string, ResultValue>;
  step: number;
  total: number;
}

export function markStale(element: HTMLElement, stale: boolean, t: Translate): void {
  if (stale) {
    element.dataset['state'] = 'stale';
    element.title = t('stale.title');
  } else if (element.dataset['state'] === 'stale') {
    delete element.dataset['state'];
    element.removeAttribute('title');
  }
}

export function resultView(element: HTMLElement, locale: string, t: Translate): View | undefined {
  const node = element.dataset['node'];
  const name = element.dataset['result'];
  if (!node || !name) return undefined;
  return {
    node,
    element,
    names: [name],
    show(results) {
      const value = results[name];
      if (!value) return;
      element.textContent = formatResult(value, locale, resultFormatOf(element.dataset));
      delete element.dataset['baked'];
      // Inside a comparison with the article's value (Compare.astro), the difference follows.
      const compare = element.closest<HTMLElement>('[data-compare]');
      const difference = compare?.querySelector('[data-difference]');
      const articleValue = Number(compare?.dataset['articleValue']);
      const significant = Number(compare?.dataset['significant']);
      if (difference && value.kind === 'number' && Number.isFinite(articleValue) && significant > 0) {
        difference.textContent = formatDifference(value.value, articleValue, locale, significant);
      }
    },
    setStale: (stale) => markStale(element, stale, t),
  };
}

export function figureView(element: LiveFigureElement, t: Translate): View | undefined {
  const node = element.dataset['node'];
  const name = element.source;
  if (!node || !name) return undefined;
  return {
    node,
    element,
    names: [name],
    show: (results) => element.update(results),
    setStale: (stale) => markStale(element, stale, t),
    // A figure of a running cell's variables redraws as it goes; a stopped run's last frame stays, marked stale.
    live: (frame) => {
      if (frame) element.update(frame.values);
    },
  };
}
