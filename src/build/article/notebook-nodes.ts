/**
 * The nodes of an article's notebook, from its record: its cells (with what their code defines and
 * reads) and the components that show or define session variables (views and controls), in page
 * order. The build runs them (run-article.ts) and hands them to the page, which runs them again.
 */
import { analyzeCell, type CellAnalysis } from '../../runtime/notebook/analyze-cell.ts';
import type { NotebookNode } from '../../runtime/notebook/notebook.ts';
import type { ArticleRecord } from './record.ts';
import { nodeRole } from './shown-names.ts';

export interface PageNode extends NotebookNode {
  line: number;
  /** Views: the variables shown. */
  shows?: string[];
  /** Controls: the value the article gives the variable. */
  value?: string | number | boolean | null;
}

export function notebookNodes(record: Pick<ArticleRecord, 'cells' | 'components'>): PageNode[] {
  const cells: PageNode[] = record.cells.map((cell) => ({ id: cell.id, kind: 'cell', line: cell.line, ...analysisOf(cell.code) }));
  const others: PageNode[] = record.components.flatMap((component): PageNode[] => {
    const role = nodeRole(component);
    if (!role || !component.node) return [];
    if (role.kind === 'control') {
      return [
        {
          id: component.node,
          kind: 'control',
          line: component.line,
          defines: [role.defines],
          reads: [],
          writes: [],
          value: component.props['value'] ?? null,
        },
      ];
    }
    return [{ id: component.node, kind: 'view', line: component.line, defines: [], reads: role.shows, writes: [], shows: role.shows }];
  });
  return [...cells, ...others].sort((a, b) => a.line - b.line);
}

/** A cell that does not parse defines and reads nothing: the build fails on it anyway, with its line. */
function analysisOf(code: string): CellAnalysis {
  try {
    return analyzeCell(code);
  } catch {
    return { defines: [], reads: [], writes: [], functions: {} };
  }
}
