/** `plot(series, x, y)`: a point of a line chart under the cell, e.g. `plot('loss', step, value)`. */
import type { CellBuiltin } from './cell-builtin.ts';

export const plotBuiltin: CellBuiltin<(series: string, x: number, y: number) => void> = {
  name: 'plot',
  create: (context) => (series, x, y) => {
    context.checkInterrupt();
    context.emit({ kind: 'point', series: String(series), x: Number(x), y: Number(y) });
  },
};
