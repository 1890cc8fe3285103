/**
 * <live-cell>: one cell of the page. It owns its DOM (code, buttons, output, state) and the
 * reader's edits; running is delegated to the page session (page-session.ts).
 */
import type { CellFailure } from '../runtime/execute-cell.ts';
import { errorHeadline, hintFor } from '../runtime/explain-error.ts';
import type { OutputChunk } from '../runtime/output-batcher.ts';
import { renderLineChart } from '../figures/render-chart.ts';
import type { CellState } from '../runtime/notebook-plan.ts';
import type { CodeEditor } from './code-editor.ts';
import type { EditStore } from './edit-store.ts';
import type { Translate } from './ui-strings.ts';
import { readerIsActive } from './reader-activity.ts';
import { currentTheme, THEME_EVENT } from './theme.ts';
import { cellAnchor } from './session-bar.ts';

export interface CellHost {
  run(cellId: string): void;
  stop(): void;
  edited(cellId: string): void;
}

export interface CellContext {
  host: CellHost;
  store: EditStore;
  t: Translate;
}

/** Once the reader is active, load the editor a little before the cell scrolls into view. */
const EDITOR_ROOT_MARGIN = '300px 0px';

function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 2_000 });
  else setTimeout(task, 50);
}

/**
 * Resolves once `area` is on screen and the editor built in `mount` has settled at the static
 * code's height (CodeMirror measures its lines over a few frames), or after a second of frames
 * if it never does (an edited cell, whose static code is plain text).
 */
function settledOnScreen(area: HTMLElement, mount: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      const check = (frame: number): void => {
        const settled = frame >= 2 && Math.abs(mount.getBoundingClientRect().height - area.getBoundingClientRect().height) < 0.5;
        if (settled || frame >= 60) resolve();
        else requestAnimationFrame(() => check(frame + 1));
      };
      check(0);
    });
    observer.observe(area);
  });
}

export class LiveCellElement extends HTMLElement {
  #context: CellContext | undefined;
  #original = '';
  #code = '';
  #editor: CodeEditor | undefined;
  #editorLoading: Promise<CodeEditor | undefined> | undefined;
  #observer: IntersectionObserver | undefined;
  /** The output computed at build time, shown until a live run replaces it and again on Reset. */
  #bakedOutput = '';
  /** The baked chart, restored with the baked output. */
  #bakedChart = '';
  #bakedBackend: string | undefined;
  /** The points a running cell plotted so far, by series. */
  #plots: Record<string, Array<[number, number]>> = {};
  /** The code that produced the output shown: an edit makes that output out of date. */
  #outputCode = '';
  /** The line the last error points at, marked in the code until the next edit or run. */
  #errorLine: number | undefined;

  get cellId(): string {
    return this.dataset['cell'] ?? '';
  }

  /** The code that Run executes: the reader's version if they edited it. */
  get code(): string {
    return this.#editor?.code ?? this.#code;
  }

