/**
 * The session bar's view (SessionControls.astro): the backend indicator, notices, the data
 * download's progress and TensorFlow.js memory. It only renders; PageSession decides.
 */
import type { BackendName, TensorMemory } from '../runtime/protocol.ts';
import type { Translate } from './ui-strings.ts';
import { HALF_FLOAT_REASON } from '../runtime/float-precision.ts';

/** What the session is doing, for the bar's global status. */
export type SessionActivity =
  | { kind: 'downloading'; loadedBytes: number; totalBytes: number }
  | {
      kind: 'running';
      cellId: string;
      position: number;
      count: number;
      label: string;
      step?: { done: number; total: number };
      queued: number;
    };

export class SessionBar {
  readonly #root: HTMLElement | null;
  readonly #t: Translate;
  readonly #megabytes: Intl.NumberFormat;

  constructor(root: HTMLElement | null, t: Translate, locale: string) {
    this.#root = root;
    this.#t = t;
    this.#megabytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  }

  /** The backend in use (data-backend), or none; a fallback also says why WebGL is not used. */
  showBackend(backend: BackendName | undefined, fallbackReason?: string): void {
    const indicator = this.#part('[data-backend-indicator]');
    if (!indicator) return;
    if (backend) {
      indicator.dataset['backend'] = backend;
      indicator.textContent = backend === 'webgl' ? 'WebGL' : backend.toUpperCase();
    } else {
      delete indicator.dataset['backend'];
      indicator.textContent = this.#t('session.backend.none');
    }
    // Only a fallback has something to say; other notices (a share link, say) stay.
    if (fallbackReason && backend) {
      this.showNotice(
        fallbackReason === HALF_FLOAT_REASON
          ? this.#t('numbers.halfFloat', { backend: backend.toUpperCase() })
          : this.#t('session.backend.fallback', { reason: fallbackReason, backend: backend.toUpperCase() }),
      );
    }
  }

  /** While the worker starts, unless a backend is already shown. */
  showStarting(): void {
    const indicator = this.#part('[data-backend-indicator]');
    if (indicator && !indicator.hasAttribute('data-backend')) indicator.textContent = this.#t('session.backend.starting');
  }

  showNotice(text: string): void {
    const notice = this.#part('[data-session-notice]');
    if (!notice) return;
    notice.textContent = text;
    notice.hidden = text === '';
  }

  showDataProgress(loadedBytes: number, totalBytes: number): void {
    const container = this.#part('[data-data-progress]');
    if (!container) return;
    container.hidden = false;
    const fraction = totalBytes > 0 ? Math.min(1, loadedBytes / totalBytes) : 0;
    const bar = container.querySelector('progress');
    if (bar) bar.value = fraction;
    const text = container.querySelector('[data-data-progress-text]');
    if (text) {
      text.textContent = this.#t('data.loading', {
        percent: Math.round(fraction * 100),
        loaded: this.#megabytes.format(loadedBytes / 1e6),
        total: this.#megabytes.format(totalBytes / 1e6),
      });
    }
  }

  hideDataProgress(): void {
    const container = this.#part('[data-data-progress]');
    if (container) container.hidden = true;
  }

  /** The session's global status (the sticky bar's line); undefined when idle. */
  showActivity(activity: SessionActivity | undefined): void {
    const element = this.#part('[data-activity]');
    if (!element) return;
    element.hidden = activity === undefined;
    if (!activity) {
      element.textContent = '';
      return;
    }
    element.textContent =
      activity.kind === 'downloading'
        ? this.#t('data.loading', {
            percent: Math.round((activity.loadedBytes / Math.max(1, activity.totalBytes)) * 100),
            loaded: this.#megabytes.format(activity.loadedBytes / 1e6),
            total: this.#megabytes.format(activity.totalBytes / 1e6),
          })
        : this.#t('session.activity.running', { position: activity.position, count: activity.count, label: activity.label }) +
          (activity.step ? ` (${this.#t('cell.progress', { done: activity.step.done, total: activity.step.total })})` : '');
  }

  /** The session is gone: no memory to show. */
  hideMemory(): void {
    const element = this.#part('[data-memory]');
    if (element) element.hidden = true;
  }

  showMemory(memory: TensorMemory): void {
    const element = this.#part('[data-memory]');
    if (!element) return;
    element.hidden = false;
    element.dataset['tensors'] = String(memory.numTensors);
    element.dataset['gpuBytes'] = String(memory.numBytesInGPU ?? 0);
    element.textContent = this.#t('session.memory', { tensors: memory.numTensors, size: this.#megabytes.format(memory.numBytes / 1e6) });
  }

  #part(selector: string): HTMLElement | null {
    return this.#root?.querySelector<HTMLElement>(selector) ?? null;
  }
}
