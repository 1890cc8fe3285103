/**
 * <live-cell>: one cell of the page. It owns its DOM (code, buttons, output, state) and the
 * reader's edits; running is delegated to the page session (page-session.ts).
 */
import type { CellFailure } from '../runtime/execute-cell.ts';
import { errorHeadline, hintFor } from '../runtime/explain-error.ts';
import type { OutputChunk } from '../runtime/output-batcher.ts';
import type { NonFiniteFound, NonFiniteHint } from '../runtime/non-finite.ts';
import type { CellState } from '../runtime/notebook/notebook.ts';
import type { CodeEditor } from './code-editor.ts';
import type { EditStore, SavedEdit } from './edit-store.ts';
import { CellEdits, type ImportOutcome } from './cell-edits.ts';
import { CellChart, PrintedLines, ProgressBar, showChunk, type ChunkRenderers } from './cell-output/index.ts';
import type { Translate } from './ui-strings.ts';
import { readerIsActive } from './reader-activity.ts';
import { currentTheme, THEME_EVENT } from './theme.ts';
import type { DependencyLine } from '../runtime/notebook/dependency-line.ts';
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

/** A NaN or Infinity in what a cell showed, with the explanation that fits (see non-finite.ts). */
export interface NumberWarning extends NonFiniteFound {
  hint: NonFiniteHint;
  /** Where it was found, e.g. `y`, `print`, the names of inline values. */
  where?: readonly string[];
}