  /** Called once by the page session; wires buttons, restores edits, prepares the editor. */
  connect(context: CellContext): void {
    this.#context = context;
    const codeArea = this.#part('[data-code]');
    this.#original = codeArea.querySelector('pre')?.textContent ?? codeArea.textContent ?? '';
    this.#bakedOutput = this.#part('[data-output]').textContent ?? '';
    this.#bakedBackend = this.#part('[data-output]').dataset['baked'];
    this.#bakedChart = this.#part('[data-chart]').innerHTML;
    this.#code = context.store.load(this.cellId, this.#original) ?? this.#original;
    this.#outputCode = this.#original;
    if (this.#code !== this.#original) this.#showPlainCode(this.#code);
    this.#updateModifiedMark();
    this.#updateOutdatedMark();

    this.#button('run').addEventListener('click', () => context.host.run(this.cellId));
    this.#button('stop').addEventListener('click', () => context.host.stop());
    this.#button('reset').addEventListener('click', () => this.reset());
    this.#part('[data-buttons]').hidden = false;

    // Keyboard and pointer users reach the code before the editor exists: it loads on demand.
    const pre = codeArea.querySelector('pre');
    pre?.setAttribute('tabindex', '0');
    codeArea.addEventListener('focusin', () => void this.#loadEditor(), { once: true });
    codeArea.addEventListener('pointerdown', () => void this.#loadEditor(), { once: true });
    void readerIsActive().then(() => this.#loadEditorNearViewport());
  }

  #loadEditorNearViewport(): void {
    if (this.#editorLoading) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        // One editor per idle period: creating many at once would be one long main-thread task.
        if (entries.some((entry) => entry.isIntersecting)) whenIdle(() => void this.#loadEditor());
      },
      { rootMargin: EDITOR_ROOT_MARGIN },
    );
    this.#observer.observe(this);
  }

  /** Code that came with a share link: shown and marked, never run until the reader presses Run. */
  loadSharedCode(code: string): void {
    if (this.#editor) this.#editor.setCode(code);
    else this.#applyCode(code);
    this.toggleAttribute('data-from-link', true);
    this.#part('[data-from-link-mark]').hidden = false;
  }

  /** The reader's version differs from the article's. */
  get isModified(): boolean {
    return this.code !== this.#original;
  }

  reset(): void {
    this.removeAttribute('data-from-link');
    this.#part('[data-from-link-mark]').hidden = true;
    if (this.#editor) this.#editor.setCode(this.#original);
    else this.#applyCode(this.#original);
    this.#context?.store.clear(this.cellId);
    if (this.#bakedOutput) {
      this.clearOutput();
      this.#part('[data-output]').textContent = this.#bakedOutput;
      this.#part('[data-chart]').innerHTML = this.#bakedChart;
      this.#setBaked(true);
      this.#outputCode = this.#original;
    }
    this.#updateOutdatedMark();
  }

  setState(state: CellState): void {
    this.dataset['state'] = state;
    this.#part('[data-status]').textContent = this.#context?.t(`cell.state.${state}`) ?? '';
    this.#button('stop').disabled = !(state === 'running' || state === 'queued');
    if (state !== 'queued') this.showWaitingFor(undefined);
  }

  clearOutput(): void {
    this.#part('[data-output]').textContent = '';
    this.#part('[data-chart]').replaceChildren();
    this.#part('[data-progress]').hidden = true;
    this.#plots = {};
    this.#setBaked(false);
    const error = this.#part('[data-error]');
    error.hidden = true;
    error.replaceChildren();
    // A run starts: what it shows belongs to the code as it is now.
    this.#outputCode = this.code;
    this.#updateOutdatedMark();
    this.#markErrorLine(undefined);
  }

  /** Shows what a running cell reported: lines, progress, chart points. */
  showChunk(chunk: OutputChunk): void {
    if (chunk.lines.length > 0) this.appendOutput(chunk.lines.join('\n'));
    if (chunk.progress) this.#showProgress(chunk.progress.done, chunk.progress.total);
    if (chunk.points) {
      for (const [series, points] of Object.entries(chunk.points)) (this.#plots[series] ??= []).push(...points);
      const chart = this.#part('[data-chart]');
      // The chart is built from numbers and escaped series names only (render-chart.ts).
      chart.innerHTML = renderLineChart(this.#plots, chart.dataset['chartLabel'] ?? '');
    }
  }

  #showProgress(done: number, total: number): void {
    const container = this.#part('[data-progress]');
    container.hidden = false;
    const bar = container.querySelector('progress');
    if (bar) bar.value = total > 0 ? Math.min(1, done / total) : 0;
    const text = container.querySelector('[data-progress-text]');
    if (text && this.#context) text.textContent = this.#context.t('cell.progress', { done, total });
  }

  appendOutput(text: string): void {
    const output = this.#part('[data-output]');
    output.textContent = output.textContent === '' ? text : `${output.textContent}\n${text}`;
  }

  showError(failure: CellFailure): void {
    const t = this.#context?.t;
    const error = this.#part('[data-error]');
    const position = failure.line !== undefined && t ? ` (${t('error.at', { line: failure.line, column: failure.column ?? 1 })})` : '';
    const headline = document.createElement('div');
    headline.textContent = `${errorHeadline(failure.name, failure.message)}${position}`;
    error.replaceChildren(headline);
    const hintKey = hintFor(failure);
    if (hintKey && t) {
      const hint = document.createElement('p');
      hint.textContent = t(`error.hint.${hintKey}`);
      error.append(hint);
    }
    if (failure.hint === 'loadFailed' && t) {
      // A failed download is retried by running the cell again: the data loads on first use.
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'button';
      retry.dataset['action'] = 'retry';
      retry.textContent = t('cell.retry');
      retry.addEventListener('click', () => this.#context?.host.run(this.cellId));
      error.append(retry);
    }
    error.hidden = false;
    this.#markErrorLine(failure.line);
  }

  /**
   * A queued cell says which cell it waits for, with a link to it; undefined when it waits for
   * nothing (or no longer waits).
   */
  showWaitingFor(cell: { id: string; label: string } | undefined): void {
    const element = this.#part('[data-waiting-for]');
    const t = this.#context?.t;
    if (!cell || !t) {
      element.hidden = true;
      element.replaceChildren();
      return;
    }
    const [before = '', after = ''] = t('cell.waitingFor', { label: '\u0000' }).split('\u0000');
    const link = document.createElement('a');
    link.href = `#${cellAnchor(cell.id)}`;
    link.textContent = cell.label;
    element.replaceChildren(before, link, after);
    element.hidden = false;
  }

  /** The output shown came from other code than the cell holds now: dimmed and labelled. */
  #updateOutdatedMark(): void {
    const output = this.#part('[data-output]');
    const hasOutput = output.textContent !== '' || this.#part('[data-chart]').childElementCount > 0;
    this.toggleAttribute('data-output-outdated', hasOutput && this.code !== this.#outputCode);
  }

  /** The failing line, in the editor or, before it loads, in the static code. */
  #markErrorLine(line: number | undefined): void {
    this.#errorLine = line;
    this.#editor?.markErrorLine(line);
    const lines = this.#part('[data-code]').querySelectorAll('pre .line');
    lines.forEach((element, index) => element.classList.toggle('is-error-line', index + 1 === line));
  }

  /** Marks the output as computed at build time, or not (a live run replaced it). */
  #setBaked(baked: boolean): void {
    const label = this.querySelector<HTMLElement>('[data-baked-label]');
    if (label) label.hidden = !baked;
    const output = this.#part('[data-output]');
    if (!baked) delete output.dataset['baked'];
    else if (this.#bakedBackend) output.dataset['baked'] = this.#bakedBackend;
  }

  async #loadEditor(): Promise<void> {
    this.#observer?.disconnect();
    this.#editorLoading ??= this.#createEditor();
    await this.#editorLoading;
  }

  async #createEditor(): Promise<CodeEditor | undefined> {
    const context = this.#context;
    if (!context) return undefined;
    const { createCodeEditor } = await import('./code-editor.ts');
    const codeArea = this.#part('[data-code]');
    // The editor is built hidden over the static code, and takes its place only once it has
    // measured its lines on screen (CodeMirror estimates the heights of an editor out of view):
    // the two have the same metrics, so the swap moves nothing.
    const mount = document.createElement('div');
    mount.className = 'live-cell__editor';
    mount.toggleAttribute('data-pending', true);
    codeArea.append(mount);
    const editor = createCodeEditor({
      parent: mount,
      code: this.#code,
      label: context.t('cell.editor', { id: this.cellId }),
      onChange: (code) => this.#applyCode(code),
      onRun: () => context.host.run(this.cellId),
      onEscape: () => this.#button('run').focus(),
      dark: currentTheme() === 'dark',
    });
    document.addEventListener(THEME_EVENT, () => editor.setDark(currentTheme() === 'dark'));
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => editor.setDark(currentTheme() === 'dark'));
    this.#editor = editor;
    editor.markErrorLine(this.#errorLine);
    await settledOnScreen(codeArea, mount);
    // The editor takes the focus only if the static code still has it: a reader who tabbed on
    // meanwhile is not pulled back (one Tab stop per control, met once).
    const takeFocus = codeArea.contains(document.activeElement);
    codeArea.replaceChildren(mount);
    mount.removeAttribute('data-pending');
    if (takeFocus) editor.focus();
    return editor;
  }

  #applyCode(code: string): void {
    if (code === this.#code) return;
    this.#code = code;
    if (!this.#editor) this.#showPlainCode(code);
    this.#context?.store.save(this.cellId, this.#original, code);
    this.#updateModifiedMark();
    this.#updateOutdatedMark();
    // The error's line mark no longer matches the code (the editor clears its own on an edit).
    if (this.#editor) this.#errorLine = undefined;
    else this.#markErrorLine(undefined);
    this.#context?.host.edited(this.cellId);
  }

  /** Before the editor loads, an edited cell shows its code as plain text. */
  #showPlainCode(code: string): void {
    const pre = this.#part('[data-code]').querySelector('pre');
    if (pre) pre.textContent = code;
  }

  #updateModifiedMark(): void {
    const modified = this.#code !== this.#original;
    this.#part('[data-modified-mark]').hidden = !modified;
    this.toggleAttribute('data-modified', modified);
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T {
    const element = this.querySelector<T>(selector);
    if (!element) throw new Error(`live-cell ${this.cellId}: missing ${selector}`);
    return element;
  }

  #button(action: 'run' | 'stop' | 'reset'): HTMLButtonElement {
    return this.#part<HTMLButtonElement>(`[data-action="${action}"]`);
  }
}
