/**
 * The CodeMirror 6 editor of a live cell. This module is loaded on demand (see live-cell.ts), so
 * the reader downloads it only when a cell comes near the screen or gets the focus.
 */
import { Compartment, EditorState, Prec, RangeSet, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  GutterMarker,
  gutterLineClass,
  keymap,
  lineNumbers,
  highlightActiveLine,
  drawSelection,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting, HighlightStyle } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { tags } from '@lezer/highlight';

export interface CodeEditorOptions {
  parent: HTMLElement;
  code: string;
  label: string;
  onChange: (code: string) => void;
  onRun: () => void;
  onEscape: () => void;
  dark: boolean;
}

export interface CodeEditor {
  readonly code: string;
  setCode(code: string): void;
  focus(): void;
  setDark(dark: boolean): void;
  /** Marks the line an error points at (1-based), or clears the mark; an edit clears it too. */
  markErrorLine(line: number | undefined): void;
}

/**
 * The colours of the static code (shiki's GitHub high-contrast themes), as CSS variables that
 * follow the theme (tokens.css): a cell looks the same before and after its editor loads.
 */
const codeColours = HighlightStyle.define([
  { tag: tags.comment, color: 'var(--code-comment)' },
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier, tags.controlKeyword, tags.definitionKeyword], color: 'var(--code-keyword)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom, tags.self, tags.propertyName], color: 'var(--code-constant)' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--code-function)' },
  { tag: [tags.string, tags.regexp, tags.special(tags.string)], color: 'var(--code-string)' },
  { tag: tags.definition(tags.variableName), color: 'var(--code-definition)' },
]);

const setErrorLine = StateEffect.define<number | undefined>();

class ErrorGutterMarker extends GutterMarker {
  override elementClass = 'cm-error-gutter';
}

/** The line of the last error, as a line decoration and a gutter class; edits clear it. */
const errorLine = StateField.define<{ line: number | undefined }>({
  create: () => ({ line: undefined }),
  update(value, transaction) {
    for (const effect of transaction.effects) if (effect.is(setErrorLine)) return { line: effect.value };
    return transaction.docChanged ? { line: undefined } : value;
  },
  provide: (field) => [
    EditorView.decorations.compute([field], (state) => {
      const { line } = state.field(field);
      if (line === undefined || line < 1 || line > state.doc.lines) return Decoration.none;
      return Decoration.set([Decoration.line({ class: 'cm-error-line' }).range(state.doc.line(line).from)]);
    }),
    gutterLineClass.compute([field], (state) => {
      const { line } = state.field(field);
      if (line === undefined || line < 1 || line > state.doc.lines) return RangeSet.empty;
      return RangeSet.of([new ErrorGutterMarker().range(state.doc.line(line).from)]);
    }),
  ],
});

function darkness(dark: boolean): Extension {
  return EditorView.theme({}, { dark });
}

export function createCodeEditor(options: CodeEditorOptions): CodeEditor {
  const runKeys = keymap.of([
    { key: 'Shift-Enter', run: () => (options.onRun(), true) },
    { key: 'Mod-Enter', run: () => (options.onRun(), true) },
    { key: 'Escape', run: () => (options.onEscape(), true) },
  ]);
  const theme = new Compartment();
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.code,
      extensions: [
        Prec.highest(runKeys),
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        // Colours come from CSS variables; the theme flag only tunes CodeMirror's own (selection, caret).
        theme.of(darkness(options.dark)),
        syntaxHighlighting(codeColours),
        errorLine,
        javascript(),
        // Wrapped lines, like the static code before the editor loaded: no horizontal scrolling.
        EditorView.lineWrapping,
        // Tab is left to the browser so keyboard users can move on; indentation is automatic.
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    get code() {
      return view.state.doc.toString();
    },
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    focus() {
      view.focus();
    },
    setDark(dark) {
      view.dispatch({ effects: theme.reconfigure(darkness(dark)) });
    },
    markErrorLine(line) {
      view.dispatch({ effects: setErrorLine.of(line) });
    },
  };
}