/** The reader's answer when earlier cells show shared code they have not run. */
export type SharedCodeChoice = 'run-shared' | 'use-own' | 'cancel';

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
  #edits: CellEdits | undefined;
  /** The highlighted markup of the original, shown again when the cell is back to it. */
  #originalHtml = '';
  #editor: CodeEditor | undefined;
  #editorLoading: Promise<CodeEditor | undefined> | undefined;
  /** True while the page (not the reader) changes the editor's text. */
  #settingCode = false;
  #observer: IntersectionObserver | undefined;
  /** The output computed at build time, shown until a live run replaces it and again on Reset. */
  #bakedOutput = '';
  #bakedBackend: string | undefined;
  /** What a run shows under the cell: printed lines, the progress bar, the chart (cell-output/). */
  #outputs: { lines: PrintedLines; progress: ProgressBar; chart: CellChart } | undefined;
  /** One renderer per field of a chunk of output. */
  #renderers: ChunkRenderers | undefined;
  #answerQuestion: ((choice: SharedCodeChoice) => void) | undefined;
  /** The code that produced the output shown: an edit makes that output out of date. */
  #outputCode = '';
  /** The line the last error points at, marked in the code until the next edit or run. */
  #errorLine: number | undefined;

  get cellId(): string {
    return this.dataset['cell'] ?? '';
  }

  /** The code that Run executes: the reader's version if they edited it, or shared code shown. */
  get code(): string {
    return this.#editor?.code ?? this.#edits?.code ?? '';
  }

  /** Called once by the page session; wires buttons, restores edits, prepares the editor. */
  connect(context: CellContext): void {
    this.#context = context;
    const codeArea = this.#part('[data-code]');
    const original = codeArea.querySelector('pre')?.textContent ?? codeArea.textContent ?? '';
    this.#originalHtml = codeArea.querySelector('pre')?.innerHTML ?? '';
    this.#bakedOutput = this.#part('[data-output]').textContent ?? '';
    this.#bakedBackend = this.#part('[data-output]').dataset['baked'];
    const outputs = {
      lines: new PrintedLines(this.#part('[data-output]'), context.t),
      progress: new ProgressBar(this.#part('[data-progress]'), context.t),
      chart: new CellChart(
        {
          chart: this.#part('[data-chart]'),
          scale: this.#part('[data-chart-scale]'),
          logScale: this.#part<HTMLInputElement>('[data-chart-log]'),
        },
        context.t,
      ),
    };
    this.#outputs = outputs;
    this.#renderers = {
      lines: (lines) => outputs.lines.append(lines),
      progress: (progress) => outputs.progress.show(progress),
      points: (points) => outputs.chart.add(points),
    };
    this.#edits = new CellEdits(this.cellId, original, context.store);
    this.#outputCode = original;
    if (this.#edits.code !== original) this.#showPlainCode(this.#edits.code);
    this.#renderEditState();
    this.#updateOutdatedMark();

    this.#button('run').addEventListener('click', () => context.host.run(this.cellId));
    this.#button('stop').addEventListener('click', () => context.host.stop());
    this.#button('reset').addEventListener('click', () => this.reset());
    this.#part('[data-buttons]').hidden = false;
    this.#wireEditNotices();

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

  /**
   * Code that came with a share link: shown over the reader's own version and marked, saved only
   * if the reader edits or keeps it, never run until the reader presses Run. Returns whether it
   * differs from what the cell showed.
   */
  loadSharedCode(code: string): boolean {
    const edits = this.#edits;
    if (!edits || code === edits.ownCode) return false;
    this.#change(() => edits.showShared(code));
    return true;
  }

  /** Shared code is on show that the reader has not run, kept or edited yet. */
  get sharedNotYetSeen(): boolean {
    return this.#edits?.sharedNotYetSeen ?? false;
  }

  /** The reader ran the shared code, or agreed to run it. */
  markSharedSeen(): void {
    this.#edits?.markSeen();
  }

  /** Leaves the shared code for the reader's own version (their edit, or the article's code). */
  dropSharedCode(): void {
    const edits = this.#edits;
    if (edits) this.#change(() => edits.dropShared());
  }

  /** The reader has an edit of their own saved, shown or hidden under shared code. */
  get hasOwnEdit(): boolean {
    return this.#edits?.view().hasOwnEdit ?? false;
  }

  /** The reader's saved edit and the original it started from, for "Download my edits". */
  get savedEdit(): SavedEdit | undefined {
    return this.hasOwnEdit ? this.#edits?.saved : undefined;
  }

  /** An edit read from an edits file (see cell-edits.ts for the rules). */
  importEdit(edit: SavedEdit): ImportOutcome {
    const edits = this.#edits;
    if (!edits) return 'unchanged';
    let outcome: ImportOutcome = 'unchanged';
    this.#change(() => {
      outcome = edits.importEdit(edit);
    });
    return outcome;
  }

  /** The code shown differs from the article's. */
  get isModified(): boolean {
    return this.code !== (this.#edits?.original ?? '');
  }

  reset(): void {
    const edits = this.#edits;
    if (edits) this.#change(() => edits.reset());
    if (this.#bakedOutput) {
      this.clearOutput();
      this.#outputs?.lines.clear(this.#bakedOutput);
      this.#outputs?.chart.showBaked();
      this.#setBaked(true);
      this.#outputCode = this.#edits?.original ?? '';
    }
    this.#updateOutdatedMark();
  }

  setState(state: CellState): void {
    // Before the early return: a run short enough to end between two renders never shows `running`.
    if (state !== 'running' && this.#heldHeight) {
      this.#part('.live-cell__result').style.minHeight = '';
      this.#heldHeight = false;
    }
    if (this.dataset['state'] === state) return;
    this.dataset['state'] = state;
    this.#renderStatus();
    this.#button('stop').disabled = !(state === 'running' || state === 'queued');
    if (state !== 'queued') this.showWaitingFor(undefined);
  }

  /** The result's height is held while a run refills it (beginRun). */
  #heldHeight = false;

  /**
   * A run starts: its output replaces the last one. Until it ends, the result keeps the height it
   * had, so that the text below neither jumps up when the old output goes nor creeps down line by
   * line as the new one comes (and is not laid out and redrawn at each line).
   */
  beginRun(): void {
    // A cell the browser skips (off screen: content-visibility) keeps its placeholder height anyway,
    // and measuring it would lay it out for nothing.
    const result = this.#part('.live-cell__result');
    if (typeof result.checkVisibility !== 'function' || result.checkVisibility({ contentVisibilityAuto: true })) {
      result.style.minHeight = `${result.getBoundingClientRect().height}px`;
      this.#heldHeight = true;
    }
    this.clearOutput();
  }

  #blockedBy: string | undefined;
  /** The dependency line shown, to redraw it only when it changes. */
  #dependencyKey = '';

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

  /** The cell did not run because a cell it depends on failed. */
  showBlockedBy(cellId: string | undefined): void {
    if (this.#blockedBy === cellId) return;
    this.#blockedBy = cellId;
    this.#renderStatus();
  }

  /** A control it depends on changed and running it is expensive: its Run button says it waits. */
  setWaitingForRun(waiting: boolean): void {
    const run = this.#button('run');
    run.toggleAttribute('data-waiting', waiting);
    const t = this.#context?.t;
    if (waiting && t) run.title = t('cell.waitingRun');
    else if (t) run.title = t('cell.run.title');
  }

  #renderStatus(): void {
    const t = this.#context?.t;
    const status = this.#part('[data-status]');
    if (!t) return;
    const state = (this.dataset['state'] ?? 'idle') as CellState;
    status.replaceChildren(t(`cell.state.${state}`));
    if (this.#blockedBy && state !== 'running' && state !== 'done') {
      status.replaceChildren(t('cell.blockedBy', { id: this.#blockedBy }));
    }
  }

  /** Redraws the "uses / used by" line (DependencyLine.astro draws the same at build time). */
  showDependencies(line: DependencyLine): void {
    const t = this.#context?.t;
    const container = this.querySelector<HTMLElement>('[data-deps]');
    if (!t || !container) return;
    // The page redraws every cell's line whenever the notebook changes: unchanged lines stay as they are.
    const key = JSON.stringify(line);
    if (key === this.#dependencyKey) return;
    this.#dependencyKey = key;
    const parts: Node[] = [];
    const link = (anchor: string, text: string): HTMLAnchorElement => {
      const a = document.createElement('a');
      a.href = `#${anchor}`;
      a.textContent = text;
      return a;
    };
    if (line.uses.length > 0) {
      const uses = document.createElement('span');
      uses.dataset['depsUses'] = '';
      uses.append(t('deps.uses'), ' ');
      line.uses.forEach(({ from, anchor, names }, index) => {
        if (index > 0) uses.append(' · ');
        for (const name of names) {
          const code = document.createElement('code');
          code.textContent = name;
          uses.append(code);
        }
        uses.append(' ← ', link(anchor, from));
      });
      parts.push(uses);
    }
    if (line.uses.length > 0 && line.usedBy.length > 0) parts.push(document.createTextNode(' — '));
    if (line.usedBy.length > 0) {
      const usedBy = document.createElement('span');
      usedBy.dataset['depsUsedBy'] = '';
      usedBy.append(t('deps.usedBy'), ' ');
      line.usedBy.forEach((other, index) => {
        if (index > 0) usedBy.append(', ');
        usedBy.append(link(`cell-${other}`, other));
      });
      parts.push(usedBy);
    }
    container.replaceChildren(...parts);
    container.hidden = parts.length === 0;
  }

  clearOutput(): void {
    this.#outputs?.lines.clear();
    this.#outputs?.chart.clear();
    this.#outputs?.progress.hide();
    this.#setBaked(false);
    this.showNumberWarning(undefined);
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
    if (this.#renderers) showChunk(chunk, this.#renderers);
  }

  /** The session ended: a progress bar of a run that will not finish goes away. */
  closeProgress(): void {
    this.#outputs?.progress.hide();
  }

  appendOutput(text: string): void {
    this.#outputs?.lines.append(text.split('\n'));
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
    if ((failure.hint === 'loadFailed' || failure.hint === 'codeLoadFailed') && t) {
      // A failed download is retried by running the cell again: data and code load on first use.
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

  /** The code changed (typed, reset, swapped): the output and the error mark may no longer match it. */
  #codeChanged(): void {
    this.#updateOutdatedMark();
    // The error's line mark no longer matches the code (the editor clears its own on an edit).
    if (this.#editor) this.#errorLine = undefined;
    else this.#markErrorLine(undefined);
  }

  /**
   * Says, in the cell, that what it showed holds NaN or Infinity, with a one-line explanation, so
   * such a number is never taken for a result. `undefined` removes the warning.
   */
  showNumberWarning(warning: NumberWarning | undefined): void {
    const element = this.#part('[data-number-warning]');
    const t = this.#context?.t;
    if (!warning || !t || !(warning.nan || warning.infinity)) {
      element.hidden = true;
      element.replaceChildren();
      delete element.dataset['found'];
      return;
    }
    const paragraph = (text: string): HTMLParagraphElement => {
      const p = document.createElement('p');
      p.textContent = text;
      return p;
    };
    const headline = warning.nan && warning.infinity ? 'numbers.both' : warning.nan ? 'numbers.nan' : 'numbers.infinity';
    element.replaceChildren(paragraph(t(headline)));
    if (warning.where && warning.where.length > 0) element.append(paragraph(t('numbers.where', { where: warning.where.join(', ') })));
    element.append(paragraph(t(`numbers.hint.${warning.hint}`)));
    element.dataset['found'] = [warning.nan ? 'nan' : '', warning.infinity ? 'infinity' : ''].filter(Boolean).join(' ');
    element.hidden = false;
  }

  /**
   * Before this cell runs: earlier cells show code from a share link that the reader has not run.
   * Lists them on this cell and asks which code should run; resolves with the reader's answer.
   */
  askAboutSharedCells(cellIds: readonly string[], ownCodeExists: boolean): Promise<SharedCodeChoice> {
    this.#answerQuestion?.('cancel');
    const question = this.#part('[data-shared-question]');
    const text = this.#part('[data-shared-question-text]');
    const [before = '', after = ''] = (text.dataset['template'] ?? '{cells}').split('{cells}');
    const names = cellIds.flatMap((id, index) => {
      const code = document.createElement('code');
      code.textContent = id;
      return index === 0 ? [code] : [', ', code];
    });
    text.replaceChildren(before, ...names, after);
    const skip = this.#part('[data-action="skip-shared"]');
    skip.textContent = (ownCodeExists ? skip.dataset['labelMine'] : skip.dataset['labelArticle']) ?? '';
    question.hidden = false;
    this.#part('[data-action="run-shared"]').focus();
    return new Promise((resolve) => {
      this.#answerQuestion = (choice) => {
        this.#answerQuestion = undefined;
        question.hidden = true;
        resolve(choice);
      };
    });
  }

  #wireEditNotices(): void {
    const on = (action: string, handler: () => void): void => {
      this.#part(`[data-action="${action}"]`).addEventListener('click', handler);
    };
    const edit = (change: (edits: CellEdits) => void) => () => {
      const edits = this.#edits;
      if (edits) this.#change(() => change(edits));
    };
    on(
      'keep-mine',
      edit((edits) => edits.keepMine()),
    );
    on(
      'take-article',
      edit((edits) => edits.takeArticle()),
    );
    on(
      'keep-shared',
      edit((edits) => edits.keepShared()),
    );
    on(
      'restore-mine',
      edit((edits) => edits.dropShared()),
    );
    on(
      'use-article',
      edit((edits) => edits.dropShared()),
    );
    on(
      'swap-earlier',
      edit((edits) => edits.swapEarlier()),
    );
    on(
      'forget-earlier',
      edit((edits) => edits.forgetEarlier()),
    );
    on('compare', () => {
      const compare = this.#part('[data-action="compare"]');
      const open = compare.getAttribute('aria-expanded') !== 'true';
      compare.setAttribute('aria-expanded', String(open));
      this.#part('[data-versions]').hidden = !open;
      if (open) void this.#renderVersions();
    });
    on('run-shared', () => this.#answerQuestion?.('run-shared'));
    on('skip-shared', () => this.#answerQuestion?.('use-own'));
    on('cancel-run', () => this.#answerQuestion?.('cancel'));
  }

  /** Applies a change to the cell's versions, then shows the resulting code and notices. */
  #change(apply: () => void): void {
    const edits = this.#edits;
    if (!edits) return;
    const before = this.code;
    apply();
    const code = edits.code;
    if (this.#editor) {
      if (this.#editor.code !== code) {
        this.#settingCode = true;
        try {
          this.#editor.setCode(code);
        } finally {
          this.#settingCode = false;
        }
      }
    } else {
      this.#showPlainCode(code);
    }
    this.#renderEditState();
    if (code !== before) {
      this.#codeChanged();
      this.#context?.host.edited(this.cellId);
    }
  }

  /** The marks and notices about the cell's versions, from its current state. */
  #renderEditState(): void {
    const edits = this.#edits;
    if (!edits) return;
    const view = edits.view();
    const modified = view.code !== edits.original;
    this.#part('[data-modified-mark]').hidden = !modified || view.fromLink;
    this.toggleAttribute('data-modified', modified);
    this.toggleAttribute('data-from-link', view.fromLink);
    this.#part('[data-from-link-mark]').hidden = !view.fromLink;
    this.#part('[data-link-layer]').hidden = !view.fromLink;
    this.#part('[data-action="restore-mine"]').hidden = !view.hasOwnEdit;
    this.#part('[data-action="use-article"]').hidden = view.hasOwnEdit;
    const conflict = view.status === 'conflict' && !view.fromLink;
    this.toggleAttribute('data-edit-conflict', conflict);
    this.#part('[data-conflict]').hidden = !conflict;
    if (conflict && !this.#part('[data-versions]').hidden) void this.#renderVersions();
    this.#part('[data-earlier]').hidden = !view.hasEarlier || view.fromLink;
  }

  /** The three versions side by side, then the lines that differ from the edit's original marked. */
  async #renderVersions(): Promise<void> {
    const edits = this.#edits;
    const saved = edits?.saved;
    if (!edits || !saved) return;
    const show = (name: string, text: string, changed?: readonly boolean[]): void => {
      const lines = text.split('\n').flatMap((line, index) => {
        if (!changed?.[index]) return [`${line}\n`];
        const mark = document.createElement('mark');
        mark.textContent = line;
        return [mark, '\n'];
      });
      this.#part(`[data-version="${name}"]`).replaceChildren(...lines);
    };
    const basePre = this.#part('[data-version="base"]');
    if (saved.base === null) basePre.textContent = basePre.dataset['unknownText'] ?? '';
    else show('base', saved.base);
    show('original', edits.original);
    show('mine', saved.code);
    if (saved.base === null) return;
    // The comparison loads when the reader asks for it, not with the page.
    const { changedLines } = await import('./line-diff.ts');
    show('original', edits.original, changedLines(saved.base, edits.original));
    show('mine', saved.code, changedLines(saved.base, saved.code));
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
      code: this.#edits?.code ?? '',
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

  /** The reader typed in the editor. */
  #applyCode(code: string): void {
    const edits = this.#edits;
    if (this.#settingCode || !edits || code === edits.code) return;
    edits.typed(code);
    this.#renderEditState();
    this.#codeChanged();
    this.#context?.host.edited(this.cellId);
  }

  /** Before the editor loads, the cell shows its code as plain text (highlighted when original). */
  #showPlainCode(code: string): void {
    const pre = this.#part('[data-code]').querySelector('pre');
    if (!pre) return;
    if (code === this.#edits?.original && this.#originalHtml) pre.innerHTML = this.#originalHtml;
    else pre.textContent = code;
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
