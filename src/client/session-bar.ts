/**
 * The session bar's view (SessionControls.astro): what the session is doing (showActivity), the
 * backend indicator, notices, the data download's progress and TensorFlow.js memory. It only
 * renders; PageSession decides.
 */
import type { BackendName, TensorMemory } from '../runtime/protocol.ts';
import { activityShortText, activityText, DownloadEstimate, type SessionActivity } from './session-activity.ts';
import type { Translate } from './ui-strings.ts';
import { HALF_FLOAT_REASON } from '../runtime/float-precision.ts';

export type { SessionActivity } from './session-activity.ts';

/** The id a live cell's element carries, so that links can point at it. */
export function cellAnchor(cellId: string): string {
  return `cell-${cellId}`;
}

export class SessionBar {
  readonly #root: HTMLElement | null;
  readonly #t: Translate;
  readonly #locale: string;
  /** Made on first use: the first Intl.NumberFormat of a page costs ~30 ms (ICU data), before the first paint if made at start. */
  #megabytesFormat: Intl.NumberFormat | undefined;
  readonly #estimate = new DownloadEstimate();
  /** The download in progress, shown before the cell that asked for it. */
  #download: Extract<SessionActivity, { kind: 'downloading' }> | undefined;
  /** Code that a cell waits for (the layers API), shown before that cell. */
  #loadingCode: Extract<SessionActivity, { kind: 'loading-code' }> | undefined;
  /** The cell that runs, if any. */
  #running: Extract<SessionActivity, { kind: 'running' }> | undefined;

  constructor(root: HTMLElement | null, t: Translate, locale: string) {
    this.#root = root;
    this.#t = t;
    this.#locale = locale;
    this.#setUpTools();
    this.#part('[data-notice-close]')?.addEventListener('click', () => this.showNotice(''));
  }

