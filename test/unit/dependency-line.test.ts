import { describe, expect, it } from 'vitest';
import { DependencyGraph, type GraphNode } from '../../src/runtime/notebook/graph.ts';
import { dependencyLine } from '../../src/runtime/notebook/dependency-line.ts';

const node = (id: string, kind: GraphNode['kind'], defines: string[], reads: string[] = []): GraphNode => ({
  id,
  kind,
  defines,
  reads,
  writes: [],
});

describe('dependencyLine: the "uses / used by" line under a cell', () => {
  const graph = new DependencyGraph([
    node('data', 'cell', ['x', 'y_']),
    node('params', 'cell', ['W', 'b']),
    node('learning_rate', 'control', ['learning_rate']),
    node('model', 'cell', ['y'], ['y_', 'x', 'b', 'W', 'learning_rate']),
    node('accuracy-inline', 'view', [], ['y']),
    node('evaluate', 'cell', ['accuracy'], ['y', 'y_']),
  ]);
  const isCell = (id: string) => graph.node(id).kind === 'cell';

  it('groups the names by the cell above that gives them, in page order, names in reading order with capitals among small letters', () => {
    expect(dependencyLine(graph, 'model', isCell).uses).toEqual([
      { from: 'data', anchor: 'cell-data', names: ['x', 'y_'] },
      { from: 'params', anchor: 'cell-params', names: ['b', 'W'] },
      { from: 'learning_rate', anchor: 'learning_rate', names: ['learning_rate'] },
    ]);
  });

  it('lists as users only the cells below, not the inline values and figures', () => {
    expect(dependencyLine(graph, 'model', isCell).usedBy).toEqual(['evaluate']);
  });

  it('is empty for a node the graph does not know', () => {
    expect(dependencyLine(graph, 'nowhere', isCell)).toEqual({ uses: [], usedBy: [] });
  });
});
