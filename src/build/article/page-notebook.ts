/**
 * An article page's notebook as the build knows it: the nodes (notebook-nodes.ts) with what the
 * build-time run saw (run-time writes, durations), the build's value of each view, and each cell's
 * dependencies for the "uses / used by" line. The page embeds the nodes for the browser, which runs
 * the same notebook (src/runtime/notebook).
 */
import { DependencyGraph } from '../../runtime/notebook/graph.ts';
import { dependencyLine, type DependencyLine } from '../../runtime/notebook/dependency-line.ts';
import type { ResultValue } from '../../runtime/protocol.ts';
import type { ArticleOutputs } from '../bake/outputs-store.ts';
import { notebookNodes, type PageNode } from './notebook-nodes.ts';
import type { ArticleRecord } from './record.ts';

export interface PageNotebook {
  nodes: PageNode[];
  /** The build's value of `name` as a view (or the cell) at `node` sees it. */
  valueAt(node: string | undefined, name: string): ResultValue | undefined;
  dependencies(cellId: string): DependencyLine;
}

export function pageNotebook(record: Pick<ArticleRecord, 'cells' | 'components'>, outputs: ArticleOutputs | undefined): PageNotebook {
  const nodes = notebookNodes(record).map((node): PageNode => {
    const baked = outputs?.cells[node.id];
    if (node.kind !== 'cell' || !baked) return node;
    return { ...node, bakedWrites: baked.writes ?? [], baked: true, ...(baked.ms === undefined ? {} : { bakedMs: baked.ms }) };
  });
  // The graph the browser starts from: static analysis plus the writes the build saw.
  const graph = new DependencyGraph(
    nodes.map((node) => ({ ...node, writes: [...new Set([...node.writes, ...(node.bakedWrites ?? [])])] })),
  );
  const cellIds = new Set(nodes.filter((node) => node.kind === 'cell').map((node) => node.id));
  return {
    nodes,
    valueAt(node, name) {
      if (!outputs) return undefined;
      const provider = node && graph.has(node) ? graph.providerOf(node, name) : undefined;
      return provider ? outputs.cells[provider]?.results[name] : outputs.results[name];
    },
    dependencies(cellId) {
      return dependencyLine(graph, cellId, (id) => cellIds.has(id));
    },
  };
}