  #megabytes(): Intl.NumberFormat {
    this.#megabytesFormat ??= new Intl.NumberFormat(this.#locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
    return this.#megabytesFormat;
  }

  /** Shows Stop all and makes it stop the session; it is enabled while something runs. */
  onStopAll(stop: () => void): void {
    const button = this.#part<HTMLButtonElement>('[data-action="stop-all"]');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', stop);
  }

  /**
   * What the session does now: the download, or the cell that runs (with its step and the cells
   * queued after it); undefined when nothing runs. Stop all is enabled while something runs.
   */
  showActivity(activity: SessionActivity | undefined): void {
    if (activity?.kind === 'downloading') this.#download = activity;
    else if (activity?.kind === 'loading-code') this.#loadingCode = activity;
    else this.#running = activity;
    this.#render();
  }

  /**
   * The backend in use (data-backend), or none; a fallback also says why WebGL is not used, and a
   * WebGL without a graphics card says so (data-renderer="software"): it is why training is slow
   * and the output comes once a second.
   */
  showBackend(backend: BackendName | undefined, fallbackReason?: string, softwareRendering = false): void {
    const indicator = this.#part('[data-backend-indicator]');
    if (!indicator) return;
    const software = backend === 'webgl' && softwareRendering;
    if (software) {
      indicator.dataset['renderer'] = 'software';
      indicator.title = this.#t('session.backend.softwareTitle');
    } else {
      delete indicator.dataset['renderer'];
      indicator.removeAttribute('title');
    }
    if (backend) {
      indicator.dataset['backend'] = backend;
      indicator.textContent = software ? this.#t('session.backend.software') : backend === 'webgl' ? 'WebGL' : backend.toUpperCase();
    } else {
      delete indicator.dataset['backend'];
      indicator.textContent = this.#t('session.backend.none');
      // No session, no tensors: an old count would be a wrong number.
      const memory = this.#part('[data-memory]');
      if (memory) memory.hidden = true;
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

  /** A message under the bar, until the reader closes it or another replaces it; '' hides it. */
  showNotice(text: string): void {
    const notice = this.#part('[data-session-notice]');
    if (!notice) return;
    const paragraph = notice.querySelector('[data-notice-text]');
    if (paragraph) paragraph.textContent = text;
    else notice.textContent = text;
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
        loaded: this.#megabytes().format(loadedBytes / 1e6),
        total: this.#megabytes().format(totalBytes / 1e6),
      });
    }
    this.#estimate.add(loadedBytes, performance.now());
    this.#showMeasuredCost(totalBytes);
    this.showActivity({ kind: 'downloading', loadedBytes, totalBytes });
  }

  hideDataProgress(): void {
    const container = this.#part('[data-data-progress]');
    if (container) container.hidden = true;
    if (this.#download) {
      this.#estimate.finish();
      this.#showMeasuredCost(this.#download.totalBytes);
    }
    this.#download = undefined;
    this.#render();
  }

  /** Code a cell needs is downloading (`what`: 'layers'), or, with undefined, it is there (or failed). */
  showCodeLoading(what: string | undefined): void {
    this.#loadingCode = what === undefined ? undefined : { kind: 'loading-code', what };
    this.#render();
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
    element.textContent = this.#t('session.memory', { tensors: memory.numTensors, size: this.#megabytes().format(memory.numBytes / 1e6) });
  }

  #render(): void {
    const line = this.#part('[data-activity]');
    if (!line) return;
    const activity = this.#download ?? this.#loadingCode ?? this.#running;
    const stopAll = this.#part<HTMLButtonElement>('[data-action="stop-all"]');
    if (stopAll) stopAll.disabled = activity === undefined;
    line.toggleAttribute('data-busy', activity !== undefined);
    if (!activity) {
      line.replaceChildren(...this.#longAndShort(this.#t('activity.idle'), this.#t('activity.idleShort')));
      return;
    }
    const secondsLeft = activity.kind === 'downloading' ? this.#estimate.secondsLeft(activity.totalBytes) : undefined;
    const [long, short] = this.#longAndShort(
      activityText(activity, this.#t, this.#locale, secondsLeft),
      activityShortText(activity, this.#locale),
    );
    if (activity.kind !== 'running') {
      line.replaceChildren(long, short);
      return;
    }
    // The running cell may be far from the screen: the line links to it.
    const link = document.createElement('a');
    link.href = `#${cellAnchor(activity.cellId)}`;
    link.append(long, short);
    line.replaceChildren(link);
  }

  /** The sentence, and a few characters for a phone's bar (SessionControls.css shows one). */
  #longAndShort(longText: string, shortText: string): [HTMLElement, HTMLElement] {
    const long = document.createElement('span');
    long.className = 'session-bar__long';
    long.textContent = longText;
    const short = document.createElement('span');
    short.className = 'session-bar__short';
    short.setAttribute('aria-hidden', 'true');
    short.textContent = shortText;
    return [long, short];
  }

  /** The opening's "what Run all costs", completed with the time the download takes here. */
  #showMeasuredCost(totalBytes: number): void {
    const seconds = this.#estimate.secondsFor(totalBytes);
    const target = document.querySelector<HTMLElement>('[data-run-all-estimate]');
    if (seconds === undefined || !target) return;
    // A second sentence after the first: a space between them, except in Japanese (after 。).
    const gap = this.#locale.startsWith('ja') ? '' : ' ';
    target.textContent = gap + this.#t('opening.costMeasured', { seconds: Math.max(1, Math.round(seconds)) });
    target.hidden = false;
  }

  /** Below 77.5rem the tools fold behind one button (see SessionControls.css). */
  #setUpTools(): void {
    const toggle = this.#part<HTMLButtonElement>('[data-tools-toggle]');
    const tools = this.#part('[data-tools]');
    if (!toggle || !tools) return;
    toggle.hidden = false;
    const setOpen = (open: boolean): void => {
      tools.toggleAttribute('data-open', open);
      toggle.setAttribute('aria-expanded', String(open));
    };
    toggle.addEventListener('click', () => setOpen(!tools.hasAttribute('data-open')));
    tools.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.focus();
    });
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.#root?.querySelector<T>(selector) ?? null;
  }
}
