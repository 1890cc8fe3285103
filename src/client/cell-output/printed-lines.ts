/**
 * What a cell printed, shown under it: appended without rewriting what is there (each chunk costs
 * its own size), and bounded: past the first lines, only a window of the latest is shown, with a
 * count of the lines left out (../output-log.ts).
 */
import { OutputLog } from '../output-log.ts';
import type { Translate } from '../ui-strings.ts';

export class PrintedLines {
  readonly #output: HTMLElement;
  readonly #t: Translate;
  readonly #log = new OutputLog();
  #nodes: { head: Text; omitted: HTMLElement; tail: Text } | undefined;

  /** `output` is the cell's `[data-output]`. */
  constructor(output: HTMLElement, t: Translate) {
    this.#output = output;
    this.#t = t;
  }

  append(lines: readonly string[]): void {
    if (!this.#nodes) {
      // Text already there (the baked output, say) counts as the first lines.
      const existing = this.#output.textContent ?? '';
      const omitted = document.createElement('span');
      omitted.dataset['outputOmitted'] = '';
      this.#nodes = { head: document.createTextNode(existing), omitted, tail: document.createTextNode('') };
      this.#output.replaceChildren(this.#nodes.head, omitted, this.#nodes.tail);
      if (existing !== '') this.#log.add(existing.split('\n'));
    }
    const nodes = this.#nodes;
    const hadLines = this.#log.lineCount > 0;
    const { head, tailChanged } = this.#log.add(lines);
    if (head.length > 0) nodes.head.appendData(`${hadLines ? '\n' : ''}${head.join('\n')}`);
    if (tailChanged) {
      const omitted = this.#log.omitted;
      nodes.omitted.textContent = omitted > 0 ? `\n${this.#t('output.more', { count: omitted })}` : '';
      nodes.tail.data = `\n${this.#log.tail.join('\n')}`;
    }
  }

  /** Empties the output; `text` (the baked output, on Reset) is shown instead. */
  clear(text = ''): void {
    this.#output.textContent = text;
    this.#log.clear();
    this.#nodes = undefined;
  }
}
