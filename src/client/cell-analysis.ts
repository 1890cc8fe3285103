/**
 * Loaded when the reader first edits a cell (with the editor's chunk, never before interaction):
 * what the edited code defines and reads, for the notebook's graph. Code that does not parse keeps
 * the graph it had; running it shows the syntax error.
 */
import { analyzeCell, type CellAnalysis } from '../runtime/notebook/analyze-cell.ts';

export function analyzeOrUndefined(code: string): CellAnalysis | undefined {
  try {
    return analyzeCell(code);
  } catch {
    return undefined;
  }
}
