/** The page's notebook as the build wrote it (SessionControls.astro): cells, controls and views. */
import type { NotebookNode } from '../runtime/notebook/notebook.ts';

export function readNotebookNodes(root: ParentNode = document): NotebookNode[] {
  const element = root.querySelector('script[data-notebook]');
  try {
    const nodes: unknown = JSON.parse(element?.textContent ?? '[]');
    return Array.isArray(nodes) ? (nodes as NotebookNode[]) : [];
  } catch {
    // A page without its notebook still runs cells, each on its own.
    return [];
  }
}
