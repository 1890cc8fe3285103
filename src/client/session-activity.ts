/**
 * What the session is doing, in words, for the sticky session bar: the data download (with an
 * estimate of the time left, measured as the bytes arrive) or the cell that runs, its place in the
 * page, its step and how many cells wait after it. Pure, so it is tested in Node.
 */
import type { Translate } from './ui-strings.ts';

export type SessionActivity =
  | { kind: 'downloading'; loadedBytes: number; totalBytes: number }
  /** Code a cell needs is downloading: `what` names it ('layers', the layers API of TensorFlow.js). */
  | { kind: 'loading-code'; what: string }
  | {
      kind: 'running';
      cellId: string;
      /** 1-based index of the cell in the page. */
      position: number;
      /** Cells in the page. */
      count: number;
      /** What the reader knows the cell by: its id. */
      label: string;
      step?: { done: number; total: number };
      /** Cells queued after this one. */
      queued: number;
    };

/** One sentence for the bar; `secondsLeft` is the download estimate, when there is one. */
export function activityText(activity: SessionActivity, t: Translate, locale: string, secondsLeft?: number): string {
  const megabytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  if (activity.kind === 'loading-code') return t('activity.loadingCode', { what: activity.what });
  if (activity.kind === 'downloading') {
    const text = t('activity.downloading', {
      loaded: megabytes.format(activity.loadedBytes / 1e6),
      total: megabytes.format(activity.totalBytes / 1e6),
    });
    return secondsLeft === undefined ? text : `${text} · ${t('activity.secondsLeft', { count: Math.max(1, Math.round(secondsLeft)) })}`;
  }
  const cell = { position: activity.position, count: activity.count, label: activity.label };
  const sentence = activity.step
    ? t('activity.runningStep', { ...cell, done: activity.step.done, total: activity.step.total })
    : t('activity.running', cell);
  return activity.queued > 0 ? `${sentence} · ${t('activity.queued', { count: activity.queued })}` : sentence;
}

/** The same in a few characters, for a phone's bar: "7/19 train · 350/1000", "MNIST 3.1/7.8 MB". */
export function activityShortText(activity: SessionActivity, locale: string): string {
  if (activity.kind === 'loading-code') return `TF.js ${activity.what}…`;
  if (activity.kind === 'downloading') {
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    const megabytes = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 1,
      minimumFractionDigits: 1,
    });
    return `MNIST ${number.format(activity.loadedBytes / 1e6)}/${megabytes.format(activity.totalBytes / 1e6)}`;
  }
  const cell = `${activity.position}/${activity.count} ${activity.label}`;
  return activity.step ? `${cell} · ${activity.step.done}/${activity.step.total}` : cell;
}

/**
 * The download's rate, from the progress reports: an estimate of the seconds left once enough
 * bytes arrived to mean something (a quarter of a second of data, and some bytes beyond the first
 * report, which may come from the cache); once the download is over, whatever it took.
 */
export class DownloadEstimate {
  #first: { bytes: number; time: number } | undefined;
  #last: { bytes: number; time: number } | undefined;
  #finished = false;

  /** Records a progress report: bytes received so far, at `timeMs` (performance.now()). */
  add(loadedBytes: number, timeMs: number): void {
    if (this.#last && loadedBytes < this.#last.bytes) this.#first = undefined; // a new download
    if (!this.#first) this.#finished = false;
    this.#first ??= { bytes: loadedBytes, time: timeMs };
    this.#last = { bytes: loadedBytes, time: timeMs };
  }

  /** The download ended: its rate is known, however short it was. */
  finish(): void {
    this.#finished = true;
  }

  /** Bytes per second so far, or undefined while there is too little to tell. */
  get bytesPerSecond(): number | undefined {
    if (!this.#first || !this.#last) return undefined;
    const seconds = (this.#last.time - this.#first.time) / 1000;
    const bytes = this.#last.bytes - this.#first.bytes;
    const longEnough = this.#finished ? seconds > 0 : seconds >= 0.25;
    return longEnough && bytes > 0 ? bytes / seconds : undefined;
  }

  secondsLeft(totalBytes: number): number | undefined {
    const rate = this.bytesPerSecond;
    if (rate === undefined || !this.#last) return undefined;
    return Math.max(0, totalBytes - this.#last.bytes) / rate;
  }

  /** Seconds the whole download takes at the measured rate. */
  secondsFor(totalBytes: number): number | undefined {
    const rate = this.bytesPerSecond;
    return rate === undefined ? undefined : totalBytes / rate;
  }
}
