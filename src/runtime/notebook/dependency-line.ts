/**
 * The "uses / used by" line under a cell, as data: the names it takes from each cell above (grouped
 * by that cell, in page order) and the cells below that use it. Drawn at build time by LiveCell and
 * again in the browser when an edit or a run changes the graph.
 */
import type { DependencyGraph } from './graph.ts';

export interface DependencyLine {
  /** `anchor`: the id of the element to link to (`cell-<id>` for a cell, the node id otherwise). */
  uses: Array<{ from: string; anchor: string; names: string[] }>;
  usedBy: string[];
}

/** The element id of a node: cells are `cell-<id>`, controls and views their node id. */
export function anchorOf(graph: DependencyGraph, id: string): string {
  return graph.node(id).kind === 'cell' ? `cell-${id}` : id;
}

/**
 * Names in reading order, capitals among small letters (b, W, x). Not localeCompare: its first call
 * loads a collator, ~25 ms on a phone-class CPU, and the page computes these lines at start.
 */
function byName(a: string, b: string): number {
  const [lowerA, lowerB] = [a.toLowerCase(), b.toLowerCase()];
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function dependencyLine(graph: DependencyGraph, id: string, isCell: (id: string) => boolean): DependencyLine {
  if (!graph.has(id)) return { uses: [], usedBy: [] };
  const groups = new Map<string, string[]>();
  for (const [name, from] of graph.inputsOf(id)) {
    if (graph.node(from).kind === 'view') continue;
    groups.set(from, [...(groups.get(from) ?? []), name]);
  }
  const uses = [...groups]
    .sort(([a], [b]) => graph.position(a) - graph.position(b))
    .map(([from, names]) => ({ from, anchor: anchorOf(graph, from), names: names.sort(byName) }));
  const usedBy = graph.dependentsOf(id).filter(isCell);
  return { uses, usedBy };
}
