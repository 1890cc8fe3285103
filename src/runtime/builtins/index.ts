/**
 * The built-ins every cell sees besides `tf` and its variables: one file each, one line here.
 * Values loaded on first use (`mnist`) are lazy globals instead (CellSessionOptions.lazyGlobals).
 */
import type { BuiltinContext, CellBuiltin } from './cell-builtin.ts';
import { consoleBuiltin, printBuiltin } from './print.ts';
import { plotBuiltin } from './plot.ts';
import { progressBuiltin } from './progress.ts';

export type { BuiltinContext, CellBuiltin } from './cell-builtin.ts';
export { plotBuiltin, progressBuiltin };

export const CELL_BUILTINS: readonly CellBuiltin[] = [printBuiltin, consoleBuiltin, progressBuiltin, plotBuiltin];

/** The built-ins of one run, by name (a later entry with the same name replaces an earlier one). */
export function createBuiltins(builtins: readonly CellBuiltin[], context: BuiltinContext): Record<string, unknown> {
  return Object.fromEntries(builtins.map((builtin) => [builtin.name, builtin.create(context)]));
}
