/**
 * The CodeMirror 6 editor of a live cell. This module is loaded on demand (see live-cell.ts), so
 * the reader downloads it only when a cell comes near the screen or gets the focus.
 */
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';

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
}

function colours(dark: boolean): Extension {
  return dark ? oneDark : syntaxHighlighting(defaultHighlightStyle);
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
        theme.of(colours(options.dark)),
        javascript(),
        // Wrapped lines: no horizontal scrolling inside a cell, on a phone or elsewhere.
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
      view.dispatch({ effects: theme.reconfigure(colours(dark)) });
    },
  };
}
